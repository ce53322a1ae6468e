import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { ParsedItem } from '../../../importers/import-types.ts';
import { createDraft } from '../../../importers/article-draft.ts';
import { MAX_ITEMS_PER_REFRESH, newestItems } from '../../../sources/source-refresher.ts';
import { integrityCheck } from '../library/library-fixtures.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story } from './feed-server.ts';

// Issue 15 §9, the cases source-refresh.test.ts does not cover: a feed of 50,000 items, a redirect
// loop, and servers that never finish answering. Each gets a clear reason and leaves the library whole.

const harness = useSourceHarness({ fetchTimeoutMs: 1500 });

/** An RSS feed of `count` items, oldest first (as archive dumps list them), item n published n minutes after the first. */
function hugeFeed(count: number): string {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const items: string[] = [];
  for (let n = 0; n < count; n++) {
    items.push(`<item><guid isPermaLink="false">big-${n}</guid><title>Tin ${n}</title><pubDate>${new Date(start + n * 60_000).toUTCString()}</pubDate><description>Bản tin số ${n} của kho lưu trữ: Hà Nội công bố kế hoạch giao thông mới.</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kho lưu trữ</title><link>https://example.vn/</link><description>d</description>${items.join('\n')}</channel></rss>`;
}

describe('hostile feeds', () => {
  it('a feed of 50,000 items: the newest 500 are processed, the rest reported as skipped', async () => {
    // Room for the 50,000-item feed (about 11 MB, slow to send on a busy machine): the count limit, not
    // the size or time limit, is what is tested here.
    await harness.context.close();
    harness.context = await AppContext.open({ libraryDir: harness.folder.dir, runtime: 'browser', withoutSearch: true, sources: { fetchTimeoutMs: 60_000, parseTimeoutMs: 120_000, maxFeedBytes: 40 * 1024 * 1024 } });
    const body = hugeFeed(50_000);
    harness.server.routes.set('/archive.xml', conditionalFeed(() => body));
    const added = await harness.call('sources.add', { url: harness.server.url('/archive.xml'), fullText: 'never' });
    if (added.status !== 'added') throw new Error('expected one feed');
    expect(added.refresh.status).toBe('refreshed');
    expect(added.refresh.imported).toBe(MAX_ITEMS_PER_REFRESH);
    expect(added.refresh.skippedItems).toBe(50_000 - MAX_ITEMS_PER_REFRESH);
    const titles = harness.context.library.list({ view: 'all', limit: 1000 }).items.map((a) => Number(a.title.replace('Tin ', '')));
    expect(titles).toHaveLength(MAX_ITEMS_PER_REFRESH);
    expect(Math.min(...titles)).toBe(50_000 - MAX_ITEMS_PER_REFRESH);
    expect(integrityCheck(harness.folder.dir)).toBe('ok');
  }, 180_000);

  it('a redirect loop is refused with too-many-redirects, and the source keeps working once fixed', async () => {
    let looping = false;
    harness.server.routes.set('/feed.xml', (request, response) => (looping ? response.writeHead(302, { location: '/loop-a' }).end() : conditionalFeed(() => rss('Báo Mẫu', [{ guid: 'g', title: 'Tin', body: story(1) }]))(request, response)));
    harness.server.routes.set('/loop-a', (_request, response) => response.writeHead(302, { location: '/loop-b' }).end());
    harness.server.routes.set('/loop-b', (_request, response) => response.writeHead(302, { location: '/loop-a' }).end());
    const added = await harness.call('sources.add', { url: harness.server.url('/feed.xml') });
    if (added.status !== 'added') throw new Error('expected one feed');
    looping = true;
    const [result] = await harness.call('sources.refresh', { id: added.source.id });
    expect(result!.status).toBe('failed');
    expect(result!.error?.reason).toEqual({ kind: 'too-many-redirects', max: 5 });
    // Subscribing to a loop is refused the same way.
    await expect(harness.call('sources.add', { url: harness.server.url('/loop-a') })).rejects.toMatchObject({ reason: { kind: 'source.unusable', failure: { kind: 'too-many-redirects', max: 5 } } });
    expect(harness.context.library.list({ view: 'all' }).total).toBe(1);
  });

  it('a harness.server that sends its headers and then never finishes the body times out', async () => {
    let stalled = false;
    harness.server.routes.set('/feed.xml', (request, response) => {
      if (!stalled) return conditionalFeed(() => rss('Báo Mẫu', [{ guid: 'g', title: 'Tin', body: story(2) }]))(request, response);
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Chậm</title>');
      return undefined;
    });
    const added = await harness.call('sources.add', { url: harness.server.url('/feed.xml') });
    if (added.status !== 'added') throw new Error('expected one feed');
    stalled = true;
    const [result] = await harness.call('sources.refresh', { id: added.source.id });
    expect(result!.status).toBe('failed');
    expect(result!.error?.reason.kind).toBe('timeout');
    expect(harness.context.library.list({ view: 'all' }).total).toBe(1);
  });

  it('an item page that never answers fails that item’s full text only', async () => {
    harness.server.routes.set('/page/silent', () => undefined);
    harness.server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', [{ guid: 's', title: 'Im lặng', link: harness.server.url('/page/silent'), body: story(3) }])));
    const added = await harness.call('sources.add', { url: harness.server.url('/feed.xml'), fullText: 'always' });
    if (added.status !== 'added') throw new Error('expected one feed');
    expect(added.refresh.status).toBe('refreshed');
    expect(added.refresh.imported).toBe(1);
    expect(added.refresh.fullTextError?.reason.kind).toBe('timeout');
  });
});

describe('newestItems', () => {
  const item = (title: string, publishedAt: string | null): ParsedItem => ({
    kind: 'draft',
    draft: { ...createDraft({ title, pieces: [{ kind: 'paragraph', text: story(1) }], origin: 'feed' }), publishedAt },
  });

  it('keeps the newest by date in the feed’s order; undated entries count as newest, feeds list those first', () => {
    const items = [item('old', '2026-01-01T00:00:00.000Z'), item('undated', null), item('newest', '2026-03-01T00:00:00.000Z'), item('middle', '2026-02-01T00:00:00.000Z')];
    const titles = (kept: readonly ParsedItem[]) => kept.map((entry) => (entry.kind === 'draft' ? entry.draft.title : '?'));
    expect(titles(newestItems(items, 3))).toEqual(['undated', 'newest', 'middle']);
    expect(titles(newestItems(items, 10))).toEqual(['old', 'undated', 'newest', 'middle']);
  });
});
