import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures/app.ts';

const TITLE = 'Hà Nội khai trương tuyến tàu điện ngầm đầu tiên';
const OTHER = 'Giá lúa gạo tăng mạnh sau đợt hạn mặn ở miền Tây';
const QUOTE = 'hàng trăm hành khách xếp hàng từ sớm';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-a11y-'));
  const body = (n: number) =>
    Array.from(
      { length: 8 },
      (_, i) => `Đoạn ${n}.${i + 1}. Người dân háo hức đón chuyến tàu đầu tiên khi trời vừa hửng sáng, ${QUOTE} để được trải nghiệm tuyến đường mới.`,
    ).join('\n\n');
  await writeFile(
    join(seedDir, 'articles.json'),
    JSON.stringify([
      { title: TITLE, body: body(1), source: 'Báo Thử Nghiệm', author: 'Nguyễn Văn A', publishedAt: '2024-03-05', tags: ['giao thông'] },
      { title: OTHER, body: body(2), source: 'Báo Nông Nghiệp', publishedAt: '2024-03-04' },
    ]),
    'utf8',
  );
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-a11y', [seedDir]);
  expect(report.imported).toHaveLength(2);
  const id = report.imported.find((item) => item.title === TITLE)!.id;
  await app.call('annotations.create', { articleId: id, quote: QUOTE, color: 'green', note: 'Kiểm tra số liệu với nhà ga.' });
  await expect(async () => {
    expect((await app.call('search.query', { query: 'tau dien' })).total).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });
}

/** Scans the page with axe-core and returns the serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

async function check(page: Page, testInfo: TestInfo, view: string, theme: string, found: string[]): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${view}-${theme}.png`) });
  for (const violation of await seriousViolations(page)) found.push(`${view}: ${violation}`);
}

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`no serious or critical accessibility problems in any view, ${theme} theme`, async ({ app, page }, testInfo) => {
    // Eight full axe scans of a page made of shadow roots take a while.
    test.setTimeout(180_000);
    await seed(app);
    await app.call('settings.update', { patch: { theme } });
    await page.goto(app.url);
    await expect(page.locator('nr-app')).toHaveAttribute('theme', theme);
    const found: string[] = [];

    // The library.
    const rows = page.locator('nr-article-list').getByRole('listbox').getByRole('option');
    await expect(rows).toHaveCount(2);
    await check(page, testInfo, 'library', theme, found);

    // Search results.
    const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
    await searchBox.fill('tau dien');
    await expect(page.locator('nr-search-results button.hit').first()).toBeVisible();
    await check(page, testInfo, 'search', theme, found);
    await searchBox.fill('kỳ lân');
    await expect(page.locator('nr-search-results').getByText('Không tìm thấy bài nào.')).toBeVisible();
    await check(page, testInfo, 'search-empty', theme, found);
    await searchBox.press('Escape');

    // The reader, with its annotation panel and the "Aa" popover.
    await rows.filter({ hasText: TITLE }).click();
    const reader = page.locator('nr-reader');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(reader.locator('span.hl').first()).toBeVisible();
    await expect(page.locator('nr-annotation-list')).toBeVisible();
    await check(page, testInfo, 'reader', theme, found);
    await reader.getByRole('button', { name: /^Aa/ }).click();
    await expect(reader.getByRole('dialog', { name: 'Chữ khi đọc' })).toBeVisible();
    await check(page, testInfo, 'reader-typography', theme, found);
    await page.keyboard.press('Escape');

    // Every annotation.
    await page.locator('nr-sidebar').getByRole('button', { name: 'Tất cả ghi chú' }).click();
    await expect(page.locator('nr-all-annotations').getByRole('list', { name: 'Tất cả ghi chú' })).toBeVisible();
    await check(page, testInfo, 'annotations', theme, found);

    // Settings, and the shortcut sheet.
    await page.locator('nr-sidebar').getByRole('button', { name: 'Cài đặt' }).click();
    await expect(page.getByRole('dialog', { name: 'Cài đặt' })).toBeVisible();
    await check(page, testInfo, 'settings', theme, found);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Cài đặt' })).toBeHidden();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeVisible();
    await check(page, testInfo, 'shortcuts', theme, found);

    expect(found, found.join('\n')).toEqual([]);
  });
}
