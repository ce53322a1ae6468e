import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type ServedApp } from './fixtures/app.ts';

const GAZA = 'Đàm phán ngừng bắn ở Gaza bước vào vòng mới';
const TRADE = 'Vòng đàm phán thương mại kết thúc sớm';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-edit-'));
  await writeFile(
    join(seedDir, 'gaza.json'),
    JSON.stringify([
      { title: GAZA, body: 'Các bên nối lại đàm phán ngừng bắn tại Doha.\n\nHàng trăm con tin vẫn chưa được thả.', source: 'Tuổi Trẻ', publishedAt: '2024-03-04' },
      { title: TRADE, body: 'Vòng đàm phán thứ ba kết thúc tại Hà Nội.\n\nHai bên hẹn gặp lại vào mùa thu.', source: 'VnExpress', publishedAt: '2024-05-10' },
    ]),
    'utf8',
  );
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-edit', [seedDir]);
  expect(report.imported).toHaveLength(2);
  await expect(async () => {
    expect((await app.call('search.query', { query: 'dam phan' })).total).toBe(2);
  }).toPass({ timeout: 30_000 });
}

test('an article can be retitled, tagged and moved to a collection from the reader', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option', { name: new RegExp(GAZA) }).click();
  const reader = page.locator('nr-reader');
  await reader.getByText('Tiêu đề, thẻ, bộ sưu tập').click();
  const details = reader.locator('nr-article-details');
  await details.getByLabel('Tiêu đề').fill('Gaza: nối lại đàm phán ngừng bắn');
  await details.getByLabel('Thẻ').fill('Trung Đông, con tin');
  await details.getByLabel('Bộ sưu tập').fill('Theo dõi Gaza');
  await details.getByRole('button', { name: 'Lưu thay đổi' }).click();

  await expect(reader.locator('h1')).toHaveText('Gaza: nối lại đàm phán ngừng bắn');
  const sidebar = page.locator('nr-sidebar');
  await expect(sidebar.getByText('Theo dõi Gaza')).toBeVisible();
  await expect(sidebar.getByText('con tin')).toBeVisible();
  const stored = (await app.call('library.list', { collection: 'Theo dõi Gaza' })).items;
  expect(stored).toMatchObject([{ title: 'Gaza: nối lại đàm phán ngừng bắn', collection: 'Theo dõi Gaza' }]);
  expect([...stored[0]!.tags].sort()).toEqual(['Trung Đông', 'con tin'].sort());

  // An empty title is refused with a message, and nothing is saved.
  await details.getByLabel('Tiêu đề').fill('   ');
  await details.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(reader.locator('h1')).toHaveText('Gaza: nối lại đàm phán ngừng bắn');
});

test('search filter chips narrow the results and can be cleared', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('dam phan');
  const results = page.locator('nr-search-results');
  await expect(results.getByText('2 kết quả')).toBeVisible();

  const filters = page.locator('nr-search-filters');
  await filters.getByLabel('Nguồn').selectOption('VnExpress');
  await expect(results.getByText('1 kết quả')).toBeVisible();
  await expect(results.getByText(TRADE)).toBeVisible();
  await expect(results.getByText(GAZA)).toHaveCount(0);

  await filters.getByRole('button', { name: 'Bỏ mọi bộ lọc' }).click();
  await expect(results.getByText('2 kết quả')).toBeVisible();

  // Dates are typed in the UI's language: dd/mm/yyyy in Vietnamese.
  await filters.getByLabel('Từ ngày').fill('01/04/2024');
  await filters.getByLabel('Từ ngày').press('Enter');
  await expect(results.getByText('1 kết quả')).toBeVisible();
  await expect(results.getByText(TRADE)).toBeVisible();

  await filters.getByRole('button', { name: 'Bỏ mọi bộ lọc' }).click();
  await filters.getByRole('button', { name: 'Có sao' }).click();
  await expect(results.getByText('0 kết quả')).toBeVisible();
});

test('the list can be ordered by date published, title or source', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  const list = page.locator('nr-article-list');
  const titles = list.getByRole('listbox').getByRole('option').locator('.title');
  await expect(titles).toHaveText([TRADE, GAZA]);
  await list.getByLabel('Sắp xếp theo').selectOption({ label: 'Tiêu đề' });
  // Vietnamese order: Đ sorts with D, before V.
  await expect(titles).toHaveText([GAZA, TRADE]);
  await list.getByLabel('Sắp xếp theo').selectOption({ label: 'Nguồn' });
  await expect(titles).toHaveText([GAZA, TRADE]);
  await list.getByLabel('Sắp xếp theo').selectOption({ label: 'Ngày đăng' });
  await expect(titles).toHaveText([TRADE, GAZA]);
});
