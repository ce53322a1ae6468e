import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures/app.ts';

const TITLE = 'Cảng biển mở rộng bến container';
const PARAGRAPHS = [
  'Ban quản lý cảng vừa khởi công bến container thứ hai. Công trình dự kiến xong trong hai năm.',
  'Theo chủ đầu tư, công suất sẽ tăng gấp đôi. Hàng hoá xuất khẩu được ưu tiên xếp dỡ.',
  'Người dân ven biển lo ngại tiếng ồn và bụi trong thời gian thi công kéo dài.',
];
const NOTE = 'Hỏi lại mốc thời gian';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-keyboard-'));
  await writeFile(join(seedDir, 'cang-bien.txt'), [TITLE, ...PARAGRAPHS].join('  '), 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<string> {
  const report = await app.seed('seed-keyboard', [seedDir]);
  expect(report.failed).toEqual([]);
  return report.imported[0]!.id;
}

/** The serious and critical axe-core violations on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

async function openArticle(page: Page): Promise<Locator> {
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option').filter({ hasText: TITLE }).click();
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  return reader;
}

test('the note box opened from the selection toolbar takes focus and keeps what is typed', async ({ app, page }) => {
  const id = await seed(app);
  await page.goto(app.url);
  const reader = await openArticle(page);
  const paragraphs = reader.locator('article p');
  await page.keyboard.press('f');
  const box = await paragraphs.nth(0).boundingBox();
  await page.mouse.move(box!.x + 5, box!.y + 8);
  await page.mouse.down();
  await page.mouse.move(box!.x + 200, box!.y + 8, { steps: 8 });
  await page.mouse.up();
  const toolbar = reader.locator('nr-selection-toolbar');
  await toolbar.getByRole('button', { name: 'Ghi chú', exact: true }).click();
  const editor = page.locator('nr-annotation-list').getByRole('textbox', { name: 'Nội dung ghi chú' });
  await expect(editor).toBeFocused();
  // `e` (archive) and `?` (the shortcut sheet) are shortcuts elsewhere: here they are letters of the note.
  await page.keyboard.type('e? ' + NOTE);
  await expect(editor).toHaveValue('e? ' + NOTE);
  await expect(page.locator('nr-shortcut-sheet dialog[open]')).toHaveCount(0);
  expect((await app.call('library.get', { id })).archived).toBe(false);
});

test('keyboard only: caret mode selects by word and sentence, h highlights, n writes a note, Esc drops an empty new note', async ({ app, page }) => {
  const id = await seed(app);
  await page.goto(app.url);
  await expect(page.locator('nr-article-list').getByRole('option').filter({ hasText: TITLE })).toHaveCount(1);
  // j opens the first article; c starts caret mode on the first word of the first paragraph in view.
  await page.keyboard.press('j');
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // The rare actions' menu first: a menu of menu items, reached and left with the keyboard, and clean for axe.
  const more = reader.getByRole('button', { name: 'Thao tác khác với bài' });
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(reader.getByRole('menuitem', { name: 'Đánh dấu đã đọc' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(reader.getByRole('menu')).toHaveCount(0);
  await expect(more).toBeFocused();

  await page.keyboard.press('c');
  await expect(reader.locator('.caret-hint')).toBeVisible();
  await expect(reader.locator('nr-selection-toolbar')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('h');
  const paragraphs = reader.locator('article p');
  await expect(paragraphs.nth(0).locator('span.hl-yellow')).toHaveText(['Ban quản lý']);
  // Still in caret mode: the next sentence, with a note typed through keys that are shortcuts elsewhere.
  await expect(reader.locator('.caret-hint')).toBeVisible();
  await page.keyboard.press(')');
  await page.keyboard.press(')');
  await page.keyboard.press('n');
  const editor = page.locator('nr-annotation-list').getByRole('textbox', { name: 'Nội dung ghi chú' });
  await expect(editor).toBeFocused();
  await page.keyboard.type(`e? ${NOTE}`);
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  const annotations = await app.call('annotations.list', { articleId: id });
  expect(annotations.map((a) => [a.quote.exact, a.note])).toEqual([
    ['Ban quản lý', ''],
    ['Công trình dự kiến xong trong hai năm.', `e? ${NOTE}`],
  ]);
  expect((await app.call('library.get', { id })).archived).toBe(false);
  await expect(page.locator('nr-shortcut-sheet dialog[open]')).toHaveCount(0);

  // A new note left empty and dismissed with Esc leaves no highlight behind.
  await page.keyboard.press('c');
  // The first press takes the paragraph around the word, each next one the paragraph after.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('n');
  await expect(editor).toBeFocused();
  await expect(paragraphs.nth(2).locator('span.hl')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(paragraphs.nth(2).locator('span.hl')).toHaveCount(0);
  expect(await app.call('annotations.list', { articleId: id })).toHaveLength(2);
});
