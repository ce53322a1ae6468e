import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures/app.ts';

test('the library moves to an empty folder from the settings, and the app keeps working there', async ({ app, page }) => {
  const work = await mkdtemp(join(tmpdir(), 'nr-e2e-move-'));
  try {
    await writeFile(join(work, 'bai.txt'), 'Đàm phán ngừng bắn  Các bên nối lại đàm phán tại Doha.', 'utf8');
    const report = await app.seed('seed-move', [join(work, 'bai.txt')]);
    expect(report.imported).toHaveLength(1);
    const target = join(work, 'Thư viện mới');
    await page.goto(app.url);
    await page.locator('nr-sidebar').getByRole('button', { name: 'Cài đặt' }).click();
    const settings = page.getByRole('dialog', { name: 'Cài đặt' });

    // A folder that is not empty (the one holding the seed file) is refused with a message, and nothing moves.
    await settings.getByLabel('Chuyển thư viện sang thư mục trống (đường dẫn đầy đủ)').fill(work);
    await settings.getByRole('button', { name: 'Chuyển thư viện' }).click();
    await expect(settings.locator('p.status')).toContainText(/not empty|trống/);
    expect((await app.call('app.info', {})).libraryDir).toBe(app.libraryDir);

    await settings.getByLabel('Chuyển thư viện sang thư mục trống (đường dẫn đầy đủ)').fill(target);
    await settings.getByRole('button', { name: 'Chuyển thư viện' }).click();
    await expect(settings.locator('p.status')).toContainText('Đã chuyển thư viện sang');
    await expect(settings.locator('code')).toHaveText(target);
    expect((await app.call('app.info', {})).libraryDir).toBe(target);
    expect(existsSync(join(target, 'library.sqlite'))).toBe(true);
    // The old folder is kept as it was.
    expect(existsSync(join(app.libraryDir, 'library.sqlite'))).toBe(true);

    await settings.getByRole('button', { name: 'Đóng' }).click();
    await expect(page.locator('nr-article-list').getByRole('listbox').getByRole('option', { name: /Đàm phán ngừng bắn/ })).toBeVisible();
    await expect(async () => {
      expect((await app.call('search.query', { query: 'dam phan' })).total).toBe(1);
    }).toPass({ timeout: 30_000 });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
