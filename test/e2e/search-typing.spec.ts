// Issue 16 §3 in Chromium through serve: a lone letter being typed paints nothing, the operator help
// is reachable from the search box, "Đúng dấu" matches only the marks typed, and the date filter takes
// dd/mm/yyyy with a clear message for a day that does not exist.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type ServedApp } from './fixtures/app.ts';

const DECREE = 'Chính phủ ban hành nghị định về điện mặt trời';
const VERDICT = 'Tòa tuyên bản án sơ thẩm vụ lừa đảo';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-search-typing-'));
  await writeFile(join(seedDir, 'nghi-dinh.md'), `---\ntitle: ${DECREE}\ndate: 2024-05-02T02:00:00Z\n---\nNghị định được ban hành hôm qua và có hiệu lực ngay.\n`, 'utf8');
  await writeFile(join(seedDir, 'ban-an.md'), `---\ntitle: ${VERDICT}\ndate: 2023-11-20T02:00:00Z\n---\nBản án có hiệu lực sau mười lăm ngày nếu không bị kháng cáo.\n`, 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-search-typing', [seedDir]);
  expect(report.failed).toEqual([]);
  await expect(async () => {
    expect((await app.call('search.query', { query: 'ban an' })).hits.map((hit) => hit.title)).toContain(VERDICT);
  }).toPass({ timeout: 30_000 });
}

test('typing, operator help, exact diacritics and dd/mm/yyyy dates', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  const results = page.locator('nr-search-results');

  // A lone unaccented letter is not searched while typing; Enter searches it.
  await searchBox.fill('b');
  await page.waitForTimeout(700);
  await expect(results).toHaveCount(0);
  await searchBox.press('Enter');
  await expect(results).toHaveCount(1);

  // The operator help opens from the "?" beside the box and names note:.
  await page.getByRole('button', { name: 'Cú pháp tìm kiếm' }).click();
  const help = page.getByRole('dialog', { name: 'Cú pháp tìm kiếm' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('note:');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Unmarked, "ban" finds both; with "Đúng dấu" only the article that writes "ban" unmarked.
  await searchBox.fill('ban ');
  const hits = results.locator('button.hit');
  await expect(hits).toHaveCount(2);
  await page.locator('nr-search-filters').getByRole('button', { name: 'Đúng dấu' }).click();
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(DECREE);
  await page.locator('nr-search-filters').getByRole('button', { name: 'Đúng dấu' }).click();
  await expect(hits).toHaveCount(2);

  // The date filter reads dd/mm/yyyy and says when a day does not exist.
  const from = page.locator('nr-search-filters').getByRole('textbox', { name: 'Từ ngày' });
  await from.fill('30/02/2024');
  await from.press('Enter');
  await expect(page.locator('nr-search-filters').getByRole('alert').filter({ hasText: 'Không có ngày này trong lịch.' })).toBeVisible();
  await expect(hits).toHaveCount(2);
  await from.fill('01/01/2024');
  await from.press('Enter');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(DECREE);
  await expect(from).toHaveValue('01/01/2024');
});
