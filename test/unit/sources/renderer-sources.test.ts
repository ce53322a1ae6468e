import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppContext, type AppContextOptions } from '../../../commands/app-context.ts';
import type { CommandName, CommandOutcome, CommandResult, Host, SourcesChanged } from '../../../contract/index.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { conditionalFeed, rss, startFeedServer, story, type FeedServer } from './feed-server.ts';

// What the renderers (serve, ipc) may do with subscriptions: never reach a loopback or private
// address they typed (unless the test-only allowance is on), and what the sidebar needs.

let server: FeedServer;
const open: { context: AppContext; remove: () => void }[] = [];

beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [1, 2, 3].map((n) => ({ guid: `g-${n}`, title: `Tin ${n}`, link: `https://example.vn/${n}`, body: story(n) })))));
  server.routes.set('/page.html', (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>Trang</title></head><body><article><h1>Trang</h1><p>${story(9)}</p></article></body></html>`));
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const { context, remove } of open.splice(0)) {
    await context.close();
    remove();
  }
});

async function openContext(sources: AppContextOptions['sources'] = {}): Promise<AppContext> {
  const folder = temporaryFolder();
  const context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser', withoutSearch: true, sources: { fetchTimeoutMs: 1500, ...sources } });
  open.push({ context, remove: folder.remove });
  return context;
}

function caller(context: AppContext, host: Host) {
  return async <N extends CommandName>(name: N, args: unknown): Promise<CommandOutcome<CommandResult<N>>> => (await context.dispatchFor(host)(name, args)) as CommandOutcome<CommandResult<N>>;
}

function requestsTo(path: string): number {
  return server.requests.filter((request) => request.path === path).length;
}

describe('a renderer and local addresses', () => {
  for (const host of ['serve', 'ipc'] as const) {
    it(`refuses ${host}'s sources.add of 127.0.0.1 by default, without a single request`, async () => {
      const context = await openContext();
      const before = requestsTo('/feed.xml');
      const outcome = await caller(context, host)('sources.add', { url: server.url('/feed.xml') });
      expect(outcome).toMatchObject({ ok: false, error: { reason: { kind: 'source.unusable', failure: { kind: 'address-not-allowed', host: '127.0.0.1' } } } });
      expect(requestsTo('/feed.xml')).toBe(before);
      expect(context.sources.list()).toHaveLength(0);
    });
  }

  it('refuses localhost and [::1] spellings too, and a renderer’s page save of a local address', async () => {
    const context = await openContext();
    const serve = caller(context, 'serve');
    for (const url of ['http://localhost:9/feed.xml', 'http://[::1]:9/feed.xml', 'http://192.168.1.1/feed.xml']) {
      expect(await serve('sources.add', { url }), url).toMatchObject({ ok: false, error: { reason: { failure: { kind: 'address-not-allowed' } } } });
    }
    const before = requestsTo('/page.html');
    const saved = await serve('library.importUrls', { jobId: 'save-1', urls: [server.url('/page.html')] });
    expect(saved).toMatchObject({ ok: true, value: { imported: [], failed: [{ path: server.url('/page.html'), reason: { kind: 'address-not-allowed' } }] } });
    expect(requestsTo('/page.html')).toBe(before);
    expect(context.library.counts().all).toBe(0);
  });

  it('keeps local outlines of a renderer’s OPML out, each reported with its line', async () => {
    const context = await openContext();
    const opml = `<?xml version="1.0"?>\n<opml version="2.0"><head/><body>\n<outline text="Wire" xmlUrl="https://wire.example.com/rss"/>\n<outline text="Local" xmlUrl="${server.url('/feed.xml')}"/>\n</body></opml>`;
    const outcome = await caller(context, 'serve')('opml.import', { opml });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.added.map((source) => source.url)).toEqual(['https://wire.example.com/rss']);
    expect(outcome.value.problems).toEqual([{ line: 4, reason: { kind: 'address-not-allowed', url: expect.stringContaining('127.0.0.1'), host: '127.0.0.1' }, message: expect.stringContaining('127.0.0.1') }]);
  });

  it('lets the command line subscribe to what it typed, and leaves that source to the scheduler when a renderer asks to refresh', async () => {
    const context = await openContext();
    const added = await caller(context, 'cli')('sources.add', { url: server.url('/feed.xml') });
    expect(added).toMatchObject({ ok: true, value: { status: 'added' } });
    if (!added.ok || added.value.status !== 'added') return;
    const id = added.value.source.id;
    const before = requestsTo('/feed.xml');
    expect(await caller(context, 'serve')('sources.refresh', { id })).toMatchObject({ ok: false, error: { reason: { failure: { kind: 'address-not-allowed' } } } });
    expect(await caller(context, 'serve')('sources.refresh', { all: true })).toMatchObject({ ok: true, value: [{ id, status: 'skipped' }] });
    expect(requestsTo('/feed.xml')).toBe(before);
    expect(await caller(context, 'cli')('sources.refresh', { id })).toMatchObject({ ok: true, value: [{ id, status: 'not-modified' }] });
  });

  it('lets a renderer reach 127.0.0.1 only with the test-only allowance', async () => {
    const context = await openContext({ allowRendererLoopback: true });
    const serve = caller(context, 'serve');
    expect(await serve('sources.add', { url: server.url('/feed.xml') })).toMatchObject({ ok: true, value: { status: 'added', refresh: { imported: 3 } } });
    expect(await serve('library.importUrls', { jobId: 'save-2', urls: [server.url('/page.html')] })).toMatchObject({ ok: true, value: { failed: [] } });
    expect(context.library.counts().all).toBe(4);
  });

  it('refuses a page’s feed link to a local address the person did not type', async () => {
    const context = await openContext();
    const page = `<html><head><link rel="alternate" type="application/rss+xml" href="${server.url('/feed.xml')}"></head><body>x</body></html>`;
    server.routes.set('/site.html', (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
    // Typed as localhost (the typed host), linking to 127.0.0.1 (another host): not followed.
    const site = server.url('/site.html').replace('127.0.0.1', 'localhost');
    const before = requestsTo('/feed.xml');
    expect(await caller(context, 'cli')('sources.add', { url: site })).toMatchObject({ ok: false, error: { reason: { failure: { kind: 'address-not-allowed', host: '127.0.0.1' } } } });
    expect(requestsTo('/feed.xml')).toBe(before);
  });
});

describe('what the sidebar needs', () => {
  it('counts unread articles per source, lists them by source id, marks them read and back, and announces changes', async () => {
    const context = await openContext({ allowRendererLoopback: true });
    const changes: SourcesChanged[] = [];
    context.events.onAny((event, payload) => {
      if (event === 'sources.changed') changes.push(payload as SourcesChanged);
    });
    const serve = caller(context, 'serve');
    const added = await serve('sources.add', { url: server.url('/feed.xml'), folder: 'Thời sự' });
    if (!added.ok || added.value.status !== 'added') throw new Error('not added');
    const id = added.value.source.id;
    expect(changes.some((change) => change.ids.includes(id))).toBe(true);
    expect(context.sources.list()).toMatchObject([{ id, unreadCount: 3, articleCount: 3, refreshing: false }]);

    const listed = context.library.list({ view: 'all', sourceId: id, limit: 10 });
    expect(listed.total).toBe(3);
    expect(context.library.list({ view: 'all', sourceId: 'no-such-source', limit: 10 }).total).toBe(0);
    context.library.update(listed.items[0]!.id, { read: true });
    expect(context.sources.list()[0]!.unreadCount).toBe(2);

    const marked = await serve('sources.markAllRead', { folder: 'Thời sự' });
    if (!marked.ok) throw new Error(marked.error.message);
    expect(marked.value.ids).toHaveLength(2);
    expect(context.sources.list()[0]!.unreadCount).toBe(0);
    expect(await serve('sources.markUnread', { ids: marked.value.ids })).toMatchObject({ ok: true, value: { count: 2 } });
    expect(context.sources.list()[0]!.unreadCount).toBe(2);
    expect(await serve('sources.markAllRead', { folder: 'Không có' })).toMatchObject({ ok: false, error: { reason: { kind: 'source.empty-folder' } } });

    changes.length = 0;
    await serve('sources.update', { id, patch: { paused: true } });
    expect(changes).toEqual([{ ids: [id] }]);
    expect(await serve('sources.remove', { id, articles: 'keep' })).toMatchObject({ ok: true, value: { kept: 3, trashed: 0 } });
    expect(changes.at(-1)).toEqual({ ids: [id] });
    expect(context.library.counts().all).toBe(3);
  });
});
