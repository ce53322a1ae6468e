import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures/app.ts';

const TITLE = 'Hà Nội khai trương tuyến tàu điện mới';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-l10n-'));
  await writeFile(
    join(seedDir, 'metro.json'),
    JSON.stringify([
      {
        title: TITLE,
        body: 'Tuyến tàu điện mới nối trung tâm với phía tây thành phố.\n\nHàng nghìn người đi thử trong ngày đầu.',
        source: 'Tuổi Trẻ',
        // Monday 4 March 2024, late morning in Hanoi: the same day in the test's time zone.
        publishedAt: '2024-03-04T10:00:00+07:00',
      },
    ]),
    'utf8',
  );
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

// Dates are shown in the browser's time zone; pin it so the day cannot slip.
test.use({ timezoneId: 'Asia/Ho_Chi_Minh' });

async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-l10n', [seedDir]);
  expect(report.imported).toHaveLength(1);
}

async function expectVietnamese(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' })).toBeVisible();
  const sidebar = page.locator('nr-sidebar');
  await expect(sidebar.getByRole('button', { name: /^Tất cả \d+$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^Chưa đọc \d+$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'Tất cả ghi chú' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập bài…' })).toBeVisible();
  await expect(page.locator('nr-article-list header > span')).toHaveText('Tất cả · 1 bài');
  await expect(page.locator('nr-article-list .meta')).toHaveText(/Thứ Hai, 4\/3\/2024 · \d+ phút đọc/);
}

async function expectEnglish(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveAttribute('placeholder', /with or without diacritics/);
  const sidebar = page.locator('nr-sidebar');
  await expect(sidebar.getByRole('button', { name: /^All \d+$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^Unread \d+$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'All annotations' })).toBeVisible();
  await expect(sidebar.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import…' })).toBeVisible();
  await expect(page.locator('nr-article-list header > span')).toHaveText('All · 1 article');
  await expect(page.locator('nr-article-list .meta')).toHaveText(/Monday, March 4, 2024 · \d+ min read/);
}

/**
 * Opens Settings from the sidebar, picks a language ('system': the OS's) and closes the dialog, which
 * has changed language itself by then: `ui` is the language the UI is expected to speak afterwards.
 */
async function chooseLanguage(page: Page, choice: 'vi' | 'en' | 'system', ui: 'vi' | 'en'): Promise<void> {
  await page.locator('nr-sidebar').getByRole('button', { name: /^(Cài đặt|Settings)$/ }).click();
  const dialog = page.locator('nr-settings').getByRole('dialog');
  await expect(dialog).toBeVisible();
  const radio = dialog.getByRole('group', { name: /^(Ngôn ngữ|Language)$/ }).locator(`input[type=radio][value=${choice}]`);
  await radio.check();
  await expect(page.getByRole('dialog', { name: ui === 'en' ? 'Settings' : 'Cài đặt' })).toBeVisible();
  await expect(dialog.getByRole('group', { name: ui === 'en' ? 'Language' : 'Ngôn ngữ' })).toBeVisible();
  await expect(radio).toBeChecked();
  await dialog.getByRole('button', { name: ui === 'en' ? 'Close' : 'Đóng' }).click();
  await expect(dialog).toBeHidden();
}

test('the UI switches to English and back in Settings, dates follow, and the choice survives a reload', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  // The test browser says it is Vietnamese (playwright.config.ts), and the setting is 'system'.
  expect((await app.call('settings.get', {})).locale).toBe('system');
  await expectVietnamese(page);

  await chooseLanguage(page, 'en', 'en');
  await expectEnglish(page);
  await expect.poll(async () => (await app.call('settings.get', {})).locale).toBe('en');

  // The reader: its toolbar, its byline's date and reading time.
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option', { name: new RegExp(TITLE) }).click();
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('button', { name: 'Back' })).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Annotations (0)' })).toBeVisible();
  await reader.getByRole('button', { name: 'More actions on this article' }).click();
  await expect(reader.getByRole('menuitem', { name: 'Archive' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reader.locator('.byline')).toHaveText(/Tuổi Trẻ · Monday, March 4, 2024 · \d+ min read/);

  await page.reload();
  await expectEnglish(page);

  await chooseLanguage(page, 'vi', 'vi');
  await expectVietnamese(page);
  await expect.poll(async () => (await app.call('settings.get', {})).locale).toBe('vi');
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option', { name: new RegExp(TITLE) }).click();
  await reader.getByRole('button', { name: 'Thao tác khác với bài' }).click();
  await expect(reader.getByRole('menuitem', { name: 'Lưu trữ' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reader.locator('.byline')).toHaveText(/Tuổi Trẻ · Thứ Hai, 4\/3\/2024 · \d+ phút đọc/);

  await page.reload();
  await expectVietnamese(page);
});

test('a refusal from the host is shown in the UI’s language, naming the folder, with the host’s words in the tooltip', async ({ app, page }) => {
  const work = await mkdtemp(join(tmpdir(), 'nr-e2e-l10n-move-'));
  try {
    const full = join(work, 'Tư liệu');
    await mkdir(full);
    await writeFile(join(full, 'ghi-chu.txt'), 'đã có tệp ở đây', 'utf8');
    await page.goto(app.url);
    await page.locator('nr-sidebar').getByRole('button', { name: 'Cài đặt' }).click();
    const settings = page.getByRole('dialog', { name: 'Cài đặt' });
    const status = settings.locator('p.status');
    await settings.getByLabel('Chuyển thư viện sang thư mục trống (đường dẫn đầy đủ)').fill(full);
    await settings.getByRole('button', { name: 'Chuyển thư viện' }).click();
    await expect(status).toHaveText(`Thư mục ${full} không trống; hãy chọn một thư mục trống hoặc chưa có.`);
    await expect(status).toHaveAttribute('title', `Chi tiết: ${full} is not empty; choose an empty or new folder.`);
    // Right under the button that failed, in view and focused: not below the dialog's fold.
    await expect(status).toHaveAttribute('role', 'alert');
    await expect(status).toBeFocused();
    await expect(status).toBeInViewport();
    expect((await app.call('app.info', {})).libraryDir).toBe(app.libraryDir);

    // The same refusal in English once the UI speaks English.
    await settings.getByRole('group', { name: 'Ngôn ngữ' }).locator('input[type=radio][value=en]').check();
    const english = page.getByRole('dialog', { name: 'Settings' });
    await english.getByLabel(/^Move the library/).fill(full);
    await english.getByRole('button', { name: 'Move library' }).click();
    await expect(english.locator('p.status')).toHaveText(`The folder ${full} is not empty; choose an empty or new folder.`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('each file that could not be imported is named with its reason in Vietnamese', async ({ app, page }) => {
  await page.goto(app.url);
  await page.locator('nr-app input[type=file][multiple]').setInputFiles([
    { name: 'bai.txt', mimeType: 'text/plain', buffer: Buffer.from('Giá xăng tăng\n\nGiá xăng tăng lần thứ ba liên tiếp.') },
    { name: 'trong.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    // A PNG is a scanned page for OCR: this one's header is cut short. A GIF is not read at all.
    { name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    { name: 'hinh.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') },
  ]);
  const summary = page.locator('nr-import-status section[role=status]');
  await expect(summary).toContainText('1 bài mới, 0 bài trùng, 3 lỗi.', { timeout: 20_000 });
  const failures = summary.locator('ul.failures li');
  await expect(failures).toHaveText(['trong.txt: tệp rỗng', 'anh.png: ảnh bị hỏng hoặc ở định dạng mà OCR không đọc được', 'hinh.gif: chưa hỗ trợ loại tệp .gif']);
  await expect(failures.nth(2)).toHaveAttribute('title', 'unsupported file type ".gif"');
  expect((await app.call('library.counts', {})).all).toBe(1);
});

test('a file over the import limit is named with its reason, and the others in the same drop are imported', async ({ app, page }) => {
  await page.goto(app.url);
  const { maxImportBytes } = await app.call('app.info', {});
  // Playwright passes buffers this large only as files on disk.
  const work = await mkdtemp(join(tmpdir(), 'nr-e2e-large-'));
  try {
    const small = join(work, 'bai.txt');
    const large = join(work, 'qua-lon.txt');
    await writeFile(small, 'Giá xăng tăng\n\nGiá xăng tăng lần thứ ba liên tiếp.');
    await writeFile(large, Buffer.alloc(maxImportBytes + 1, 0x61));
    await page.locator('nr-app input[type=file][multiple]').setInputFiles([small, large]);
    const summary = page.locator('nr-import-status section[role=status]');
    await expect(summary).toContainText('1 bài mới, 0 bài trùng, 1 lỗi.', { timeout: 60_000 });
    await expect(summary.locator('ul.failures li')).toHaveText(['qua-lon.txt: tệp lớn hơn 50 MB']);
    expect((await app.call('library.counts', {})).all).toBe(1);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test.describe('with an English-speaking operating system', () => {
  test.use({ locale: 'en-GB' });

  test('“System” follows the OS language, in its regional date style, until a language is chosen', async ({ app, page }) => {
    await seed(app);
    await page.goto(app.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
    await expect(page.locator('nr-article-list .meta')).toHaveText(/Monday,? 4 March 2024/);

    await chooseLanguage(page, 'vi', 'vi');
    await expect(page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' })).toBeVisible();
    await expect(page.locator('nr-article-list .meta')).toHaveText(/Thứ Hai, 4\/3\/2024/);

    await chooseLanguage(page, 'system', 'en');
    await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
    await expect.poll(async () => (await app.call('settings.get', {})).locale).toBe('system');
  });
});
