import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ImportReport } from '../../../contract/index.ts';
import { AppContext } from '../../../commands/app-context.ts';
import { PhotoDownloads } from '../../../importers/figure-images.ts';
import { runImport } from '../../../importers/import-runner.ts';
import { Library } from '../../../library/index.ts';
import { cli } from '../cli/cli-in-process.ts';
import { conditionalFeed, rss, startFeedServer, story, type FeedServer } from '../sources/feed-server.ts';
import { makePng, newsPage, PIXEL_GIF, SVG_IMAGE } from './photo-fixtures.ts';

let server: FeedServer;
const photo = makePng(1600, 900, 11);
const small = makePng(800, 450, 12);

beforeAll(async () => {
  server = await startFeedServer();
  const send = (type: string, body: Buffer | string) => (_request: unknown, response: import('node:http').ServerResponse) => response.writeHead(200, { 'content-type': type }).end(body);
  server.routes.set('/tau-dien.html', send('text/html; charset=utf-8', newsPage({
    figure: '<figure><img src="/anh/tau-800.png" srcset="/anh/tau-800.png 800w, /anh/tau-1600.png 1600w" alt="Đoàn tàu rời ga"><figcaption>Đoàn tàu rời ga Cát Linh. Ảnh: Giang Huy</figcaption></figure>',
  })));
  server.routes.set('/anh/tau-800.png', send('image/png', small));
  server.routes.set('/anh/tau-1600.png', send('image/png', photo));
  server.routes.set('/hong.html', send('text/html; charset=utf-8', newsPage({
    title: 'Trang có ảnh hỏng',
    figure: `<figure><img src="/anh/khong-phai-anh.jpg" alt="Không phải ảnh"><figcaption>Ảnh giả</figcaption></figure>
      <figure><img src="/anh/qua-lon.png" alt="Quá lớn"></figure>
      <figure><img src="/anh/vong-lap.jpg" alt="Vòng lặp"></figure>
      <figure><img src="/anh/ve.png" alt="Vẽ"></figure>
      <figure><img src="file:///etc/hostname" alt="Bị bộ lọc bỏ"></figure>
      <figure><img data-src="file:///etc/hostname" alt="Tệp trong máy"></figure>
      <figure><img data-src="ftp://tin.example/a.jpg" alt="FTP"></figure>
      <figure><img src="/anh/diem.gif" alt="Điểm ảnh"></figure>
      <figure><img src="/anh/tot.png" alt="Ảnh tốt"></figure>`,
  })));
  server.routes.set('/anh/khong-phai-anh.jpg', send('image/jpeg', '<!DOCTYPE html><html><body>404 đẹp</body></html>'));
  server.routes.set('/anh/qua-lon.png', send('image/png', Buffer.concat([makePng(40, 40, 13), Buffer.alloc(10 * 1024 * 1024 + 1)])));
  server.routes.set('/anh/vong-lap.jpg', (_request, response) => response.writeHead(302, { location: '/anh/vong-lap.jpg' }).end());
  server.routes.set('/anh/ve.png', send('image/png', SVG_IMAGE));
  server.routes.set('/anh/diem.gif', send('image/gif', PIXEL_GIF));
  server.routes.set('/anh/tot.png', send('image/png', makePng(640, 480, 14)));
  server.routes.set('/nhieu.html', send('text/html; charset=utf-8', newsPage({
    title: 'Nhiều ảnh',
    figure: [1, 2, 3, 4].map((n) => `<figure><img src="/anh/so-${n}.png" alt="Ảnh ${n}"></figure>`).join(''),
  })));
  for (const n of [1, 2, 3, 4]) server.routes.set(`/anh/so-${n}.png`, send('image/png', makePng(100, 100, 20 + n)));
});
afterAll(async () => {
  await server.close();
});

function showArticle(library: string, id: string): Promise<Article> {
  return cli(['--library', library, 'show', id, '--json']).then((shown) => JSON.parse(shown.out) as Article);
}

describe('photos of saved pages', () => {
  it('save URL keeps the page with its photo (the srcset size chosen), its caption and its credit', async () => {
    const library = mkdtempSync(join(tmpdir(), 'nr-photos-save-'));
    const saved = await cli(['--library', library, 'save', server.url('/tau-dien.html'), '--json']);
    expect(saved.code, saved.err).toBe(0);
    const report = JSON.parse(saved.out) as ImportReport;
    expect(report.imported).toHaveLength(1);
    expect(report.imported[0]!.photos).toEqual({ kept: 1, failed: [] });
    expect(server.requests.map((request) => request.path)).toContain('/anh/tau-1600.png');
    expect(server.requests.map((request) => request.path)).not.toContain('/anh/tau-800.png');

    const article = await showArticle(library, report.imported[0]!.id);
    const ref = `${createHash('sha256').update(photo).digest('hex')}.png`;
    const index = article.blocks.findIndex((block) => block.kind === 'figure');
    expect(article.blocks[index]).toMatchObject({ figure: { image: ref, alt: 'Đoàn tàu rời ga', credit: 'Ảnh: Giang Huy', width: 1600, height: 900 } });
    const caption = article.blocks[index + 1]!;
    expect(article.body.slice(caption.start, caption.end)).toBe('Đoàn tàu rời ga Cát Linh. Ảnh: Giang Huy');
    expect(readFileSync(join(library, 'images', ref.slice(0, 2), ref)).equals(photo)).toBe(true);

    const text = await cli(['--library', library, 'save', server.url('/tau-dien.html')]);
    expect(text.out).toContain('0 saved, 1 already in the library, 0 failed');
  });

  it('photos that are not images, too large, looping, vector or local are refused with their reason; the article and the library are fine', async () => {
    const library = mkdtempSync(join(tmpdir(), 'nr-photos-bad-'));
    const saved = await cli(['--library', library, 'save', server.url('/hong.html'), '--json']);
    expect(saved.code, saved.err).toBe(0);
    const report = JSON.parse(saved.out) as ImportReport;
    const photos = report.imported[0]!.photos!;
    expect(photos.kept).toBe(1);
    const reasons = Object.fromEntries(photos.failed.map((failure) => [failure.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''), failure.reason]));
    expect(reasons).toEqual({
      '/anh/khong-phai-anh.jpg': { kind: 'not-an-image', cause: 'not-an-image' },
      '/anh/qua-lon.png': { kind: 'too-large', maxBytes: 10 * 1024 * 1024 },
      '/anh/vong-lap.jpg': { kind: 'too-many-redirects', max: 5 },
      '/anh/ve.png': { kind: 'not-an-image', cause: 'svg' },
      'file:///etc/hostname': { kind: 'not-http' },
      'ftp://tin.example/a.jpg': { kind: 'not-http' },
    });
    for (const failure of photos.failed) expect(failure.error.length).toBeGreaterThan(5);

    const article = await showArticle(library, report.imported[0]!.id);
    const figures = article.blocks.filter((block) => block.kind === 'figure').map((block) => block.figure!);
    // The pixel (1×1 once downloaded) is no figure at all, nor is a file: src (the sanitiser drops it);
    // the refused ones keep their alt text, without a photo.
    expect(figures.map((figure) => [figure.alt, figure.image !== null])).toEqual([
      ['Không phải ảnh', false],
      ['Quá lớn', false],
      ['Vòng lặp', false],
      ['Vẽ', false],
      ['Tệp trong máy', false],
      ['FTP', false],
      ['Ảnh tốt', true],
    ]);
    expect(figures.find((figure) => figure.alt === 'Tệp trong máy')!.src).toBeNull();
    const lib = Library.open(library);
    try {
      expect(lib.images.refs()).toEqual([figures.at(-1)!.image]);
    } finally {
      lib.close();
    }
  });

  it('a saved HTML file keeps the photos it embeds and those beside it, never one outside its folder', async () => {
    const work = mkdtempSync(join(tmpdir(), 'nr-photos-file-'));
    const pageDir = join(work, 'trang');
    mkdirSync(join(pageDir, 'anh'), { recursive: true });
    writeFileSync(join(pageDir, 'anh', 'canh.png'), makePng(300, 200, 30));
    writeFileSync(join(work, 'bi-mat.png'), makePng(300, 200, 31));
    symlinkSync(join(work, 'bi-mat.png'), join(pageDir, 'anh', 'lien-ket.png'));
    const embedded = makePng(120, 90, 32);
    writeFileSync(join(pageDir, 'bai.html'), newsPage({
      figure: `<figure><img src="anh/canh.png" alt="Bên cạnh"></figure><figure><img src="data:image/png;base64,${embedded.toString('base64')}" alt="Nhúng"></figure>
        <figure><img src="../bi-mat.png" alt="Ngoài thư mục"></figure><figure><img src="anh/lien-ket.png" alt="Liên kết ra ngoài"></figure>`,
    }));
    const lib = Library.open(join(work, 'thu-vien'));
    try {
      const report = await runImport([{ kind: 'path', path: join(pageDir, 'bai.html') }], lib, { photos: new PhotoDownloads({ sink: lib.images }) });
      const photos = report.imported[0]!.photos!;
      expect(photos.kept).toBe(2);
      expect(photos.failed.map((failure) => failure.reason)).toEqual([{ kind: 'photo-outside-folder' }, { kind: 'photo-outside-folder' }]);
      const article = lib.get(report.imported[0]!.id)!;
      const kept = article.blocks.filter((block) => block.figure?.image).map((block) => block.figure!.alt);
      expect(kept).toEqual(['Bên cạnh', 'Nhúng']);
      expect(lib.images.refs().sort()).toEqual([createHash('sha256').update(makePng(300, 200, 30)).digest('hex') + '.png', createHash('sha256').update(embedded).digest('hex') + '.png'].sort());
    } finally {
      lib.close();
    }
  });

  it('a feed item’s photo is kept when the item first arrives, and not fetched again on later refreshes', async () => {
    const item = (n: number) => ({
      guid: `p${n}`,
      title: `Tin ảnh ${n}`,
      link: server.url(`/tin/${n}.html`),
      body: `<p>${story(n)}</p><figure><img src="${server.url(`/anh/tin-${n}.png`)}" alt="Ảnh tin ${n}"><figcaption>Chú thích tin ${n}. Ảnh: TTXVN</figcaption></figure>`,
    });
    let items = [item(1)];
    server.routes.set('/anh-feed.xml', conditionalFeed(() => rss('Ảnh', items)));
    for (const n of [1, 2]) server.routes.set(`/anh/tin-${n}.png`, (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(makePng(200, 100, 40 + n)));
    const library = mkdtempSync(join(tmpdir(), 'nr-photos-feed-'));
    const fetches = (n: number) => server.requests.filter((request) => request.path === `/anh/tin-${n}.png`).length;

    const added = await cli(['--library', library, 'sources', 'add', server.url('/anh-feed.xml'), '--json']);
    expect(added.code, added.err).toBe(0);
    const id = (JSON.parse(added.out) as { source: { id: string } }).source.id;
    expect(fetches(1)).toBe(1);
    items = [item(2), item(1)];
    const refreshed = await cli(['--library', library, 'sources', 'refresh', id, '--json']);
    expect(refreshed.code, refreshed.err).toBe(0);
    expect([fetches(1), fetches(2)]).toEqual([1, 1]);
    const lib = Library.open(library);
    try {
      expect(lib.images.refs()).toHaveLength(2);
      const figures = lib.list({}).items.map((summary) => lib.get(summary.id)!.blocks.find((block) => block.kind === 'figure')!.figure!);
      expect(figures.map((figure) => [figure.alt, figure.credit, figure.image !== null]).sort()).toEqual([
        ['Ảnh tin 1', 'Ảnh: TTXVN', true],
        ['Ảnh tin 2', 'Ảnh: TTXVN', true],
      ]);
    } finally {
      lib.close();
    }
  });

  it('keeps at most the per-article number of photos', async () => {
    const lib = Library.open(mkdtempSync(join(tmpdir(), 'nr-photos-limit-')));
    try {
      const photos = new PhotoDownloads({ sink: lib.images, maxPhotos: 2 });
      const report = await runImport([{ kind: 'url', url: server.url('/nhieu.html') }], lib, { photos });
      expect(report.imported[0]!.photos!.kept).toBe(2);
      expect(report.imported[0]!.photos!.failed.map((failure) => failure.reason)).toEqual([
        { kind: 'photo-limit', maxPhotos: 2, maxBytes: 40 * 1024 * 1024 },
        { kind: 'photo-limit', maxPhotos: 2, maxBytes: 40 * 1024 * 1024 },
      ]);
      expect(lib.images.refs()).toHaveLength(2);
    } finally {
      lib.close();
    }
  });

  it('a web page cannot make the app fetch photos from this computer’s other services', async () => {
    const lib = Library.open(mkdtempSync(join(tmpdir(), 'nr-photos-ssrf-')));
    try {
      const photos = new PhotoDownloads({ sink: lib.images });
      const draft = { title: 'T', author: null, source: null, url: 'https://tin.example/a', language: 'vi', publishedAt: null, body: 'Chữ', origin: 'https://tin.example/a', tags: [], blocks: [{ kind: 'paragraph' as const, start: 0, end: 3 }, { kind: 'figure' as const, start: 3, end: 3, figure: { image: null, src: server.url('/anh/tot.png'), alt: '', credit: null } }], imageSources: [{ block: 1, url: server.url('/anh/tot.png') }] };
      const { photos: report } = await photos.attach(draft, { typedHost: null });
      expect(report!.failed[0]!.reason).toEqual({ kind: 'address-not-allowed', host: '127.0.0.1' });
      expect(lib.images.refs()).toEqual([]);
    } finally {
      lib.close();
    }
  });

  it('with photo download turned off in the settings, figures are kept without photos and nothing is fetched', async () => {
    const context = await AppContext.open({ libraryDir: mkdtempSync(join(tmpdir(), 'nr-photos-off-')), runtime: 'browser', withoutSearch: true });
    try {
      const update = await context.dispatch('settings.update', { patch: { downloadPhotos: false } });
      expect(update).toMatchObject({ ok: true, value: { downloadPhotos: false } });
      const before = server.requests.length;
      const outcome = await context.dispatch('library.importUrls', { jobId: 'off', urls: [server.url('/nhieu.html')] });
      expect(outcome.ok).toBe(true);
      expect(server.requests.slice(before).map((request) => request.path)).toEqual(['/nhieu.html']);
      expect(context.library.images.refs()).toEqual([]);
      expect(existsSync(join(context.library.dir, 'images'))).toBe(false);
    } finally {
      await context.close();
    }
  });
});
