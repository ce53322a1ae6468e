import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/app.ts';
import { lastCopied, recordCopies } from './fixtures/clipboard.ts';
import { makeStructuredPdf, STRUCTURED_PDF_TEXT as T } from '../fixtures/documents/pdf-fixtures.ts';
import { chartPng, DOCX_TEXT, makeDocx } from '../fixtures/documents/docx-fixtures.ts';
import { makeScannedPdf } from '../fixtures/documents/ocr-fixtures.ts';
import { findVietnameseModel } from '../../importers/documents/ocr.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Selects `text` inside `block` with the mouse, first character to last. */
async function dragSelect(page: Page, block: Locator, text: string): Promise<void> {
  await block.scrollIntoViewIfNeeded();
  const [start, end] = await block.evaluate((element, wanted) => {
    const node = [...element.childNodes].find((child): child is Text => child.nodeType === Node.TEXT_NODE && (child as Text).data.includes(wanted));
    if (!node) throw new Error(`"${wanted}" is not a text node of the block`);
    const at = (offset: number): DOMRect => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect();
    };
    const index = node.data.indexOf(wanted);
    const first = at(index);
    const last = at(index + wanted.length - 1);
    return [{ x: first.left + 1, y: first.top + first.height / 2 }, { x: last.right - 1, y: last.top + last.height / 2 }];
  }, text);
  await page.mouse.move(start!.x, start!.y);
  await page.mouse.down();
  await page.mouse.move(end!.x, end!.y, { steps: 10 });
  await page.mouse.up();
}

test('a PDF imported from the file dialog is read by page: search finds a word on page 3, and its highlight is cited as "tr. 3"', async ({ app, page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await recordCopies(page);
  await page.goto(app.url);
  const pdf = Buffer.from(await makeStructuredPdf());
  await page.locator('nr-app input[type=file][multiple]').setInputFiles([{ name: 'bao-cao-quy-1.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await expect(page.locator('nr-import-status section[role=status]')).toContainText('1 bài mới, 0 bài trùng, 0 lỗi.', { timeout: 60_000 });

  const word = 'thủy điện';
  await expect(async () => {
    expect((await app.call('search.query', { query: 'thuy dien' })).hits.map((hit) => hit.title)).toContain(T.title);
  }).toPass({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('thuy dien');
  const hit = page.locator('nr-search-results button.hit').filter({ hasText: T.title });
  await hit.click();
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(T.title);

  // Page boundaries show in the reader, and the match sits after "Trang 3".
  await expect(reader.getByRole('separator', { name: 'Trang 3' })).toHaveCount(1);
  const paragraph = reader.locator('article p').filter({ hasText: T.page3[0] });
  await expect(paragraph.locator('mark')).toHaveText([word]);
  const followsPage3 = await paragraph.evaluate((element) => {
    let sibling = element.previousElementSibling;
    while (sibling && sibling.localName !== 'nr-page-break') sibling = sibling.previousElementSibling;
    return sibling?.getAttribute('aria-label');
  });
  expect(followsPage3).toBe('Trang 3');

  // Leave search so the paragraph holds plain text, then highlight the word.
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('');
  await expect(paragraph.locator('mark')).toHaveCount(0);
  await dragSelect(page, paragraph, word);
  const toolbar = reader.locator('nr-selection-toolbar');
  await toolbar.getByRole('button', { name: 'Sao chép trích dẫn' }).click();
  await expect.poll(() => lastCopied(page)).toMatch(/^“thủy điện” — .*, tr\. 3\.$/u);
  await dragSelect(page, paragraph, word);
  await toolbar.getByRole('button', { name: 'Trích dẫn', exact: true }).click();
  await expect(paragraph.locator('span.hl')).toHaveText([word]);

  const articleId = (await app.call('search.query', { query: 'thuy dien' })).hits[0]!.id;
  expect((await app.call('annotations.list', { articleId })).map((a) => [a.quote.exact, a.page])).toEqual([[word, 3]]);

  // The Markdown export of the article's highlights cites the page.
  // Highlighting opens the annotations panel; open it only if it is not.
  const toggle = reader.getByRole('button', { name: 'Ghi chú (1)' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const panel = page.locator('nr-annotation-list');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Xuất Markdown' }).click()]);
  const markdown = await readFile((await download.path())!, 'utf8');
  expect(markdown).toContain(`> ${word}`);
  expect(markdown).toMatch(/\*\* · yellow · tr\. 3\n/u);

  // The original PDF is there to open, byte for byte.
  const original = reader.getByRole('link', { name: 'Mở tệp gốc' });
  await expect(original).toHaveAttribute('href', `./api/originals/${articleId}`);
  const [file] = await Promise.all([page.waitForEvent('download'), original.click()]);
  expect(await readFile((await file.path())!)).toEqual(pdf);
});

test('a DOCX’s picture is kept in the library and shown in the reader as a figure with its caption', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await page.locator('nr-app input[type=file][multiple]').setInputFiles([{ name: 'cong-van.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(await makeDocx()) }]);
  await expect(page.locator('nr-import-status section[role=status]')).toContainText('1 bài mới, 0 bài trùng, 0 lỗi.', { timeout: 60_000 });
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option').filter({ hasText: DOCX_TEXT.title }).click();
  const figure = page.locator('nr-reader figure.photo');
  await expect(figure.locator('nr-figure img')).toHaveAttribute('alt', DOCX_TEXT.imageAlt);
  await expect(figure).toContainText(DOCX_TEXT.imageAlt);
  // The picture's own bytes, served from the image store.
  const src = await figure.locator('nr-figure img').getAttribute('src');
  const served = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url!)).arrayBuffer())], src);
  expect(Buffer.from(served)).toEqual(chartPng());
});

test('a PDF over 50 MB is taken from the file dialog, while another type that large is refused before sending, with its own limit', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  const doc = await PDFDocument.load(await makeStructuredPdf());
  // Random bytes: pdf-lib compresses attachments, and these do not shrink.
  await doc.attach(randomBytes(52 * 1024 * 1024), 'phu-luc.bin', { mimeType: 'application/octet-stream' });
  // Playwright passes buffers this large only as files on disk.
  const work = await mkdtemp(join(tmpdir(), 'nr-e2e-large-pdf-'));
  try {
    const pdf = join(work, 'bao-cao-lon.pdf');
    const epub = join(work, 'so-tay-lon.epub');
    await writeFile(pdf, await doc.save());
    await copyFile(pdf, epub);
    await page.locator('nr-app input[type=file][multiple]').setInputFiles([pdf, epub]);
    const status = page.locator('nr-import-status section[role=status]');
    await expect(status).toContainText('1 bài mới, 0 bài trùng, 1 lỗi.', { timeout: 120_000 });
    await expect(status.locator('ul.failures li')).toHaveText(['so-tay-lon.epub: tệp lớn hơn 50 MB']);
    await expect(async () => {
      expect((await app.call('search.query', { query: 'thuy dien' })).hits.map((hit) => hit.title)).toContain(T.title);
    }).toPass({ timeout: 30_000 });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

// Skipped where the machine has no Vietnamese OCR model (Debian's tesseract-ocr-vie; .ci/run installs it).
test('a scanned PDF shows its OCR progress page by page, and its recognised words are found on their page', async ({ app, page }) => {
  test.skip(findVietnameseModel() === null, 'no vie.traineddata on this machine: install tesseract-ocr-vie or set NEWSROOM_TESSDATA');
  test.setTimeout(240_000);
  await page.goto(app.url);
  await page.locator('nr-app input[type=file][multiple]').setInputFiles([{ name: 'cong-van-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeScannedPdf()) }]);
  const status = page.locator('nr-import-status section[role=status]');
  await expect(status).toContainText('nhận dạng chữ (OCR) trang 1/2', { timeout: 120_000 });
  await expect(status).toContainText('1 bài mới, 0 bài trùng, 0 lỗi.', { timeout: 180_000 });
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('tiep cong dan');
  await page.locator('nr-search-results button.hit').first().click();
  const reader = page.locator('nr-reader');
  const paragraph = reader.locator('article p').filter({ hasText: 'tiếp công dân' });
  await expect(paragraph.locator('mark').first()).toBeVisible();
  const page2 = await paragraph.evaluate((element) => {
    let sibling = element.previousElementSibling;
    while (sibling && sibling.localName !== 'nr-page-break') sibling = sibling.previousElementSibling;
    return sibling?.getAttribute('aria-label');
  });
  expect(page2).toBe('Trang 2');
});
