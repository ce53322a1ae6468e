import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../library/model.ts';
import { listImportableFiles, runImport } from '../../../importers/index.ts';
import { FIXTURES, MemorySink, SinkWithOthers } from './importer-test-helpers.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function makeLibraryFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nr-import-'));
  await mkdir(join(root, 'b-nested', 'deeper'), { recursive: true });
  await mkdir(join(root, '.hidden-dir'));
  await copyFile(join(FIXTURES, 'seed-single-line.txt'), join(root, 'a-seed.txt'));
  await copyFile(join(FIXTURES, 'article.html'), join(root, 'b-nested', 'page.html'));
  await copyFile(join(FIXTURES, 'article.md'), join(root, 'b-nested', 'deeper', 'note.md'));
  await writeFile(join(root, '.hidden.txt'), 'Không được nhập tệp ẩn.');
  await writeFile(join(root, '.hidden-dir', 'x.txt'), 'Không được nhập thư mục ẩn.');
  await writeFile(join(root, 'c-photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0]));
  await writeFile(join(root, 'd-binary.txt'), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0x14, 0]));
  await writeFile(join(root, 'e-empty.txt'), '');
  // A loop back to the root must not be followed forever.
  await symlink(root, join(root, 'b-nested', 'loop'));
  return root;
}

describe('folder walk', () => {
  it('lists importable files recursively, sorted, skipping hidden entries and symlink loops', async () => {
    const root = await makeLibraryFolder();
    const files = await listImportableFiles(root);
    expect(files.map((file) => file.slice(root.length + 1))).toEqual([
      'a-seed.txt',
      join('b-nested', 'deeper', 'note.md'),
      join('b-nested', 'page.html'),
      'd-binary.txt',
      'e-empty.txt',
    ]);
  });
});

describe('runImport', () => {
  it('imports a folder, reporting bad files with reasons and progress after each file', async () => {
    const root = await makeLibraryFolder();
    const sink = new MemorySink();
    const progress: ImportProgress[] = [];
    const report = await runImport([{ kind: 'path', path: root }], sink, { jobId: 'job-1', onProgress: (p) => progress.push(p) });

    expect(report.cancelled).toBe(false);
    expect(report.imported.map((entry) => entry.title)).toEqual([
      'Giá xăng tăng lần thứ ba liên tiếp từ chiều nay',
      'Báo cáo thị trường tuần 10',
      'Đàm phán ngừng bắn bước vào vòng mới',
    ]);
    expect(report.imported[0]!.path).toBe(join(root, 'a-seed.txt'));
    expect(report.failed).toEqual([
      { path: join(root, 'd-binary.txt'), error: 'binary file (contains NUL bytes), not text', reason: { kind: 'binary', cause: 'nul-bytes' } },
      { path: join(root, 'e-empty.txt'), error: 'empty file', reason: { kind: 'empty-file' } },
    ]);
    expect(progress.map((p) => [p.done, p.total, p.failures])).toEqual([
      [0, 5, 0],
      [1, 5, 0],
      [2, 5, 0],
      [3, 5, 0],
      [4, 5, 1],
      [5, 5, 2],
    ]);
    expect(progress.every((p) => p.jobId === 'job-1')).toBe(true);
    expect(progress[0]!.current).toBe(join(root, 'a-seed.txt'));
    expect(progress.at(-1)!.current).toBeNull();
    expect([...sink.articles.values()][0]!.origin).toBe(join(root, 'a-seed.txt'));
  });

  it('reports duplicates with the existing id, and a sink error only for that article', async () => {
    const sink = new MemorySink();
    sink.failOnTitle = 'Tin hai';
    const bytes = new Uint8Array(await readFile(join(FIXTURES, 'export.ndjson')));
    const seed = new Uint8Array(await readFile(join(FIXTURES, 'seed-single-line.txt')));
    const report = await runImport(
      [
        { kind: 'bytes', name: 'seed.txt', bytes: seed },
        { kind: 'bytes', name: 'again.txt', bytes: seed },
        { kind: 'bytes', name: 'export.ndjson', bytes },
      ],
      sink,
    );
    expect(report.duplicates).toEqual([{ path: 'again.txt', id: 'a1' }]);
    expect(report.imported.map((entry) => entry.path)).toEqual(['seed.txt', 'export.ndjson#1', 'export.ndjson#2']);
    expect(report.imported[2]).toEqual({ id: 'art-0001', title: 'Bài đã lưu', path: 'export.ndjson#2' });
    expect(report.failed).toEqual([
      { path: 'export.ndjson#3', error: expect.stringMatching(/^line 3: not valid JSON/), reason: { kind: 'invalid-json', detail: expect.any(String) } },
      { path: 'export.ndjson#4', error: 'export records of type "annotation" are not supported by this version', reason: { kind: 'unsupported-record-type', type: 'annotation' } },
      { path: 'export.ndjson#6', error: expect.stringMatching(/^line 6: invalid export record/), reason: { kind: 'invalid-record', record: 'export', detail: expect.stringMatching(/block lies outside the body/) } },
      { path: 'export.ndjson#7', error: 'could not save: database is locked', reason: { kind: 'save-failed', detail: 'database is locked' } },
    ]);
    expect(sink.restored.map((record) => record.id)).toEqual(['art-0001']);
  });

  it('hands unknown export record types to a sink that can restore them', async () => {
    const sink = new SinkWithOthers();
    const line = '{"format":"newsroom-reader/1","type":"annotation","id":"ann-1","articleId":"art-0001"}\n';
    const report = await runImport([{ kind: 'bytes', name: 'ann.ndjson', bytes: encode(line) }], sink);
    expect(report.failed).toEqual([]);
    expect(sink.others).toEqual([{ format: 'newsroom-reader/1', type: 'annotation', id: 'ann-1', articleId: 'art-0001' }]);
  });

  it('fails over-size, missing, unsupported and malformed inputs without stopping', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nr-size-'));
    const big = join(root, 'big.txt');
    await writeFile(big, 'Một bài viết khá dài. '.repeat(20));
    await writeFile(join(root, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const sink = new MemorySink();
    const report = await runImport(
      [
        { kind: 'path', path: big },
        { kind: 'bytes', name: 'upload.txt', bytes: encode('x'.repeat(300)) },
        { kind: 'path', path: join(root, 'missing.txt') },
        { kind: 'path', path: join(root, 'photo.png') },
        { kind: 'path', path: join(FIXTURES, 'not-a-feed.xml') },
        { kind: 'path', path: join(FIXTURES, 'feed-malformed.xml') },
        { kind: 'bytes', name: 'ok.txt', bytes: encode('Tiêu đề\n\nNội dung ngắn.') },
      ],
      sink,
      { maxBytes: 200 },
    );
    expect(report.failed).toEqual([
      { path: big, error: 'file is larger than 200 bytes', reason: { kind: 'too-large', maxBytes: 200 } },
      { path: 'upload.txt', error: 'file is larger than 200 bytes', reason: { kind: 'too-large', maxBytes: 200 } },
      { path: join(root, 'missing.txt'), error: 'no such file or folder', reason: { kind: 'missing' } },
      // A PNG is a scanned page for OCR now; a header cut short is a damaged image, said as such.
      { path: join(root, 'photo.png'), error: 'the image is damaged or in a format OCR cannot read', reason: { kind: 'corrupt-document', format: 'image' } },
      { path: join(FIXTURES, 'not-a-feed.xml'), error: 'XML file that is not an RSS, Atom or RDF feed', reason: { kind: 'xml-not-a-feed' } },
      { path: join(FIXTURES, 'feed-malformed.xml'), error: expect.stringMatching(/^malformed feed: /), reason: { kind: 'malformed-feed', detail: expect.any(String) } },
    ]);
    expect(report.imported.map((entry) => entry.title)).toEqual(['Tiêu đề']);
  });

  it('stops at the next article when cancelled and keeps what was committed', async () => {
    const controller = new AbortController();
    const sink = new MemorySink();
    sink.onAdd = (draft) => {
      if (draft.title === 'Tin một') controller.abort();
    };
    const progress: ImportProgress[] = [];
    const report = await runImport(
      [
        { kind: 'bytes', name: 'first.txt', bytes: encode('Bài đầu\n\nNội dung bài đầu.') },
        { kind: 'path', path: join(FIXTURES, 'export.ndjson') },
        { kind: 'bytes', name: 'never.txt', bytes: encode('Không bao giờ\n\nKhông được nhập.') },
      ],
      sink,
      { signal: controller.signal, onProgress: (p) => progress.push(p) },
    );
    expect(report.cancelled).toBe(true);
    expect(report.imported.map((entry) => entry.title)).toEqual(['Bài đầu', 'Tin một']);
    expect([...sink.articles.values()].map((draft) => draft.title)).toEqual(['Bài đầu', 'Tin một']);
    expect(sink.restored).toEqual([]);
    expect(progress.at(-1)!.done).toBeLessThan(3);
  });

  it('does nothing when cancelled before it starts', async () => {
    const sink = new MemorySink();
    const report = await runImport([{ kind: 'path', path: FIXTURES }], sink, { signal: AbortSignal.abort() });
    expect(report).toEqual({ imported: [], duplicates: [], failed: [], cancelled: true });
  });
});

describe('runImport with URLs', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const html = await readFile(join(FIXTURES, 'article.html'));
    const rss = await readFile(join(FIXTURES, 'feed-rss.xml'));
    server = createServer((request, response) => {
      switch (request.url) {
        case '/bai-viet':
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
          break;
        case '/old-link':
          response.writeHead(301, { location: '/bai-viet' }).end();
          break;
        case '/rss':
          // Many servers label feeds as generic XML or even text/html; sniffing decides.
          response.writeHead(200, { 'content-type': 'text/xml' }).end(rss);
          break;
        case '/huge':
          response.writeHead(200, { 'content-type': 'text/html' }).end('<p>' + 'x'.repeat(5000) + '</p>');
          break;
        case '/slow':
          setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 2000);
          break;
        default:
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches a page after redirects and a feed, keeping the final URL as origin', async () => {
    const sink = new MemorySink();
    const report = await runImport(
      [
        { kind: 'url', url: `${base}/old-link` },
        { kind: 'url', url: `${base}/rss` },
      ],
      sink,
    );
    expect(report.failed).toEqual([{ path: `${base}/rss#3`, error: 'feed entry "No text at all" has no text', reason: { kind: 'feed-entry-without-text', title: 'No text at all' } }]);
    expect(report.imported.map((entry) => [entry.title, entry.path])).toEqual([
      ['Đàm phán ngừng bắn bước vào vòng mới', `${base}/old-link`],
      ['Hội nghị thượng đỉnh khai mạc', `${base}/rss#1`],
      ['Only a description', `${base}/rss#2`],
    ]);
    const page = [...sink.articles.values()][0]!;
    expect(page.origin).toBe(`${base}/bai-viet`);
    expect(page.url).toBe('https://thoisu.example.vn/the-gioi/dam-phan-ngung-ban-123.html');
    expect(page.body).not.toMatch(/LEAK/);
  });

  it('reports HTTP errors, over-size bodies and timeouts per URL', async () => {
    const report = await runImport(
      [
        { kind: 'url', url: `${base}/missing` },
        { kind: 'url', url: `${base}/huge` },
        { kind: 'url', url: `${base}/slow` },
      ],
      new MemorySink(),
      { maxBytes: 1000, fetchTimeoutMs: 300 },
    );
    expect(report.failed).toEqual([
      { path: `${base}/missing`, error: 'HTTP 404 Not Found', reason: { kind: 'http-status', status: 404, statusText: 'Not Found' } },
      { path: `${base}/huge`, error: 'file is larger than 1000 bytes', reason: { kind: 'too-large', maxBytes: 1000 } },
      { path: `${base}/slow`, error: expect.stringMatching(/^timed out after/), reason: { kind: 'timeout', seconds: 0 } },
    ]);
  });

  it('uses an injected fetch', async () => {
    const fakeFetch: typeof fetch = async () =>
      new Response('<html><head><title>Injected</title></head><body><p>Từ fetch giả lập.</p></body></html>', {
        headers: { 'content-type': 'text/html' },
      });
    const sink = new MemorySink();
    // The fake never touches the network, so there is no address to check.
    const report = await runImport([{ kind: 'url', url: 'https://example.invalid/a' }], sink, { fetch: fakeFetch, allowPrivateAddresses: true });
    expect(report.imported).toEqual([{ id: 'a1', title: 'Injected', path: 'https://example.invalid/a' }]);
    expect(sink.articles.get('a1')!.origin).toBe('https://example.invalid/a');
  });
});
