import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures/app.ts';

const KEPT = 'Thành phố mở thêm tuyến xe buýt điện';
const TRASHED = 'Bài đã bỏ vào thùng rác hôm qua';
const UNDATED = 'Ghi chép không có ngày đăng';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-narrow-'));
  const body = 'Người dân đón chuyến xe đầu tiên từ sáng sớm. Tuyến mới nối trung tâm với ngoại thành.';
  await writeFile(join(seedDir, 'xe-buyt.txt'), `${KEPT}\n\nThứ Hai, 4/3/2024, 15:05 (GMT+7)\n\n${body}\n`, 'utf8');
  await writeFile(join(seedDir, 'thung-rac.txt'), `${TRASHED}\n\nThứ Ba, 5/3/2024, 09:00 (GMT+7)\n\n${body}\n`, 'utf8');
  await writeFile(join(seedDir, 'ghi-chep.txt'), `${UNDATED}\n\n${body}\n`, 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-narrow', [seedDir]);
  expect(report.failed).toEqual([]);
  await app.call('library.bulk', { action: { kind: 'trash' }, target: { ids: [report.imported.find((item) => item.title === TRASHED)!.id] } });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

test.describe('a narrow window', () => {
  test.use({ viewport: { width: 700, height: 900 } });

  test('reaches Trash and the rest of the sidebar through a labelled drawer, which Esc closes', async ({ app, page }) => {
    await seed(app);
    await page.goto(app.url);
    const sidebar = page.locator('nr-sidebar');
    await expect(sidebar).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Thư viện' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAttribute('title', /Thùng rác/);

    // Open with the keyboard: focus lands on the drawer's first entry; Esc closes and gives focus back.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(sidebar).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(sidebar.getByRole('button', { name: /^Tất cả/ }).first()).toBeFocused();
    for (const name of [/^Chưa đọc/, /^Thùng rác/, /^Tất cả ghi chú/]) await expect(sidebar.getByRole('button', { name })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sidebar).toBeHidden();
    await expect(toggle).toBeFocused();

    // Trash, chosen in the drawer: the list shows it and the drawer gets out of the way.
    await toggle.click();
    await sidebar.getByRole('button', { name: /^Thùng rác/ }).click();
    await expect(sidebar).toBeHidden();
    const rows = page.locator('nr-article-list button.row');
    await expect(rows.filter({ hasText: TRASHED })).toHaveCount(1);
    await expect(rows.filter({ hasText: KEPT })).toHaveCount(0);
    await expect(page.locator('nr-article-list header')).toContainText('Thùng rác');
  });
});

test('skip links take the keyboard to the list and to the reader; undated articles say so and sort last', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  const rows = page.locator('nr-article-list button.row');
  // Imported last, yet without a publication date it comes after the dated article under "published".
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(KEPT);
  await expect(rows.nth(1)).toContainText(UNDATED);
  await expect(rows.nth(1).locator('.meta')).toContainText('Không rõ ngày đăng');
  await rows.nth(1).click();
  const reader = page.locator('nr-reader');
  await expect(reader.locator('.byline')).toContainText(/Không rõ ngày đăng · nhập \d+\/\d+\/\d{4}/);

  // From a fresh page, the first Tab reaches the skip link to the list, shown where it is seen.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('Tab');
  const toList = page.getByRole('link', { name: 'Đến danh sách bài' });
  await expect(toList).toBeFocused();
  await expect(toList).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(rows.nth(0)).toBeFocused();
  // With an article open, the other one gives the article the keyboard.
  await rows.nth(0).click();
  const toReader = page.getByRole('link', { name: 'Đến bài đang đọc' });
  await toReader.focus();
  await expect(toReader).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(reader).toBeFocused();
  await page.getByRole('link', { name: 'Đến danh sách bài' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(0)).toBeFocused();
});

test('the reader toolbar stays on one row at 1,100 px, its icon buttons named and with tooltips', async ({ app, page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await seed(app);
  await page.goto(app.url);
  await page.locator('nr-article-list').getByRole('option').filter({ hasText: KEPT }).click();
  const toolbar = page.locator('nr-reader .toolbar');
  const back = toolbar.getByRole('button', { name: 'Quay lại' });
  await expect(back).toHaveAttribute('title', 'Quay lại danh sách (Esc)');
  const heights = await toolbar.evaluate((element) => ({ bar: element.getBoundingClientRect().height, button: element.querySelector('button')!.getBoundingClientRect().height }));
  expect(heights.bar).toBeLessThan(heights.button * 2);
  for (const button of await toolbar.locator('button').all()) {
    expect(await button.getAttribute('title'), await button.innerText()).toBeTruthy();
  }
  // The header's theme select is labelled by visible text.
  await expect(page.getByRole('combobox', { name: 'Giao diện' })).toBeVisible();
});
