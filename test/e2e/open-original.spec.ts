import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures/app.ts';

// The reader links an article to its original page: a new window, which the desktop app hands to the
// system browser and serve's page opens as a tab without giving it a handle on the app (noopener).

const BODY = 'Người dân háo hức đón chuyến tàu đầu tiên khi trời vừa hửng sáng, hàng trăm hành khách xếp hàng từ sớm.';
let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-original-'));
  const articles = [
    { title: 'Bài có nguồn', body: BODY, url: 'https://example.vn/thoi-su/bai-goc.html', publishedAt: '2024-03-09' },
    { title: 'Bài không có nguồn', body: `${BODY} Bản ghi chép riêng.`, publishedAt: '2024-03-08' },
  ];
  await writeFile(join(seedDir, 'articles.json'), JSON.stringify(articles), 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

test('an article with a web address links to its original; one without has no link', async ({ app, page }) => {
  const report = await app.seed('seed-original', [seedDir]);
  expect(report.imported).toHaveLength(2);
  await page.goto(app.url);
  const rows = page.locator('nr-article-list').getByRole('listbox').getByRole('option');
  await rows.filter({ hasText: 'Bài có nguồn' }).click();
  const reader = page.locator('nr-reader');
  const link = reader.getByRole('link', { name: 'Mở bài gốc' });
  await expect(link).toHaveAttribute('href', 'https://example.vn/thoi-su/bai-goc.html');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await rows.filter({ hasText: 'Bài không có nguồn' }).click();
  await expect(reader.getByRole('heading', { name: 'Bài không có nguồn' })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Mở bài gốc' })).toHaveCount(0);
});
