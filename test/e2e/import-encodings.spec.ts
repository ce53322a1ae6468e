import { test, expect } from './fixtures/app.ts';

// The import summary names how files that were not UTF-8 were decoded, the encoding select overrides
// detection, and a file whose encoding cannot be told is named with that reason.
test('the import summary tells the detected encoding; the select beside Import overrides it', async ({ app, page }) => {
  await page.goto(app.url);
  const input = page.locator('nr-app input[type=file][multiple]');
  const summary = page.locator('nr-import-status section[role=status]');

  await input.setInputFiles([
    { name: 'tcvn3.txt', mimeType: 'text/plain', buffer: Buffer.from('§µ N½ng ®µm ph¸n víi nhµ ®Çu t­\n\n§µ N½ng tiÕp tôc ®µm ph¸n víi nhµ ®Çu t­ NhËt B¶n.') },
    { name: 'mo-ho.txt', mimeType: 'text/plain', buffer: Buffer.from('tiên tài nhà càng àn bàn', 'latin1') },
  ]);
  await expect(summary).toContainText('1 bài mới, 0 bài trùng, 1 lỗi.', { timeout: 20_000 });
  await expect(summary.locator('ul.encodings li')).toHaveText(['tcvn3.txt: đã nhận ra bảng mã TCVN3 (ABC); đã sửa văn bản bị lỗi phông khi lưu thành UTF-8']);
  await expect(summary.locator('ul.failures li')).toHaveText([
    'mo-ho.txt: không chắc tệp dùng bảng mã nào: đọc theo Windows-1258, VISCII, VNI đều ra tiếng Việt (hãy chọn bảng mã khi nhập)',
  ]);
  await expect(page.locator('nr-article-list').getByRole('listbox').getByRole('option').first()).toContainText('Đà Nẵng đàm phán với nhà đầu tư');

  await page.getByRole('combobox', { name: 'Bảng mã của tệp nhập' }).selectOption('viqr');
  await input.setInputFiles([{ name: 'viqr.txt', mimeType: 'text/plain', buffer: Buffer.from("Ha` No^.i mo+? ro^.ng tuye^'n buy't") }]);
  await expect(summary.locator('ul.encodings li')).toHaveText(['viqr.txt: giải mã theo bảng mã đã chọn: VIQR'], { timeout: 20_000 });
  await expect(page.locator('nr-article-list').getByRole('listbox').getByRole('option', { name: /Hà Nội mở rộng tuyến buýt/ })).toHaveCount(1);
});
