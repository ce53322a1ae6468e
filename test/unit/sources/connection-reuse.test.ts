import { describe, expect, it } from 'vitest';
import { ConnectionPool } from '../../../sources/connection-pool.ts';
import { fetchResource } from '../../../importers/url-fetch.ts';
import { makePng } from '../photos/photo-fixtures.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story, type RssItem } from './feed-server.ts';

// Source refreshes share keep-alive connections (one undici Agent per address policy, at most the
// per-host limit of connections to a site) instead of opening one per fetch. Counted on the loopback
// server: how many TCP connections it accepted.

const harness = useSourceHarness({ fetchTimeoutMs: 1500 });

/** An item's page: its full text, with a captioned photo. */
function page(n: number, photo: string): string {
  const text = [1, 2, 3, 4, 5, 6].map((k) => `<p>${story(n * 10 + k)}</p>`).join('');
  return `<!doctype html><html lang="vi"><head><title>Trang ${n}</title></head><body><article><h1>Trang ${n}</h1>${text}<figure><img src="${photo}" alt="Ảnh ${n}"><figcaption>Ảnh ${n}. Ảnh: TTXVN</figcaption></figure></article></body></html>`;
}

// undici may open the second of its two connections to a site while the first is being released, so
// "reused" is "at most the per-host limit", against one connection per request without the pool.
const PER_HOST = 2;

describe('connection reuse', () => {
  it('a source refreshed again and again reuses its connection', async () => {
    let items: RssItem[] = [{ guid: 'a', title: 'Tin A', body: [1, 2, 3, 4, 5].map((k) => story(k)).join(' ') }];
    harness.server.routes.set('/reuse.xml', conditionalFeed(() => rss('Báo', items)));
    const before = harness.server.connections;
    const added = await harness.call('sources.add', { url: harness.server.url('/reuse.xml'), fullText: 'never' });
    if (added.status !== 'added') throw new Error('expected one feed');
    for (let n = 0; n < 4; n++) {
      if (n === 2) items = [...items, { guid: 'b', title: 'Tin B', body: [6, 7, 8, 9, 10].map((k) => story(k)).join(' ') }];
      const [result] = await harness.call('sources.refresh', { id: added.source.id });
      expect(result!.status).toBe(n === 2 ? 'refreshed' : 'not-modified');
    }
    // One GET to subscribe, four conditional GETs: five requests, one or two connections (five before).
    expect(harness.server.requests.filter((request) => request.path === '/reuse.xml')).toHaveLength(5);
    expect(harness.server.connections - before).toBeLessThanOrEqual(PER_HOST);
  });

  it('the feed, its items’ pages and their photos share the connections to the site, at most the per-host limit', async () => {
    const items: RssItem[] = [1, 2, 3, 4, 5, 6].map((n) => ({
      guid: `p${n}`,
      title: `Tin ${n}`,
      link: harness.server.url(`/trang/${n}.html`),
      body: `Tóm tắt ${n}…`,
    }));
    harness.server.routes.set('/pages.xml', conditionalFeed(() => rss('Báo', items)));
    for (const n of [1, 2, 3, 4, 5, 6]) {
      harness.server.routes.set(`/trang/${n}.html`, (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(n, harness.server.url(`/anh/${n}.png`))));
      harness.server.routes.set(`/anh/${n}.png`, (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(makePng(120, 80, n)));
    }
    const before = harness.server.connections;
    const requestsBefore = harness.server.requests.length;
    const added = await harness.call('sources.add', { url: harness.server.url('/pages.xml'), fullText: 'always' });
    if (added.status !== 'added') throw new Error('expected one feed');
    expect(added.refresh).toMatchObject({ imported: 6, fullTextFetched: 6 });
    // The feed, six pages and six photos: thirteen requests over at most two connections.
    expect(harness.server.requests.length - requestsBefore).toBe(13);
    // The photos are the pages' (a full-text item keeps its page's figures, not the feed's).
    expect(harness.context.library.images.refs()).toHaveLength(6);
    expect(harness.server.connections - before).toBeLessThanOrEqual(PER_HOST);
  });

  it('without the pool, each fetch opens its own connection (what the pool saves)', async () => {
    harness.server.routes.set('/one.txt', (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('một'));
    const pool = new ConnectionPool();
    try {
      const count = async (fetch?: typeof globalThis.fetch): Promise<number> => {
        const before = harness.server.connections;
        for (let n = 0; n < 8; n++) await fetchResource(harness.server.url('/one.txt'), { maxBytes: 1000, ...(fetch ? { fetch } : {}) });
        return harness.server.connections - before;
      };
      expect(await count()).toBe(8);
      expect(await count(pool.fetch)).toBeLessThanOrEqual(PER_HOST);
    } finally {
      await pool.close();
    }
  });

  it('still refuses a local address the request did not name as typed, at connect time as before', async () => {
    const pool = new ConnectionPool();
    try {
      // "localhost" names loopback through the resolver: refused unless it is the host typed.
      const url = harness.server.url('/one.txt').replace('127.0.0.1', 'localhost');
      await expect(fetchResource(url, { maxBytes: 1000, typedHost: null, fetch: pool.fetch })).rejects.toMatchObject({ reason: { kind: 'address-not-allowed' } });
    } finally {
      await pool.close();
    }
  });
});
