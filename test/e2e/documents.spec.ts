import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/app.ts';
import { lastCopied, recordCopies } from './fixtures/clipboard.ts';
import { makeStructuredPdf, STRUCTURED_PDF_TEXT as T } from '../fixtures/documents/pdf-fixtures.ts';

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
