import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { CommandResult, SourceInfo } from '../../../contract/index.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story, type RssItem } from './feed-server.ts';

// Subscriptions end to end through the command contract, against a real HTTP server on 127.0.0.1.

const harness = useSourceHarness({ fetchTimeoutMs: 1500, maxFeedBytes: 200_000 });

async function subscribe(path: string): Promise<SourceInfo> {
  const added = await harness.call('sources.add', { url: harness.server.url(path) });
  if (added.status !== 'added') throw new Error('expected one feed');
  return added.source;
}

function articleCount(): number {
  return harness.context.library.list({ view: 'all', limit: 1000 }).total;
}

function item(n: number, edit = ''): RssItem {
  return { guid: `vn-${n}`, title: `Tin số ${n}`, link: `https://example.vn/tin/${n}?utm_source=rss`, body: story(n, edit) };
}

describe('refresh', () => {
  it('imports new items, duplicates nothing over ten refreshes, and updates an item whose text changed', async () => {
    let items = [item(1), item(2)];
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', items)));
    const source = await subscribe('/feed.xml');
    expect(source.title).toBe('Báo Mẫu');
    expect(articleCount()).toBe(2);
    const second = harness.context.library.list({ view: 'all', limit: 10 }).items.find((a) => a.title === 'Tin số 2')!;
    const annotation = harness.context.library.annotations.create({ articleId: second.id, quote: 'Các tuyến xe buýt được tăng cường' });

    const statuses: string[] = [];
    for (let round = 3; round <= 12; round++) {
      // Every other round the feed changes: a new item, and item 2 edited once.
      if (round % 2 === 1) items = [...items, item(round)];
      if (round === 5) items = items.map((entry) => (entry.guid === 'vn-2' ? item(2, ' Cập nhật: giờ cấm xe được kéo dài.') : entry));
      const [result] = await harness.call('sources.refresh', { id: source.id });
      statuses.push(result!.status);
    }
    expect(statuses).toContain('not-modified');
    expect(articleCount()).toBe(items.length);
    const edited = harness.context.library.get(second.id)!;
    expect(edited.body).toContain('Cập nhật: giờ cấm xe được kéo dài.');
    expect(harness.context.library.annotations.forArticle(second.id).find((a) => a.id === annotation.id)?.status).toBe('anchored');
    const [listed] = await harness.call('sources.list', {});
    expect(listed!.articleCount).toBe(items.length);
    expect(listed!.lastError).toBeNull();
    expect(listed!.lastSuccessAt).not.toBeNull();
  }, 90_000);

  it('sends a conditional GET and a User-Agent naming the app and its version', async () => {
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [item(1)])));
    const source = await subscribe('/feed.xml');
    const [result] = await harness.call('sources.refresh', { id: source.id });
    expect(result!.status).toBe('not-modified');
    const last = harness.server.requests.at(-1)!;
    expect(last.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(last.headers['user-agent']).toMatch(new RegExp(`^NewsroomReader/${harness.context.info.version.replace(/\./g, '\\.')} `));
  });

  it('recognises an item already in the library from another import (canonical URL), and keeps one article', async () => {
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [item(7)])));
    await harness.call('library.importUrls', { jobId: 'seed', urls: [harness.server.url('/feed.xml')] }).catch(() => undefined);
    const before = articleCount();
    const source = await subscribe('/feed.xml');
    expect(before).toBe(1);
    expect(articleCount()).toBe(1);
    expect(source.articleCount).toBe(1);
  });

  it('a failing source backs off (Retry-After, then growing delays) and recovers', async () => {
    let mode: 'ok' | '429' | '500' = 'ok';
    const good = conditionalFeed(() => rss('Báo Mẫu', [item(1)]));
    harness.server.routes.set('/feed.xml', (request, response) => {
      if (mode === '429') response.writeHead(429, { 'retry-after': '7200' }).end();
      else if (mode === '500') response.writeHead(500).end('oops');
      else good(request, response);
    });
    const source = await subscribe('/feed.xml');

    mode = '429';
    const before = Date.now();
    const [limited] = await harness.call('sources.refresh', { id: source.id });
    expect(limited!.error?.reason).toEqual({ kind: 'http-status', status: 429, statusText: 'Too Many Requests' });
    let [state] = await harness.call('sources.list', {});
    expect(Date.parse(state!.nextRefreshAt) - before).toBeGreaterThanOrEqual(7200 * 1000);
    expect(state!.failures).toBe(1);

    mode = '500';
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const started = Date.now();
      await harness.call('sources.refresh', { id: source.id });
      [state] = await harness.call('sources.list', {});
      delays.push(Date.parse(state!.nextRefreshAt) - started);
    }
    expect(state!.failures).toBe(5);
    expect(state!.lastError?.reason).toMatchObject({ kind: 'http-status', status: 500 });
    // Jitter is in [0.5, 1) of a doubling base, so each delay two failures later is strictly longer.
    expect(delays[2]!).toBeGreaterThan(delays[0]!);
    expect(delays[3]!).toBeGreaterThan(delays[1]!);

    mode = 'ok';
    const [recovered] = await harness.call('sources.refresh', { id: source.id });
    expect(recovered!.status).not.toBe('failed');
    [state] = await harness.call('sources.list', {});
    expect(state!.failures).toBe(0);
    expect(state!.lastError).toBeNull();
    expect(articleCount()).toBe(1);
  });

  it('follows redirects, and refuses oversized, empty, malformed, HTML, entity-bomb and silent answers with a reason', async () => {
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [item(1)])));
    harness.server.routes.set('/old-feed', (_request, response) => response.writeHead(301, { location: '/feed.xml' }).end());
    const redirected = await subscribe('/old-feed');
    expect(redirected.lastError).toBeNull();
    expect(articleCount()).toBe(1);

    const cases: [string, (response: import('node:http').ServerResponse) => void, string][] = [
      ['/huge', (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Lớn', Array.from({ length: 2000 }, (_, n) => item(n)))), 'too-large'],
      ['/empty', (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(), 'empty-file'],
      ['/broken', (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>x</title><item><title>a</item></channel>'), 'malformed-feed'],
      ['/html', (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<!DOCTYPE html><html><head><title>Trang</title></head><body><p>Không phải nguồn tin</p></body></html>'), 'page-not-a-feed'],
      ['/silent', () => undefined, 'timeout'],
      ['/bomb', (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>'), 'xml-entities'],
    ];
    for (const [path, answer, kind] of cases) {
      let healthy = true;
      harness.server.routes.set(path, (request, response) => (healthy ? conditionalFeed(() => rss('Tạm', [item(100 + path.length)]))(request, response) : answer(response)));
      const source = await subscribe(path);
      healthy = false;
      const [result] = await harness.call('sources.refresh', { id: source.id });
      expect(result!.status, path).toBe('failed');
      expect(result!.error?.reason.kind, path).toBe(kind);
    }
    const sources = await harness.call('sources.list', {});
    expect(sources.filter((source) => source.lastError !== null)).toHaveLength(cases.length);
  });

  it('refuses an item link to file: (or another scheme): the text is kept, the link never stored', async () => {
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [item(1), { guid: 'evil', title: 'Tệp', link: 'file:///etc/passwd', body: story(99) }, { guid: 'js', title: 'Mã', link: 'javascript:alert(1)', body: story(98) }])));
    const added = await harness.call('sources.add', { url: harness.server.url('/feed.xml') });
    expect(added.status === 'added' && added.refresh.imported).toBe(3);
    const urls = harness.context.library.list({ view: 'all' }).items.map((a) => harness.context.library.get(a.id)!.url);
    expect(urls.sort()).toEqual(['https://example.vn/tin/1?utm_source=rss', null, null]);
    // Recognised by GUID on the next refresh, even without a link.
    await harness.call('sources.refresh', { all: true });
    expect(articleCount()).toBe(3);
  });

  it('asks no more than two requests at a time of one host', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let waiting = 0;
    for (let n = 1; n <= 5; n++) {
      harness.server.routes.set(`/slow-${n}`, conditionalFeed(() => rss(`Nguồn ${n}`, [item(n * 10)])));
    }
    for (let n = 1; n <= 5; n++) await subscribe(`/slow-${n}`);
    // Change every feed so the refresh must fetch each of them whole, then hold the answers.
    for (let n = 1; n <= 5; n++) harness.server.routes.set(`/slow-${n}`, async (_request, response) => {
      waiting++;
      await gate;
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`Nguồn ${n}`, [item(n * 10), item(n * 10 + 1)]));
    });
    const before = harness.server.maxConcurrent;
    const refreshing = harness.call('sources.refresh', { all: true });
    while (waiting < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    // Give a third request every chance to arrive before letting the first ones finish.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(waiting).toBe(2);
    release();
    const results = await refreshing;
    expect(results.map((r) => r.status)).toEqual(['refreshed', 'refreshed', 'refreshed', 'refreshed', 'refreshed']);
    expect(Math.max(before, harness.server.maxConcurrent)).toBeLessThanOrEqual(2);
    expect(articleCount()).toBe(10);
  }, 60_000);
});

describe('subscribing', () => {
  it('finds the one feed a site page links to, offers several to choose from, and says when there is none', async () => {
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [item(1)])));
    harness.server.routes.set('/atom.xml', conditionalFeed(() => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Mẫu</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated><entry><id>urn:a:1</id><title>Tin Atom</title><link href="https://example.vn/atom/1"/><updated>2024-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;${story(5)}&lt;/p&gt;</content></entry></feed>`, 'application/atom+xml'));
    const page = (links: string) => (_request: unknown, response: import('node:http').ServerResponse) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><html><head><title>Báo</title>${links}</head><body><p>Trang chủ</p></body></html>`);
    harness.server.routes.set('/one', page('<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/feed.xml">'));
    harness.server.routes.set('/two', page('<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/feed.xml"><link rel="alternate" type="application/atom+xml" href="atom.xml">'));
    harness.server.routes.set('/none', page('<link rel="stylesheet" href="/s.css">'));

    const one = await harness.call('sources.add', { url: harness.server.url('/one'), folder: 'Thời sự' });
    expect(one.status === 'added' && one.source).toMatchObject({ url: harness.server.url('/feed.xml'), folder: 'Thời sự', intervalMinutes: 30 });

    const two = await harness.call('sources.add', { url: harness.server.url('/two') });
    expect(two).toEqual({ status: 'choose', feeds: [
      { url: harness.server.url('/feed.xml'), title: 'Tin mới', type: 'rss' },
      { url: harness.server.url('/atom.xml'), title: null, type: 'atom' },
    ] });
    const atom = await harness.call('sources.add', { url: harness.server.url('/atom.xml') });
    expect(atom.status === 'added' && atom.source.title).toBe('Atom Mẫu');

    await expect(harness.call('sources.add', { url: harness.server.url('/none') })).rejects.toMatchObject({ reason: { kind: 'source.unusable', failure: { kind: 'no-feed-found' } } });
    await expect(harness.call('sources.add', { url: harness.server.url('/feed.xml') })).rejects.toMatchObject({ reason: { kind: 'source.exists' } });
  });

  it('reads RSS 1.0 (RDF) and JSON Feed', async () => {
    harness.server.routes.set('/rdf', conditionalFeed(() => `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://example.vn/"><title>RDF Mẫu</title><link>https://example.vn/</link><description>d</description></channel><item rdf:about="https://example.vn/rdf/1"><title>Tin RDF</title><link>https://example.vn/rdf/1</link><description>${story(11)}</description></item></rdf:RDF>`, 'application/rdf+xml'));
    harness.server.routes.set('/json', conditionalFeed(() => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON Mẫu', items: [{ id: 'j1', url: 'https://example.vn/json/1', title: 'Tin JSON', content_text: story(12) }] }), 'application/feed+json'));
    const rdf = await harness.call('sources.add', { url: harness.server.url('/rdf') });
    const json = await harness.call('sources.add', { url: harness.server.url('/json') });
    expect(rdf.status === 'added' && [rdf.source.title, rdf.refresh.imported]).toEqual(['RDF Mẫu', 1]);
    expect(json.status === 'added' && [json.source.title, json.refresh.imported]).toEqual(['JSON Mẫu', 1]);
  });

  it('renames, moves, pauses and removes a source, keeping or trashing its articles as asked', async () => {
    harness.server.routes.set('/a.xml', conditionalFeed(() => rss('A', [item(1), item(2)])));
    harness.server.routes.set('/b.xml', conditionalFeed(() => rss('B', [item(3)])));
    const a = await subscribe('/a.xml');
    const b = await subscribe('/b.xml');
    const changed = await harness.call('sources.update', { id: a.id, patch: { title: 'Tin A', folder: 'Kinh tế', intervalMinutes: 60, paused: true } });
    expect(changed).toMatchObject({ title: 'Tin A', folder: 'Kinh tế', intervalMinutes: 60, paused: true });
    expect((await harness.call('sources.refresh', { all: true })).map((r) => r.id)).toEqual([b.id]);
    await expect(harness.call('sources.refresh', { folder: 'Không có' })).rejects.toMatchObject({ reason: { kind: 'source.empty-folder' } });
    await expect(harness.call('sources.remove', { id: a.id })).rejects.toMatchObject({ code: 'invalid-arguments' });

    expect(await harness.call('sources.remove', { id: a.id, articles: 'keep' })).toEqual({ id: a.id, title: 'Tin A', trashed: 0, kept: 2 });
    expect(harness.context.library.list({ view: 'all' }).total).toBe(3);
    expect(await harness.call('sources.remove', { id: b.id, articles: 'trash' })).toEqual({ id: b.id, title: 'B', trashed: 1, kept: 0 });
    expect(harness.context.library.list({ view: 'trash' }).total).toBe(1);
    expect(await harness.call('sources.list', {})).toEqual([]);
    await expect(harness.call('sources.update', { id: a.id, patch: { paused: false } })).rejects.toMatchObject({ reason: { kind: 'source.not-found', id: a.id } });
  });

  it('an article deleted for good stays deleted, though its feed still lists it', async () => {
    harness.server.routes.set('/feed.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Báo Mẫu', [item(1), item(2)])));
    const source = await subscribe('/feed.xml');
    const first = harness.context.library.list({ view: 'all' }).items.find((a) => a.title === 'Tin số 1')!;
    await harness.call('library.trash', { ids: [first.id] });
    await harness.call('library.emptyTrash', {});
    const [result] = await harness.call('sources.refresh', { id: source.id });
    expect(result).toMatchObject({ status: 'refreshed', imported: 0, unchanged: 2 });
    expect(articleCount()).toBe(1);
    expect((await harness.call('sources.list', {}))[0]!.articleCount).toBe(1);
  });
});

describe('closing', () => {
  it('stops a refresh in flight without recording a failure', async () => {
    let answer = true;
    let asked: () => void = () => {};
    const hanging = new Promise<void>((resolve) => (asked = resolve));
    harness.server.routes.set('/feed.xml', (request, response) => {
      if (answer) return conditionalFeed(() => rss('Báo Mẫu', [item(1)]))(request, response);
      asked();
      return undefined;
    });
    const separate = await AppContext.open({ libraryDir: temporaryFolder().dir, runtime: 'browser', withoutSearch: true, sources: { fetchTimeoutMs: 60_000 } });
    const added = await separate.dispatch('sources.add', { url: harness.server.url('/feed.xml') });
    expect(added.ok).toBe(true);
    const id = separate.sources.list()[0]!.id;
    answer = false;
    const refreshing = separate.dispatch('sources.refresh', { id });
    await hanging;
    await separate.close();
    const outcome = await refreshing;
    expect(outcome.ok && (outcome.value as CommandResult<'sources.refresh'>)[0]!.status).toBe('skipped');
  });
});

describe('in the background', () => {
  it('the scheduler of a running host refreshes due sources by itself', async () => {
    const running = await AppContext.open({ libraryDir: temporaryFolder().dir, runtime: 'browser', withoutSearch: true, refreshSources: true, sources: { tickMs: 25 } });
    try {
      let items = [item(1)];
      harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', items)));
      const added = await running.dispatch('sources.add', { url: harness.server.url('/feed.xml'), intervalMinutes: 5 });
      expect(added.ok).toBe(true);
      const value = added.ok ? (added.value as CommandResult<'sources.add'>) : null;
      const id = value?.status === 'added' ? value.source.id : '';
      items = [...items, item(2)];
      // Make it due now, as its interval having passed would.
      running.sources.store.update(id, { nextRefreshAt: new Date(0).toISOString() });
      while (running.library.list({ view: 'all' }).total < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(running.sources.store.get(id)!.nextRefreshAt > new Date().toISOString()).toBe(true);
    } finally {
      await running.close();
    }
  });
});
