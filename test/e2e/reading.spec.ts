import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type ServedApp } from './fixtures/app.ts';

// Four long articles, newest first in the list: long enough that the reader scrolls.
const TITLES = [
  'Hà Nội khai trương tuyến tàu điện ngầm đầu tiên',
  'Giá lúa gạo tăng mạnh sau đợt hạn mặn',
  'Đội tuyển bóng đá nữ giành vé dự World Cup',
  'Thành phố Huế mở lại phố đi bộ ven sông Hương',
];
const SENTENCE =
  'Người dân háo hức đón chuyến tàu đầu tiên khi trời vừa hửng sáng, hàng trăm hành khách xếp hàng từ sớm để được trải nghiệm tuyến đường mới, trong tiếng trống khai hội rộn ràng.';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-reading-'));
  const articles = TITLES.map((title, i) => ({
    title,
    body: Array.from({ length: 30 }, (_, j) => `Đoạn ${i + 1}.${j + 1}. ${SENTENCE}`).join('\n\n'),
    source: 'Báo Thử Nghiệm',
    publishedAt: `2024-03-0${9 - i}`,
  }));
  await writeFile(join(seedDir, 'articles.json'), JSON.stringify(articles), 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<Map<string, string>> {
  const report = await app.seed('seed-reading', [seedDir]);
  expect(report.imported).toHaveLength(TITLES.length);
  return new Map(report.imported.map((item) => [item.title, item.id]));
}

/** The rare article actions sit in the reader's "⋯" menu: opens it, finds the item, closes it with Esc. */
async function expectMoreAction(reader: Locator, name: string): Promise<void> {
  await reader.getByRole('button', { name: 'Thao tác khác với bài' }).click();
  await expect(reader.getByRole('menuitem', { name, exact: true })).toBeVisible();
  await reader.page().keyboard.press('Escape');
  await expect(reader.getByRole('menu')).toHaveCount(0);
}

function sidebarCount(page: Page, label: string): Locator {
  return page.locator('nr-sidebar button').filter({ has: page.getByText(label, { exact: true }) }).locator('.count');
}

async function openApp(app: ServedApp, page: Page): Promise<void> {
  await page.goto(app.url);
  await expect(page.locator('nr-article-list').getByRole('listbox').getByRole('option')).toHaveCount(TITLES.length);
}

/** The reader's scroll as a fraction of what it can scroll. */
function scrolled(reader: Locator): Promise<number> {
  return reader.evaluate((el) => el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight));
}

test('the keyboard walks the list and drives the reader: j k o s m e f ? Esc', async ({ app, page }) => {
  await seed(app);
  await openApp(app, page);
  const reader = page.locator('nr-reader');
  const heading = reader.getByRole('heading', { level: 1 });
  const rows = page.locator('nr-article-list').getByRole('listbox').getByRole('option');

  // j opens the first article, then the next; k goes back. The list follows.
  await page.locator('body').click();
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[0]!);
  await expect(rows.filter({ hasText: TITLES[0]! })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[1]!);
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[2]!);
  await page.keyboard.press('k');
  await expect(heading).toHaveText(TITLES[1]!);
  await expect(rows.filter({ hasText: TITLES[1]! })).toHaveAttribute('aria-selected', 'true');
  // The same steps have buttons in the reader's toolbar.
  await reader.getByRole('button', { name: 'Bài sau' }).click();
  await expect(heading).toHaveText(TITLES[2]!);
  await reader.getByRole('button', { name: 'Bài trước' }).click();
  await expect(heading).toHaveText(TITLES[1]!);
  // Opening is not reading: the article stays unread.
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('4');

  // s stars, m toggles read, e archives; each also shows on its toolbar button.
  await page.locator('body').click();
  await page.keyboard.press('s');
  await expect(reader.getByRole('button', { name: '★ Bỏ sao' })).toBeVisible();
  await expect(sidebarCount(page, 'Gắn sao')).toHaveText('1');
  await page.keyboard.press('m');
  await expectMoreAction(reader, 'Đánh dấu chưa đọc');
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('3');
  await page.keyboard.press('m');
  await expectMoreAction(reader, 'Đánh dấu đã đọc');
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('4');
  await page.keyboard.press('e');
  await expectMoreAction(reader, 'Bỏ lưu trữ');
  await expect(sidebarCount(page, 'Lưu trữ')).toHaveText('1');
  await page.keyboard.press('e');
  await expectMoreAction(reader, 'Lưu trữ');
  await expect(sidebarCount(page, 'Lưu trữ')).toHaveText('0');

  // Single-key shortcuts leave typing alone.
  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  await page.keyboard.press('/');
  await expect(searchBox).toBeFocused();
  await page.keyboard.type('jksme');
  await expect(searchBox).toHaveValue('jksme');
  await expect(heading).toHaveText(TITLES[1]!);
  await expect(reader.getByRole('button', { name: '★ Bỏ sao' })).toBeVisible();
  await searchBox.press('Escape');
  await expect(searchBox).toHaveValue('');
  await expect(rows).toHaveCount(TITLES.length);

  // f: focus mode, only the article; Esc leaves it.
  await page.locator('body').click();
  await page.keyboard.press('f');
  await expect(page.locator('nr-sidebar')).toBeHidden();
  await expect(page.locator('nr-article-list')).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(heading).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Tập trung' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('nr-sidebar')).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();

  // ? opens the shortcut sheet: a modal dialog that keeps focus, lists the keys, closes on Esc and
  // gives focus back to where it was.
  const shortcutsButton = page.locator('nr-sidebar').getByRole('button', { name: 'Phím tắt' });
  await shortcutsButton.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(sheet).toBeVisible();
  for (const key of ['j', 'k', 'o', 's', 'm', 'e', 'f', 'Esc', '/', '?']) await expect(sheet.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?/]/, '\\$&')}$`) }).first()).toBeVisible();
  const close = sheet.getByRole('button', { name: 'Đóng' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(close).toBeFocused();
  // Shortcuts do not reach the page behind the dialog.
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[1]!);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(shortcutsButton).toBeFocused();
  // The sheet also opens from its button.
  await shortcutsButton.click();
  await expect(sheet).toBeVisible();
  await close.click();
  await expect(sheet).toBeHidden();

  // A narrow window shows one pane: Esc goes back to the list with the open article's row focused,
  // o and Enter open the reader again.
  await page.setViewportSize({ width: 600, height: 800 });
  await expect(page.locator('nr-article-list')).toBeHidden();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Escape');
  await expect(page.locator('nr-article-list')).toBeVisible();
  await expect(reader).toBeHidden();
  const openRow = rows.filter({ hasText: TITLES[1]! });
  await expect(openRow).toBeFocused();
  await page.keyboard.press('o');
  await expect(reader).toBeVisible();
  await expect(heading).toHaveText(TITLES[1]!);
  await expect(page.locator('nr-article-list')).toBeHidden();
  await reader.getByRole('button', { name: 'Quay lại' }).click();
  await expect(openRow).toBeFocused();
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[2]!);
  await page.keyboard.press('Escape');
  await expect(rows.filter({ hasText: TITLES[2]! })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader).toBeVisible();
  await expect(heading).toHaveText(TITLES[2]!);
});

test('the theme is chosen in the settings, follows the system live when asked, and survives a reload', async ({ app, page }) => {
  await seed(app);
  await openApp(app, page);
  const shell = page.locator('nr-app');

  // Settings open from the sidebar, as a dialog that closes on Esc.
  const settingsButton = page.locator('nr-sidebar').getByRole('button', { name: 'Cài đặt' });
  await settingsButton.click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt' });
  await expect(settings).toBeVisible();
  await expect(settings.getByText(app.libraryDir)).toBeVisible();
  const themes = settings.getByRole('group', { name: 'Giao diện' });

  // 'system' follows prefers-color-scheme as it changes.
  await expect(themes.getByRole('radio', { name: 'Theo hệ thống' })).toBeChecked();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(shell).toHaveAttribute('theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(shell).toHaveAttribute('theme', 'light');

  await themes.getByRole('radio', { name: 'Sepia' }).check();
  await expect(shell).toHaveAttribute('theme', 'sepia');
  await themes.getByRole('radio', { name: 'Tối' }).check();
  await expect(shell).toHaveAttribute('theme', 'dark');
  const background = await shell.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(22, 22, 21)');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(settingsButton).toBeFocused();
  await expect.poll(async () => (await app.call('settings.get', {})).theme).toBe('dark');

  // The system no longer matters once a theme is chosen; after a reload the choice is still there.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(shell).toHaveAttribute('theme', 'dark');
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Giao diện' })).toHaveValue('dark');
});

test('reader typography is set from the "Aa" popover and the settings, and survives a reload', async ({ app, page }) => {
  await seed(app);
  await openApp(app, page);
  const reader = page.locator('nr-reader');
  const article = reader.locator('article');
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option').first().click();
  await expect(article).toHaveCSS('font-size', '19px');
  await expect(article).toHaveCSS('line-height', `${19 * 1.7}px`);

  const aa = reader.getByRole('button', { name: /^Aa/ });
  await aa.click();
  await expect(aa).toHaveAttribute('aria-expanded', 'true');
  const popover = reader.getByRole('dialog', { name: 'Chữ khi đọc' });
  await popover.getByRole('button', { name: 'Chữ lớn hơn' }).click();
  await popover.getByRole('button', { name: 'Chữ lớn hơn' }).click();
  await expect(article).toHaveCSS('font-size', '21px');
  await expect(popover.locator('output').first()).toHaveText('21 px');
  await popover.getByRole('radio', { name: 'Không chân (sans-serif)' }).check();
  await expect(article).toHaveCSS('font-family', /Be Vietnam Pro/);
  await popover.getByRole('slider', { name: 'Độ rộng dòng' }).fill('60');
  await expect(popover.locator('output').nth(1)).toHaveText('60 ký tự');
  // Esc closes the popover and leaves focus on its button.
  await popover.getByRole('slider', { name: 'Độ rộng dòng' }).focus();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(aa).toBeFocused();
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();

  await expect.poll(async () => {
    const { fontSize, fontFamily, lineWidth } = await app.call('settings.get', {});
    return { fontSize, fontFamily, lineWidth };
  }).toEqual({ fontSize: 21, fontFamily: 'sans', lineWidth: 60 });

  await page.reload();
  await page.locator('nr-article-list').getByRole('listbox').getByRole('option').first().click();
  await expect(article).toHaveCSS('font-size', '21px');
  await expect(article).toHaveCSS('font-family', /Be Vietnam Pro/);
  // 60 characters of the reader's font, plus the article's padding.
  const width = await article.evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;width:60ch';
    el.append(probe);
    const expected = probe.getBoundingClientRect().width;
    probe.remove();
    const style = getComputedStyle(el);
    return { max: parseFloat(style.maxWidth), expected };
  });
  expect(Math.abs(width.max - width.expected)).toBeLessThan(1);

  // The settings view shows and changes the same values.
  await page.locator('nr-sidebar').getByRole('button', { name: 'Cài đặt' }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt' });
  await expect(settings.getByRole('slider', { name: 'Cỡ chữ' })).toHaveValue('21');
  await settings.getByRole('button', { name: 'Chữ nhỏ hơn' }).click();
  await expect(article).toHaveCSS('font-size', '20px');
  await expect.poll(async () => (await app.call('settings.get', {})).fontSize).toBe(20);
});

test('the reading position is saved and restored; an article is marked read once read, not on open', async ({ app, page }) => {
  const ids = await seed(app);
  await page.clock.install();
  await openApp(app, page);
  const reader = page.locator('nr-reader');
  const heading = reader.getByRole('heading', { level: 1 });
  const rows = page.locator('nr-article-list').getByRole('listbox').getByRole('option');
  const firstId = ids.get(TITLES[0]!)!;

  await rows.filter({ hasText: TITLES[0]! }).click();
  await expect(heading).toHaveText(TITLES[0]!);
  expect(await scrolled(reader)).toBe(0);

  // Scroll half way; the position is saved once scrolling rests.
  await reader.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
  await page.clock.fastForward(1000);
  await expect.poll(async () => (await app.call('library.get', { id: firstId })).readingPosition).toBeCloseTo(0.5, 2);
  // Half way through, for less than ten seconds: not read yet.
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('4');
  expect((await app.call('library.get', { id: firstId })).read).toBe(false);

  // Another article starts at its top; coming back restores the place.
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[1]!);
  expect(await scrolled(reader)).toBe(0);
  await page.keyboard.press('k');
  await expect(heading).toHaveText(TITLES[0]!);
  await expect.poll(() => scrolled(reader)).toBeCloseTo(0.5, 1);

  // After a reload too.
  await page.reload();
  await rows.filter({ hasText: TITLES[0]! }).click();
  await expect(heading).toHaveText(TITLES[0]!);
  await expect.poll(() => scrolled(reader)).toBeCloseTo(0.5, 1);

  // Ten seconds in view make it read.
  await page.clock.fastForward(10_500);
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('3');
  await expectMoreAction(reader, 'Đánh dấu chưa đọc');
  // Marking it unread sticks: it is not marked read again on this visit.
  await reader.getByRole('button', { name: 'Thao tác khác với bài' }).click();
  await reader.getByRole('menuitem', { name: 'Đánh dấu chưa đọc' }).click();
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('4');
  await page.clock.fastForward(15_000);
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('4');

  // Scrolling to the end makes another one read at once.
  await page.locator('body').click();
  await page.keyboard.press('j');
  await expect(heading).toHaveText(TITLES[1]!);
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('4');
  await reader.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('3');
  await page.clock.fastForward(1000);
  await expect.poll(async () => (await app.call('library.get', { id: ids.get(TITLES[1]!)! })).readingPosition).toBe(1);
});

test('panes are resized by dragging or with the arrow keys, and keep their size', async ({ app, page }) => {
  await seed(app);
  await openApp(app, page);
  const separator = page.getByRole('separator', { name: 'Độ rộng danh sách' });
  const list = page.locator('nr-article-list');
  await expect(separator).toHaveAttribute('aria-valuenow', '380');
  const before = (await list.boundingBox())!.width;

  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', '348');
  await expect.poll(async () => (await list.boundingBox())!.width).toBeCloseTo(before - 32, 0);

  const box = (await separator.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect(separator).toHaveAttribute('aria-valuenow', '448');
  await expect.poll(async () => (await app.call('settings.get', {})).paneSizes.list).toBe(448);

  const sidebarSeparator = page.getByRole('separator', { name: 'Độ rộng thanh bên' });
  await sidebarSeparator.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(sidebarSeparator).toHaveAttribute('aria-valuenow', '284');
  await expect.poll(async () => (await app.call('settings.get', {})).paneSizes).toEqual({ sidebar: 284, list: 448 });

  await page.reload();
  await expect(page.getByRole('separator', { name: 'Độ rộng danh sách' })).toHaveAttribute('aria-valuenow', '448');
  await expect.poll(async () => (await page.locator('nr-sidebar').boundingBox())!.width).toBeCloseTo(284, 0);
});

test('a search that finds nothing suggests what to try, and the suggestions work', async ({ app, page }) => {
  await seed(app);
  await expect(async () => {
    expect((await app.call('search.query', { query: 'tau dien ngam' })).total).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });
  await openApp(app, page);
  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  const results = page.locator('nr-search-results');

  // A filter that rules everything out: the suggestion offers to search again without it.
  await searchBox.fill('tàu điện ngầm');
  await expect(results.locator('button.hit').filter({ hasText: TITLES[0]! })).toBeVisible();
  await page.locator('nr-search-filters').getByRole('button', { name: 'Có sao' }).click();
  await expect(results.getByText('Không tìm thấy bài nào.')).toBeVisible();
  await results.getByRole('button', { name: 'Tìm lại không có bộ lọc' }).click();
  await expect(results.locator('button.hit').filter({ hasText: TITLES[0]! })).toBeVisible();
  await expect(page.locator('nr-search-filters').getByRole('button', { name: 'Có sao' })).toHaveAttribute('aria-pressed', 'false');

  // An accented query that finds nothing: the suggestion is the same words without diacritics.
  await searchBox.fill('kỳ lân');
  await expect(results.getByText('Không tìm thấy bài nào.')).toBeVisible();
  await expect(results.getByRole('button', { name: 'Tìm lại không có bộ lọc' })).toHaveCount(0);
  await expect(results.getByText('Kiểm tra chính tả')).toBeVisible();
  await results.getByRole('button', { name: 'ky lan' }).click();
  await expect(searchBox).toHaveValue('ky lan');
  await expect(results.locator('header')).toHaveText(/^0 kết quả/);
});
