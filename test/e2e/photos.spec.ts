import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { test, expect } from './fixtures/app.ts';

/** A small real PNG (the unit tests have a fuller maker; e2e specs stay self-contained). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let value = 0xffffffff;
    for (const byte of bytes) value = crcTable[(value ^ byte) & 0xff]! ^ (value >>> 8);
    return (value ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.alloc(1 + width * 3, 0x80);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))), chunk('IEND', Buffer.alloc(0))]);
}

test('a saved page’s photo is shown in the reader from serve’s own route, with its caption and credit', async ({ app, page }) => {
  const work = await mkdtemp(join(tmpdir(), 'nr-e2e-photos-'));
  try {
    const photo = png(320, 180).toString('base64');
    const paragraph = (n: number) => `<p>Đoạn ${n}: người dân Thủ đô háo hức đón chuyến tàu điện đầu tiên khi trời vừa hửng sáng trên khắp các nhà ga.</p>`;
    await writeFile(
      join(work, 'tau-dien.html'),
      `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tàu điện chạy chuyến đầu</title></head><body><article><h1>Tàu điện chạy chuyến đầu</h1>
      ${paragraph(1)}${paragraph(2)}
      <figure><img src="data:image/png;base64,${photo}" alt="Đoàn tàu rời ga Cát Linh"><figcaption>Đoàn tàu rời ga Cát Linh sáng sớm. Ảnh: Giang Huy</figcaption></figure>
      ${paragraph(3)}
      <figure><img src="http://10.0.0.1/anh-noi-bo.jpg" alt="Ảnh trong mạng nội bộ"></figure>
      ${paragraph(4)}</article></body></html>`,
      'utf8',
    );
    const report = await app.seed('seed-photos', [join(work, 'tau-dien.html')]);
    expect(report.imported).toHaveLength(1);
    expect(report.imported[0]!.photos).toMatchObject({ kept: 1, failed: [{ reason: { kind: 'address-not-allowed' } }] });

    // The renderer never loads anything from anywhere but its own host.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app.origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await page.goto(app.url);
    await page.locator('nr-article-list').getByRole('listbox').getByRole('option', { name: /Tàu điện chạy chuyến đầu/ }).click();
    const reader = page.locator('nr-reader');
    const figure = reader.locator('figure.photo').first();
    const image = figure.getByRole('img', { name: 'Đoàn tàu rời ga Cát Linh' });
    await image.scrollIntoViewIfNeeded();
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute('src', /^\/images\/[0-9a-f]{64}\.png$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await expect(figure.locator('figcaption')).toHaveText('Đoàn tàu rời ga Cát Linh sáng sớm. Ảnh: Giang Huy');
    // The photo that could not be kept says so and keeps its alt text.
    const missing = reader.locator('figure.photo').nth(1);
    await expect(missing.getByRole('img', { name: 'Ảnh trong mạng nội bộ' })).toContainText('Ảnh này không được lưu vào thư viện.');
    expect(elsewhere).toEqual([]);

    // The route checks the token like every other; the answer says what it is and may not be sniffed.
    const src = await image.getAttribute('src');
    expect((await fetch(`${app.origin}${src}`)).status).toBe(401);
    const served = await fetch(`${app.origin}${src}`, { headers: { 'x-newsroom-token': app.token } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(png(320, 180))).toBe(true);
    expect((await fetch(`${app.origin}/images/..%2Flibrary.sqlite`, { headers: { 'x-newsroom-token': app.token } })).status).toBe(404);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
