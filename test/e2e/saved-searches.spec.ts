import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect } from './fixtures/app.ts';

// A saved search in the sidebar whose new count rises after an import, without a reload; its
// browser notification goes through a Notification stubbed at the page's boundary.

let firstDir: string;
let laterDir: string;

test.beforeAll(async () => {
  firstDir = await mkdtemp(join(tmpdir(), 'nr-e2e-watch-1-'));
  laterDir = await mkdtemp(join(tmpdir(), 'nr-e2e-watch-2-'));
  await writeFile(
    join(firstDir, 'first.json'),
    JSON.stringify([
      { title: 'Bão Yagi đổ bộ Quảng Ninh', body: 'Bão Yagi đổ bộ vào Quảng Ninh chiều nay.', source: 'VnExpress' },
      { title: 'Giá vàng tăng', body: 'Giá vàng miếng tăng mạnh.', source: 'VnExpress' },
    ]),
    'utf8',
  );
  await writeFile(
    join(laterDir, 'later.json'),
    JSON.stringify([
      { title: 'Hoàn lưu bão Yagi gây mưa lớn', body: 'Sau bão Yagi, Hà Nội mưa lớn.', source: 'Tuổi Trẻ' },
      { title: 'Bão Yagi suy yếu', body: 'Bão Yagi suy yếu thành áp thấp nhiệt đới.', source: 'Tuổi Trẻ' },
      { title: 'Chứng khoán đi ngang', body: 'Thị trường chứng khoán đi ngang.', source: 'Tuổi Trẻ' },
    ]),
    'utf8',
  );
});

test.afterAll(async () => {
  await rm(firstDir, { recursive: true, force: true });
  await rm(laterDir, { recursive: true, force: true });
});

test('a saved search counts new matches after an import, without a reload, and notifies', async ({ app, page }) => {
  await page.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class StubNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      readonly title: string;
      constructor(title: string, options?: { body?: string }) {
        this.title = title;
        shown.push({ title, body: options?.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = StubNotification;
  });
  expect((await app.seed('seed-watch-1', [firstDir])).imported).toHaveLength(2);
  await expect(async () => expect((await app.call('search.query', { query: 'bao yagi' })).total).toBe(1)).toPass({ timeout: 30_000 });
  await page.goto(app.url);

  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('bao yagi');
  await expect(page.locator('nr-search-results').getByText('1 kết quả')).toBeVisible();
  const saved = page.locator('nr-saved-searches');
  await saved.getByRole('button', { name: 'Lưu tìm kiếm này…' }).click();
  await saved.getByLabel('Tên tìm kiếm đã lưu').fill('Bão Yagi');
  await saved.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(saved.getByRole('button', { name: 'Bão Yagi', exact: true })).toBeVisible();
  await saved.getByRole('button', { name: 'Sửa “Bão Yagi”' }).click();
  await saved.getByLabel('Báo khi có bài mới').check();
  await expect(async () => expect((await app.call('watch.list', {}))[0]!.notify).toBe(true)).toPass();

  expect((await app.seed('seed-watch-2', [laterDir])).imported).toHaveLength(3);
  await expect(saved.getByLabel('2 bài mới')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications)).toEqual([
    { title: 'Tìm kiếm đã lưu: Bão Yagi', body: '2 bài mới khớp' },
  ]);
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => v.id)).toEqual([]);

  // Opening it shows its results and starts its count again.
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('');
  await saved.getByRole('button', { name: /^Bão Yagi/ }).first().click();
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' })).toHaveValue('bao yagi');
  await expect(page.locator('nr-search-results').getByText('3 kết quả')).toBeVisible();
  await expect(saved.getByLabel('2 bài mới')).toHaveCount(0);
  expect((await app.call('watch.list', {}))[0]!.newCount).toBe(0);
});

test('saved searches are reordered by dragging, and with Alt+↑ / Alt+↓ from the keyboard', async ({ app, page }) => {
  for (const name of ['Bão', 'Vàng', 'Chứng khoán']) await app.call('watch.add', { name, query: name.toLowerCase() });
  const order = async () => (await app.call('watch.list', {})).map((saved) => saved.name);
  await page.goto(app.url);
  const saved = page.locator('nr-saved-searches');
  const row = (name: string) => saved.locator('li').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(saved.getByRole('button', { name: 'Chứng khoán', exact: true })).toBeVisible();

  // Dragged onto the top half of the first: it goes before it.
  await row('Chứng khoán').locator('.row').dragTo(row('Bão'), { targetPosition: { x: 20, y: 2 } });
  await expect.poll(order).toEqual(['Chứng khoán', 'Bão', 'Vàng']);
  await expect(saved.getByRole('button', { name: /^(Bão|Vàng|Chứng khoán)$/ })).toHaveText(['Chứng khoán', 'Bão', 'Vàng']);
  // Onto the lower half of the last: it goes after it.
  const last = await row('Vàng').boundingBox();
  await row('Chứng khoán').locator('.row').dragTo(row('Vàng'), { targetPosition: { x: 20, y: last!.height - 2 } });
  await expect.poll(order).toEqual(['Bão', 'Vàng', 'Chứng khoán']);

  // The keyboard: Alt+↑ moves the focused one up, and the focus stays on it.
  const vang = saved.getByRole('button', { name: 'Vàng', exact: true });
  await vang.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(order).toEqual(['Vàng', 'Bão', 'Chứng khoán']);
  await expect(vang).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(order).toEqual(['Bão', 'Vàng', 'Chứng khoán']);
  await expect(vang).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(order).toEqual(['Bão', 'Chứng khoán', 'Vàng']);
  await expect(vang).toBeFocused();
  await expect(saved.getByRole('button', { name: /^(Bão|Vàng|Chứng khoán)$/ })).toHaveText(['Bão', 'Chứng khoán', 'Vàng']);
  // The order is the library's: it is the same after a reload.
  await page.reload();
  await expect(saved.getByRole('button', { name: /^(Bão|Vàng|Chứng khoán)$/ })).toHaveText(['Bão', 'Chứng khoán', 'Vàng']);
});
