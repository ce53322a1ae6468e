// A newsroom's worth of feeds on loopback for the sources bench: `feeds` RSS feeds of `items` short
// items each (summaries, so full text fetches every linked page), each page a generated Vietnamese
// article with a captioned photo, each photo a small real PNG. ETags make the second refresh all 304s.
// Ten feeds share a site, and each site has its own address (127.0.0.2, 127.0.0.3, …), so the per-host
// limit applies per site as it would on the internet instead of queueing every request behind two.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { generateArticles, type SyllableModel } from '../vietnamese-corpus.ts';

export interface FeedSite {
  feedUrls: string[];
  /** Requests answered, by kind. */
  counts: { feed: number; notModified: number; page: number; image: number };
  close(): Promise<void>;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A valid 64×48 grey PNG (the photos engineer's downloader, once merged, has a real image to keep). */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const [width, height] = [64, 48];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export const FEEDS_PER_SITE = 10;

export async function startFeedSite(feeds: number, items: number, model: SyllableModel): Promise<FeedSite> {
  const articles = [...generateArticles(feeds * items, model, 23)];
  const image = png();
  const counts = { feed: 0, notModified: 0, page: 0, image: 0 };
  const feedXml: string[] = [];
  const etags: string[] = [];
  const page = (f: number, i: number): string => {
    const article = articles[f * items + i]!;
    const paragraphs = article.body.split('\n\n').map((text) => `<p>${escape(text)}</p>`).join('');
    return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escape(article.title)}</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/kinh-te">Kinh tế</a></nav>
<article><h1>${escape(article.title)}</h1><figure><img src="/img/${f}/${i}.png" width="640" height="480" alt="${escape(article.title)}"><figcaption>Ảnh minh họa. Ảnh: ${escape(article.source)}</figcaption></figure>${paragraphs}</article>
<footer>Bản quyền © ${escape(article.source)}</footer></body></html>`;
  };
  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0]!;
    let match = /^\/feed\/(\d+)\.xml$/.exec(path);
    if (match) {
      const f = Number(match[1]);
      if (request.headers['if-none-match'] === etags[f]) {
        counts.notModified++;
        response.writeHead(304, { etag: etags[f] }).end();
        return;
      }
      counts.feed++;
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: etags[f] }).end(feedXml[f]);
      return;
    }
    match = /^\/page\/(\d+)\/(\d+)\.html$/.exec(path);
    if (match) {
      counts.page++;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(match[1]), Number(match[2])));
      return;
    }
    if (path.startsWith('/img/')) {
      counts.image++;
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length }).end(image);
      return;
    }
    response.writeHead(404).end();
  };
  const servers: Server[] = [];
  const bases: string[] = [];
  for (let site = 0; site < Math.ceil(feeds / FEEDS_PER_SITE); site++) {
    const server = createServer(answer);
    const address = `127.0.0.${2 + site}`;
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    bases.push(`http://${address}:${(server.address() as AddressInfo).port}`);
  }
  const baseOf = (f: number): string => bases[Math.floor(f / FEEDS_PER_SITE)]!;
  for (let f = 0; f < feeds; f++) {
    const base = baseOf(f);
    const entries = Array.from({ length: items }, (_, i) => {
      const article = articles[f * items + i]!;
      // The feed carries a one-sentence summary, as most Vietnamese news feeds do.
      const summary = `${article.body.split('\n\n')[0]!.split('. ')[0]!}…`;
      return `<item><guid isPermaLink="false">bench-${f}-${i}</guid><title>${escape(article.title)}</title><link>${base}/page/${f}/${i}.html</link><pubDate>${new Date(article.publishedAt).toUTCString()}</pubDate><description>${escape(summary)}</description></item>`;
    });
    feedXml[f] = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nguồn ${f + 1}</title><link>${base}/</link><description>Bench</description>${entries.join('')}</channel></rss>`;
    etags[f] = `"${createHash('sha1').update(feedXml[f]!).digest('hex')}"`;
  }
  return {
    feedUrls: Array.from({ length: feeds }, (_, f) => `${baseOf(f)}/feed/${f}.xml`),
    counts,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
