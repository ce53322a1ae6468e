import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures/app.ts';
import { lastCopied, recordCopies } from './fixtures/clipboard.ts';

// The annotated article, in the scraped one-line shape (headline, then paragraphs split by two spaces).
const TITLE = 'Giá điện tăng từ đầu tháng tới';
const PARAGRAPHS = [
  'Bộ Công Thương vừa công bố quyết định điều chỉnh giá bán lẻ điện bình quân từ đầu tháng tới.',
  'Theo quyết định, mức tăng là bốn phần trăm, tương đương khoảng tám mươi đồng mỗi kilôoát giờ.',
  'Các chuyên gia cho rằng mức tăng này phản ánh chi phí sản xuất đã leo thang trong năm qua.',
  'Người tiêu dùng được khuyến nghị tiết kiệm điện trong những tháng cao điểm mùa hè.',
];
// A long second article, so that opening a highlight near its end has to scroll the reader.
const LONG_TITLE = 'Mùa lúa bội thu ở đồng bằng sông Cửu Long';
const LONG_FILLER = Array.from({ length: 14 }, (_, i) => `Đoạn tường thuật số ${i + 1} kể lại công việc của bà con trên cánh đồng từ sáng sớm đến chiều muộn.`);
const LONG_LAST = 'Giá lúa tại ruộng đạt mức cao nhất trong ba năm, thương lái đến tận nơi thu mua.';

// The note's words are in neither article, so finding the article by them proves the note is searched.
const NOTE = 'Cần đối chiếu với báo cáo kiểm toán';
const NOTE_QUERY = 'doi chieu';
const EDITED_NOTE = 'Đã hỏi lại phòng báo chí của bộ';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-annotations-'));
  await writeFile(join(seedDir, 'gia-dien.txt'), [TITLE, ...PARAGRAPHS].join('  '), 'utf8');
  await writeFile(join(seedDir, 'mua-lua.txt'), [LONG_TITLE, ...LONG_FILLER, LONG_LAST].join('  '), 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<{ target: string; long: string }> {
  const report = await app.seed('seed-annotations', [seedDir]);
  expect(report.failed).toEqual([]);
  const ids = new Map(report.imported.map((item) => [item.title, item.id]));
  expect([...ids.keys()].sort()).toEqual([LONG_TITLE, TITLE].sort());
  await expect(async () => {
    expect((await app.call('search.status', {})).state).toBe('ready');
    expect((await app.call('search.query', { query: 'gia dien' })).hits.map((hit) => hit.title)).toContain(TITLE);
  }).toPass({ timeout: 30_000 });
  // Guards the last step: before the note exists, its words must not find the article.
  expect((await app.call('search.query', { query: NOTE_QUERY })).hits.map((hit) => hit.title)).not.toContain(TITLE);
  return { target: ids.get(TITLE)!, long: ids.get(LONG_TITLE)! };
}

/** Viewport point on the first (or last) character of `text` inside a block, left (or right) edge. */
async function charPoint(block: Locator, text: string, which: 'first' | 'last'): Promise<{ x: number; y: number }> {
  return block.evaluate(
    (element, [wanted, edge]) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node as Text);
        all += (node as Text).data;
      }
      const index = all.indexOf(wanted);
      if (index < 0) throw new Error(`"${wanted}" is not in "${all}"`);
      let offset = edge === 'first' ? index : index + wanted.length - 1;
      for (const node of nodes) {
        if (offset < node.data.length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const rect = range.getBoundingClientRect();
          return { x: edge === 'first' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
        }
        offset -= node.data.length;
      }
      throw new Error('offset past the end of the block');
    },
    [text, which] as const,
  );
}

/** Drags the mouse from the first character of `fromText` in one block to the last of `toText` in another. */
async function dragSelect(page: Page, from: Locator, fromText: string, to: Locator, toText: string): Promise<void> {
  // Scroll first, then measure both ends: scrolling between the two would move the first point.
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const start = await charPoint(from, fromText, 'first');
  const end = await charPoint(to, toText, 'last');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

async function openArticle(page: Page, title: string): Promise<Locator> {
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option').filter({ hasText: title }).click();
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  return reader;
}

test('highlights and notes made with the mouse survive a reload, undo brings back edits and deletions, notes are searchable', async ({ app, page, context }, testInfo) => {
  const { target } = await seed(app);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await recordCopies(page);
  await page.goto(app.url);
  const reader = await openArticle(page, TITLE);
  const paragraphs = reader.locator('article p');
  await expect(paragraphs).toHaveText(PARAGRAPHS);
  // No annotations yet: the panel stays out of the way until asked for.
  const panel = page.locator('nr-annotation-list');
  await expect(panel).toHaveCount(0);
  const panelToggle = reader.getByRole('button', { name: 'Ghi chú (0)' });
  await panelToggle.click();
  await expect(panel.getByRole('heading', { name: 'Ghi chú trong bài (0)' })).toBeVisible();
  await expect(panelToggle).toHaveAttribute('aria-pressed', 'true');

  // 1. Drag over a phrase: the toolbar offers the four colours by label, a note and a citation copy.
  const phrase = 'mức tăng là bốn phần trăm';
  await dragSelect(page, paragraphs.nth(1), phrase, paragraphs.nth(1), phrase);
  const toolbar = reader.locator('nr-selection-toolbar');
  await expect(toolbar).toBeVisible();
  for (const name of ['Trích dẫn', 'Kiểm chứng', 'Số liệu', 'Ý tưởng', 'Ghi chú', 'Sao chép trích dẫn']) {
    await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('selection-toolbar.png') });
  await toolbar.getByRole('button', { name: 'Số liệu' }).click();
  await expect(toolbar).toHaveCount(0);
  // Drawn exactly over the phrase, and stored with exactly that quote.
  await expect(paragraphs.nth(1).locator('span.hl')).toHaveText([phrase]);
  await expect(paragraphs.nth(1).locator('span.hl')).toHaveClass(/hl-blue/);
  const afterFirst = await app.call('annotations.list', { articleId: target });
  expect(afterFirst.map((a) => [a.quote.exact, a.color])).toEqual([[phrase, 'blue']]);
  const items = panel.locator('li');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('button.quote')).toHaveText(phrase);

  // 2. Copy a quote with its citation.
  const copied = 'tám mươi đồng';
  await dragSelect(page, paragraphs.nth(1), copied, paragraphs.nth(1), copied);
  await toolbar.getByRole('button', { name: 'Sao chép trích dẫn' }).click();
  await expect(page.locator('nr-notices').getByRole('status')).toContainText('Đã sao chép trích dẫn.');
  const clipboard = await lastCopied(page);
  expect(clipboard).toContain(`“${copied}”`);
  expect(clipboard).toContain(TITLE);
  // Copying is not annotating.
  await expect(items).toHaveCount(1);

  // 3. A selection across two paragraphs, highlighted with a note through the `n` key.
  const tail = 'chi phí sản xuất đã leo thang trong năm qua.';
  const head = 'Người tiêu dùng được khuyến nghị';
  await dragSelect(page, paragraphs.nth(2), tail, paragraphs.nth(3), head);
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('n');
  await expect(paragraphs.nth(2).locator('span.hl-yellow')).toHaveText([tail]);
  await expect(paragraphs.nth(3).locator('span.hl-yellow')).toHaveText([head]);
  const editor = panel.getByRole('textbox', { name: 'Nội dung ghi chú' });
  await expect(editor).toBeFocused();
  await page.keyboard.type(NOTE);
  await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.locator('nr-notices').getByRole('status')).toContainText('Đã lưu ghi chú.');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1).locator('.note')).toHaveText(NOTE);
  const crossing = (await app.call('annotations.list', { articleId: target })).find((a) => a.note === NOTE);
  expect(crossing?.quote.exact.startsWith(tail)).toBe(true);
  expect(crossing?.quote.exact.endsWith(head)).toBe(true);
  expect(crossing?.color).toBe('yellow');

  // 4. Reload: everything comes back from the library.
  await page.reload();
  await openArticle(page, TITLE);
  await expect(paragraphs.nth(1).locator('span.hl-blue')).toHaveText([phrase]);
  await expect(paragraphs.nth(2).locator('span.hl-yellow')).toHaveText([tail]);
  await expect(paragraphs.nth(3).locator('span.hl-yellow')).toHaveText([head]);
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator('button.quote')).toHaveText(phrase);
  await expect(items.nth(1).locator('.note')).toHaveText(NOTE);
  await expect(reader.getByRole('button', { name: 'Ghi chú (2)' })).toBeVisible();

  // 5. Edit the note, then undo the edit.
  await items.nth(1).getByRole('button', { name: 'Sửa ghi chú' }).click();
  await expect(editor).toHaveValue(NOTE);
  await editor.fill(EDITED_NOTE);
  await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(items.nth(1).locator('.note')).toHaveText(EDITED_NOTE);
  expect((await app.call('annotations.list', { articleId: target })).map((a) => a.note)).toContain(EDITED_NOTE);
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(items.nth(1).locator('.note')).toHaveText(NOTE);
  await expect(page.locator('nr-notices').getByRole('status')).toContainText('Đã hoàn tác.');
  expect((await app.call('annotations.list', { articleId: target })).map((a) => a.note)).toEqual(['', NOTE]);

  // 6. Delete a highlight, then undo the deletion.
  await items.nth(0).getByRole('button', { name: 'Xoá' }).click();
  await expect(items).toHaveCount(1);
  await expect(paragraphs.nth(1).locator('span.hl')).toHaveCount(0);
  expect(await app.call('annotations.list', { articleId: target })).toHaveLength(1);
  await expect(page.locator('nr-notices').getByRole('status')).toContainText('Đã xoá ghi chú.');
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(items).toHaveCount(2);
  await expect(paragraphs.nth(1).locator('span.hl-blue')).toHaveText([phrase]);
  const restored = await app.call('annotations.list', { articleId: target });
  expect(restored.map((a) => a.id)).toEqual(afterFirst.map((a) => a.id).concat(crossing!.id));

  // 7. Recolour from the panel.
  await items.nth(0).getByRole('group', { name: 'Đổi màu' }).getByRole('button', { name: 'Ý tưởng' }).click();
  await expect(paragraphs.nth(1).locator('span.hl-pink')).toHaveText([phrase]);

  await page.screenshot({ path: testInfo.outputPath('annotations-reader.png'), fullPage: true });

  // 8. The note's words, typed without diacritics, find the article.
  await expect(async () => {
    expect((await app.call('search.query', { query: NOTE_QUERY })).hits.map((hit) => hit.title)).toContain(TITLE);
  }).toPass({ timeout: 30_000 });
  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  await searchBox.fill(NOTE_QUERY);
  const hits = page.locator('nr-search-results button.hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(TITLE);
  // Found through the note, the hit opens the article at that annotation.
  await hits.first().click();
  await expect(page.locator('nr-annotation-list li.active')).toContainText('đối chiếu');

  // 9. Search marks and highlights coexist: a match inside a highlight is one <mark> over the colour.
  await searchBox.fill('bon phan tram');
  // Wait for this query's answer: the hit of the previous one is the same article, with other matches.
  const hit = hits.filter({ hasText: TITLE });
  await expect(hit.locator('.snippet mark').first()).toContainText('bốn');
  await hit.click();
  await expect(paragraphs.nth(1).locator('mark')).toHaveText(['bốn phần trăm']);
  await expect(paragraphs.nth(1).locator('mark span.hl-pink')).toHaveText(['bốn phần trăm']);
  await expect(paragraphs.nth(1).locator('span.hl-pink')).toHaveText(['mức tăng là ', 'bốn phần trăm']);
  await expect(reader.locator('.counter')).toHaveText(/^1 \/ \d+$/);
  await expect(paragraphs.nth(1).locator('mark')).toHaveClass('current');
  await page.screenshot({ path: testInfo.outputPath('search-marks-over-highlights.png') });
});

test('the all-annotations view filters by colour, renames labels, opens an article at its highlight and shows orphans', async ({ app, page }) => {
  const { target, long } = await seed(app);
  const body = (await app.call('library.get', { id: target })).body;
  const longBody = (await app.call('library.get', { id: long })).body;
  const quoteAt = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  await app.call('annotations.create', { articleId: target, ...quoteAt(body, 'giá bán lẻ điện'), color: 'green', note: 'Hỏi EVN' });
  await app.call('annotations.create', { articleId: target, ...quoteAt(body, 'tiết kiệm điện'), color: 'yellow' });
  const far = await app.call('annotations.create', { articleId: long, ...quoteAt(longBody, 'thương lái đến tận nơi'), color: 'blue' });
  // An annotation whose quote is no longer in the text, as after an edited re-import.
  const now = new Date().toISOString();
  const orphan = await app.call('annotations.restore', {
    annotation: {
      id: 'orphan-e2e',
      articleId: target,
      quote: { type: 'TextQuoteSelector', exact: 'Câu này đã bị toà soạn gỡ khỏi bài viết', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 10 },
      status: 'anchored',
      color: 'pink',
      note: 'Lưu lại dù bài đã sửa',
      created: now,
      updated: now,
    },
  });
  expect(orphan.status).toBe('orphan');

  await app.call('library.update', { id: target, patch: { tags: ['năng lượng'] } });
  await page.goto(app.url);
  await page.locator('nr-sidebar').getByRole('button', { name: 'Tất cả ghi chú' }).click();
  const view = page.locator('nr-all-annotations');
  const rows = view.getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(view.getByRole('heading', { name: 'Tất cả ghi chú (4)' })).toBeVisible();
  await expect(rows.filter({ hasText: 'thương lái đến tận nơi' })).toContainText(LONG_TITLE);
  await expect(rows.filter({ hasText: 'Câu này đã bị toà soạn gỡ' })).toContainText('không tìm được vị trí');

  // Filter by colour (its label names the chip), then back to every colour.
  const chips = view.getByRole('group', { name: 'Lọc theo màu và nhãn' });
  await chips.getByRole('button', { name: 'Kiểm chứng' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('giá bán lẻ điện');
  await expect(rows.first()).toContainText('Hỏi EVN');
  await chips.getByRole('button', { name: 'Mọi màu' }).click();
  await expect(rows).toHaveCount(4);

  // Filter by article, then back to every article.
  const articleSelect = view.getByLabel('Bài viết');
  await articleSelect.selectOption({ label: LONG_TITLE });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('thương lái đến tận nơi');
  await articleSelect.selectOption({ label: 'Mọi bài' });
  await expect(rows).toHaveCount(4);

  // Filter by the articles' tags: only the tagged article's three annotations (its orphan included).
  const tagSelect = view.getByLabel('Thẻ của bài');
  await tagSelect.selectOption({ label: 'năng lượng' });
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'thương lái đến tận nơi' })).toHaveCount(0);
  await tagSelect.selectOption({ label: 'Mọi thẻ' });
  await expect(rows).toHaveCount(4);

  // Rename the green label: chips, rows and the library's labels follow.
  await view.getByText('Đổi tên nhãn màu').click();
  const greenLabel = view.getByRole('textbox', { name: 'Nhãn cho màu xanh lá' });
  await expect(greenLabel).toHaveValue('Kiểm chứng');
  await greenLabel.fill('Cần xác minh');
  await greenLabel.press('Enter');
  await expect(chips.getByRole('button', { name: 'Cần xác minh' })).toBeVisible();
  await expect(chips.getByRole('button', { name: 'Kiểm chứng' })).toHaveCount(0);
  expect((await app.call('annotations.labels', {})).green).toBe('Cần xác minh');
  await chips.getByRole('button', { name: 'Cần xác minh' }).click();
  await expect(rows).toHaveCount(1);
  await chips.getByRole('button', { name: 'Mọi màu' }).click();

  // Opening a highlight near the end of a long article scrolls the reader to it.
  await rows.filter({ hasText: 'thương lái đến tận nơi' }).getByRole('button').click();
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(LONG_TITLE);
  const farSpan = reader.locator(`span.hl[data-ids~="${far.id}"]`);
  await expect(farSpan).toHaveText('thương lái đến tận nơi');
  await expect(farSpan).toBeInViewport();

  // The other article's panel: reading order, the orphan last with its quote and note.
  await rows.filter({ hasText: 'tiết kiệm điện' }).getByRole('button').click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const items = page.locator('nr-annotation-list li');
  await expect(items).toHaveCount(3);
  await expect(items.locator('button.quote')).toHaveText(['giá bán lẻ điện', 'tiết kiệm điện', 'Câu này đã bị toà soạn gỡ khỏi bài viết']);
  await expect(items.nth(2)).toContainText('không tìm được vị trí');
  await expect(items.nth(2).locator('.note')).toHaveText('Lưu lại dù bài đã sửa');
  await expect(items.nth(0)).toContainText('Cần xác minh');
  // Clicking the orphan says why there is nowhere to scroll.
  await items.nth(2).locator('button.quote').click();
  await expect(page.locator('nr-notices').getByRole('status')).toContainText('không còn trong bài');

  // Keyboard: `h` highlights the selection in yellow, but typing "h" in a text field does not.
  const last = reader.locator('article p').last();
  await dragSelect(page, last, 'Người tiêu dùng', last, 'Người tiêu dùng');
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).focus();
  await page.keyboard.press('h');
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' })).toHaveValue('h');
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('');
  await expect(items).toHaveCount(3);
  await dragSelect(page, last, 'Người tiêu dùng', last, 'Người tiêu dùng');
  await page.keyboard.press('h');
  await expect(last.locator('span.hl-yellow')).toHaveText(['Người tiêu dùng', 'tiết kiệm điện']);
  await expect(items).toHaveCount(4);

  // Exports: this article as Markdown and its annotations as JSON-LD, as downloads.
  const panel = page.locator('nr-annotation-list');
  const [markdown] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Xuất Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  const md = await readFile((await markdown.path())!, 'utf8');
  expect(md).toContain(TITLE);
  expect(md).toContain('giá bán lẻ điện');
  expect(md).toContain('Hỏi EVN');
  const [jsonld] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Xuất JSON-LD' }).click()]);
  const collection = JSON.parse(await readFile((await jsonld.path())!, 'utf8')) as { type: string; total: number; first: { items: unknown[] } };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(4);
  expect(collection.first.items).toHaveLength(4);
});
