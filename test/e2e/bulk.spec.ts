import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, type ServedApp } from './fixtures/app.ts';

// Bulk actions through serve in Chromium: a selection of 100, tagged and archived in one action each,
// the archive undone; the reader's single "Xoá" with its notice and undo; axe on the selection bar.

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-bulk-'));
  const articles = Array.from({ length: 100 }, (_, i) => ({
    title: `Tin lũ miền Trung số ${i + 1}`,
    body: `Bản tin số ${i + 1}: mưa lớn khiến nước sông dâng cao ở ${i % 2 ? 'Quảng Trị' : 'Quảng Bình'}.\n\nĐoạn thứ hai của bản tin ${i + 1}.`,
    source: 'Tuổi Trẻ',
    publishedAt: `2024-09-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00Z`,
  }));
  await writeFile(join(seedDir, 'lu.json'), JSON.stringify(articles), 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-bulk', [seedDir]);
  expect(report.imported).toHaveLength(100);
}

test('a selection of 100 is tagged and archived, each in one action, and the archive is undone', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  const list = page.locator('nr-article-list');
  const rows = list.locator('button.row');
  const bar = page.locator('nr-bulk-bar');
  await expect(list.getByText('Tất cả · 100 bài')).toBeVisible();

  // Ctrl-click picks one row instead of opening it; Shift-click extends to a range; x toggles the focused row.
  await rows.nth(0).click({ modifiers: ['Control'] });
  await expect(bar.getByText('Đã chọn 1 bài')).toBeVisible();
  await expect(page.locator('nr-reader h1')).toHaveCount(0);
  await rows.nth(4).click({ modifiers: ['Shift'] });
  await expect(bar.getByText('Đã chọn 5 bài')).toBeVisible();
  await rows.nth(2).focus();
  await page.keyboard.press('x');
  await expect(bar.getByText('Đã chọn 4 bài')).toBeVisible();
  await expect(rows.nth(2)).toHaveAttribute('data-picked', 'false');
  await expect(rows.nth(3)).toHaveAttribute('data-picked', 'true');

  // Select all: the whole view (a query), not just the rows drawn.
  await bar.getByRole('button', { name: 'Chọn tất cả 100' }).click();
  await expect(bar.getByText('Đã chọn 100 bài')).toBeVisible();
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => v.id)).toEqual([]);

  await bar.getByLabel('Thẻ cho các bài đã chọn').fill('lũ lụt');
  await bar.getByRole('button', { name: 'Gắn thẻ' }).click();
  await expect(bar.getByText('Đã gắn thẻ “lũ lụt” cho 100 bài.')).toBeVisible();
  await expect(async () => expect((await app.call('library.list', { tag: 'lũ lụt', limit: 1 })).total).toBe(100)).toPass();
  await expect(bar.getByText(/Đã chọn/)).toHaveCount(0);

  await rows.nth(0).click({ modifiers: ['Control'] });
  await bar.getByRole('button', { name: 'Chọn tất cả 100' }).click();
  await bar.getByRole('button', { name: 'Lưu trữ' }).click();
  await expect(bar.getByText('Đã lưu trữ 100 bài.')).toBeVisible();
  await expect(list.getByText('Tất cả · 0 bài')).toBeVisible();
  expect((await app.call('library.list', { view: 'archived', limit: 1 })).total).toBe(100);

  await bar.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(bar.getByText('Đã hoàn tác cho 100 bài.')).toBeVisible();
  await expect(list.getByText('Tất cả · 100 bài')).toBeVisible();
  expect((await app.call('library.list', { view: 'archived', limit: 1 })).total).toBe(0);
  // Undoing the archive leaves the earlier tagging as it was.
  expect((await app.call('library.list', { tag: 'lũ lụt', limit: 1 })).total).toBe(100);
});

test('moving one article to the trash from the reader says so and can be undone', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  await page.locator('nr-article-list').locator('button.row').first().click();
  const reader = page.locator('nr-reader');
  const title = await reader.locator('h1').textContent();
  await reader.getByRole('button', { name: 'Thao tác khác với bài' }).click();
  await reader.getByRole('menuitem', { name: 'Xoá', exact: true }).click();
  const bar = page.locator('nr-bulk-bar');
  await expect(bar.getByText('Đã chuyển 1 bài vào thùng rác.')).toBeVisible();
  expect((await app.call('library.list', { view: 'trash' })).items.map((item) => item.title)).toEqual([title]);
  await bar.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(bar.getByText('Đã hoàn tác cho 1 bài.')).toBeVisible();
  expect((await app.call('library.list', { view: 'trash' })).total).toBe(0);
});

test('search results can be picked and acted on as a query', async ({ app, page }) => {
  await seed(app);
  await expect(async () => expect((await app.call('search.query', { query: 'quang tri' })).total).toBe(50)).toPass({ timeout: 30_000 });
  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('quang tri');
  const results = page.locator('nr-search-results');
  await expect(results.getByText('50 kết quả')).toBeVisible();
  await results.locator('button.hit').first().click({ modifiers: ['Control'] });
  const bar = page.locator('nr-bulk-bar');
  // All 50 hits, though the results pane has loaded only the first page of them.
  await bar.getByRole('button', { name: 'Chọn tất cả 50' }).click();
  await expect(bar.getByText('Đã chọn 50 bài')).toBeVisible();
  await bar.getByRole('button', { name: 'Gắn sao' }).click();
  await expect(bar.getByText('Đã gắn sao 50 bài.')).toBeVisible();
  const starred = (await app.call('library.list', { view: 'starred', limit: 100 })).items;
  expect(starred).toHaveLength(50);
  expect(starred.every((item) => Number(/số (\d+)$/.exec(item.title)![1]) % 2 === 0)).toBe(true);
});
