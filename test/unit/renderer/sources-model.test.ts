import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { CommandArgs, CommandName, CommandResult, FailureReason } from '../../../contract/index.ts';
import { droppedLink } from '../../../renderer/controllers/link-drop-controller.ts';
import { normaliseAddress } from '../../../renderer/state/add-source-flow.ts';
import type { CommandClient } from '../../../renderer/state/client-port.ts';
import { Notices } from '../../../renderer/state/notices.ts';
import { SourcesModel } from '../../../renderer/state/sources-model.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { conditionalFeed, rss, startFeedServer, story, type FeedServer } from '../sources/feed-server.ts';

/** The renderer's client as serve answers it (host `serve`, loopback allowed as the e2e fixture does), errors with their reason. */
class ServeClient implements CommandClient {
  readonly context: AppContext;

  constructor(context: AppContext) {
    this.context = context;
  }

  async call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    const outcome = await this.context.dispatchFor('serve')(name, args);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code, reason: outcome.error.reason as FailureReason | undefined });
    return outcome.value as CommandResult<N>;
  }
}

let server: FeedServer;
let folder: { dir: string; remove: () => void };
let context: AppContext;
let notices: Notices;
let model: SourcesModel;

beforeAll(async () => {
  server = await startFeedServer();
  const items = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ guid: `${prefix}-${i}`, title: `${prefix} ${i}`, link: `https://example.vn/${prefix}/${i}`, body: story(i + (prefix === 'kt' ? 100 : 0)) }));
  server.routes.set('/thoi-su.xml', conditionalFeed(() => rss('Thời sự', items('ts', 2))));
  server.routes.set('/kinh-te.xml', conditionalFeed(() => rss('Kinh tế', items('kt', 3))));
  const page = (links: string) => `<html><head><title>Báo</title>${links}</head><body><article><h1>Báo</h1><p>${story(50)}</p><p>${story(51)}</p></article></body></html>`;
  const link = (path: string) => `<link rel="alternate" type="application/rss+xml" title="${path}" href="${server.url(path)}">`;
  server.routes.set('/site.html', (_q, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page(link('/thoi-su.xml') + link('/kinh-te.xml'))));
  server.routes.set('/plain.html', (_q, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page('')));
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  folder = temporaryFolder();
  context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser', withoutSearch: true, sources: { allowRendererLoopback: true, fetchTimeoutMs: 1500 } });
  notices = new Notices();
  model = new SourcesModel(new ServeClient(context), notices);
});
afterEach(async () => {
  notices.dispose();
  await context.close();
  folder.remove();
});

describe('AddSourceFlow', () => {
  it('lists a site’s feeds to choose from, then subscribes to the one chosen into the folder given', async () => {
    await model.adding.addSource(server.url('/site.html'), 'Thời sự');
    const state = model.adding.state;
    expect(state.step).toBe('choose');
    if (state.step !== 'choose') return;
    expect(state.feeds.map((feed) => feed.url)).toEqual([server.url('/thoi-su.xml'), server.url('/kinh-te.xml')]);
    await model.adding.addSource(state.feeds[1]!.url, 'Kinh tế');
    expect(model.adding.state).toMatchObject({ step: 'added', source: { title: 'Kinh tế', folder: 'Kinh tế' }, imported: 3 });
    await model.reload();
    expect(model.folders()).toMatchObject([{ name: 'Kinh tế', unread: 3, sources: [{ title: 'Kinh tế' }] }]);
  });

  it('offers to save a page that has no feed, and saves it as an article', async () => {
    await model.adding.addSource(server.url('/plain.html'));
    expect(model.adding.state).toMatchObject({ step: 'not-a-feed', url: server.url('/plain.html'), why: { kind: 'no-feed-found' } });
    await model.adding.savePage(server.url('/plain.html'));
    const state = model.adding.state;
    expect(state).toMatchObject({ step: 'saved', duplicate: false });
    if (state.step !== 'saved') return;
    expect(context.library.get(state.articleId)?.title).toBe('Báo');
    await model.adding.savePage(server.url('/plain.html'));
    expect(model.adding.state).toMatchObject({ step: 'saved', duplicate: true, articleId: state.articleId });
  });

  it('says why an address failed, in data the UI words', async () => {
    await model.adding.addSource(server.url('/missing.xml'));
    expect(model.adding.state).toMatchObject({ step: 'failed', error: { reason: { kind: 'source.unusable', failure: { kind: 'http-status', status: 404 } } } });
  });

  it('reads a bare address as https', () => {
    expect(normaliseAddress('  vnexpress.net/rss ')).toBe('https://vnexpress.net/rss');
    expect(normaliseAddress('http://127.0.0.1:8/x')).toBe('http://127.0.0.1:8/x');
    expect(normaliseAddress('')).toBe('');
  });
});

describe('SourcesModel', () => {
  async function subscribe(path: string, folderName?: string): Promise<string> {
    await model.adding.addSource(server.url(path), folderName);
    const state = model.adding.state;
    if (state.step !== 'added') throw new Error(`not added: ${JSON.stringify(state)}`);
    return state.source.id;
  }

  it('groups sources in folders with unread counts, the ones in no folder last', async () => {
    await subscribe('/kinh-te.xml', 'Kinh tế');
    await subscribe('/thoi-su.xml');
    await model.reload();
    expect(model.folders().map((f) => [f.name, f.unread, f.sources.map((s) => s.title)])).toEqual([
      ['Kinh tế', 3, ['Kinh tế']],
      [null, 2, ['Thời sự']],
    ]);
    expect(model.folderNames()).toEqual(['Kinh tế']);
  });

  it('marks a folder read with an undo that brings the unread articles back', async () => {
    const id = await subscribe('/kinh-te.xml', 'Kinh tế');
    await model.reload();
    await model.markAllRead({ folder: 'Kinh tế' });
    expect(model.get(id)?.unreadCount).toBe(0);
    const offer = notices.undo;
    expect(offer).toMatchObject({ kind: 'sources-marked-read', count: 3 });
    if (!offer || !('undo' in offer)) return;
    await offer.undo();
    expect(model.get(id)?.unreadCount).toBe(3);
    expect(notices.notice).toEqual({ kind: 'undone' });
  });

  it('moves a source between folders, refreshes it, and removes it keeping its articles', async () => {
    const id = await subscribe('/thoi-su.xml', 'Thời sự');
    await model.reload();
    await model.move(id, 'Quốc tế');
    expect(model.get(id)?.folder).toBe('Quốc tế');
    await model.move(id, null);
    expect(model.get(id)?.folder).toBeNull();

    const refreshing = model.refresh({ id });
    expect(model.isRefreshing(id)).toBe(true);
    expect(await refreshing).toMatchObject([{ id, status: 'not-modified' }]);
    expect(model.isRefreshing(id)).toBe(false);

    await model.remove(id, 'keep');
    expect(model.sources).toEqual([]);
    expect(notices.notice).toEqual({ kind: 'source-removed', title: 'Thời sự', kept: 2, trashed: 0 });
    expect(context.library.counts().all).toBe(2);
  });

  it('reorders sources by drag (before another one, across folders) and by keyboard, and the order is kept', async () => {
    const opml = `<?xml version="1.0"?>\n<opml version="2.0"><head/><body><outline text="Wire">
      <outline text="A" xmlUrl="https://a.example.com/rss"/><outline text="B" xmlUrl="https://b.example.com/rss"/><outline text="C" xmlUrl="https://c.example.com/rss"/>
      </outline><outline text="D" xmlUrl="https://d.example.com/rss"/></body></opml>`;
    await model.importOpml(opml);
    const id = (title: string) => model.sources.find((source) => source.title === title)!.id;
    const order = () => model.folders().map((f) => [f.name, f.sources.map((s) => s.title).join('')]);
    expect(order()).toEqual([['Wire', 'ABC'], [null, 'D']]);
    await model.placeBefore(id('C'), id('A'));
    expect(order()).toEqual([['Wire', 'CAB'], [null, 'D']]);
    await model.placeBefore(id('D'), id('B'));
    expect(order()).toEqual([['Wire', 'CADB']]);
    await model.shift(id('C'), 1);
    await model.shift(id('B'), 1);
    expect(order()).toEqual([['Wire', 'ACDB']]);
    await model.move(id('A'), null);
    await model.move(id('A'), 'Wire');
    expect(order()).toEqual([['Wire', 'CDBA']]);
    const fresh = new SourcesModel(new ServeClient(context), notices);
    await fresh.reload();
    expect(fresh.folders().map((f) => f.sources.map((s) => s.title).join(''))).toEqual(['CDBA']);
  });

  it('exports OPML that imports again into an empty library as the same sources', async () => {
    await subscribe('/thoi-su.xml', 'Thời sự');
    const file = await model.exportOpml();
    expect(file?.filename).toMatch(/\.opml$/);
    const other = temporaryFolder();
    const second = await AppContext.open({ libraryDir: other.dir, runtime: 'browser', withoutSearch: true, sources: { allowRendererLoopback: true } });
    try {
      const secondModel = new SourcesModel(new ServeClient(second), notices);
      const result = await secondModel.importOpml(file!.opml);
      expect(result).toMatchObject({ added: [{ url: server.url('/thoi-su.xml'), folder: 'Thời sự', title: 'Thời sự' }], problems: [] });
      expect(secondModel.sources).toHaveLength(1);
    } finally {
      await second.close();
      other.remove();
    }
  });
});

describe('droppedLink', () => {
  const data = (entries: Record<string, string>, files = 0) => ({ types: Object.keys(entries), getData: (type: string) => entries[type] ?? '', files: { length: files } });

  it('takes the first http(s) address of a uri-list or of plain text, and nothing else', () => {
    expect(droppedLink(data({ 'text/uri-list': '# comment\r\nhttps://vnexpress.net/rss\r\nhttps://other' }))).toBe('https://vnexpress.net/rss');
    expect(droppedLink(data({ 'text/plain': ' https://tuoitre.vn/tin.htm ' }))).toBe('https://tuoitre.vn/tin.htm');
    expect(droppedLink(data({ 'text/plain': 'javascript:alert(1)' }))).toBeNull();
    expect(droppedLink(data({ 'text/plain': 'just words' }))).toBeNull();
  });

  it('leaves files and the app’s own drags alone', () => {
    expect(droppedLink(data({ 'text/uri-list': 'https://a.vn/' }, 1))).toBeNull();
    expect(droppedLink(data({ 'application/x-newsroom-source': 'id1', 'text/plain': 'https://a.vn/' }), 'application/x-newsroom-source')).toBeNull();
  });
});
