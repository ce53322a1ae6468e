import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/app.ts';

// A scraped Vietnamese article in the shape our users have (see /work/shared/samples/seed-article.txt):
// one line, the headline first, paragraphs separated by two spaces.
const TXT_TITLE = 'Israel đột ngột tẩy chay đàm phán với Hamas';
const TXT_PARAGRAPHS = [
  'Theo truyền thông Israel, nước này đã bất ngờ tẩy chay các cuộc đàm phán ngừng bắn với lực lượng Hamas trong cuộc xung đột trên Dải Gaza, giữa lúc các bên đang dần tiến tới một thỏa thuận.',
  'Cụ thể, báo Ynet cho biết nguyên nhân là tại cuộc gặp hôm 3.3 tại thủ đô Cairo (Ai Cập), Hamas đã từ chối yêu cầu của Israel về việc cung cấp một danh sách đầy đủ nêu tên các con tin vẫn còn sống.',
  'Tuy nhiên, đến tối, không có dấu hiệu nào về phái đoàn từ Israel, vốn nói rằng họ sẽ chỉ cử quan chức đến đàm phán nếu nhận được danh sách những người con tin sẽ được trả tự do.',
  'Phó tổng thống Mỹ cũng đưa ra lời chỉ trích gay gắt nhất từ trước đến nay đối với Israel, theo Reuters.',
];
const TXT_CONTENT = ` ${[TXT_TITLE, ...TXT_PARAGRAPHS].join('  ')}`;

const HTML_TITLE = 'Hà Nội mở rộng tuyến buýt điện nội đô';
const HTML_PARAGRAPHS = [
  'Sở Giao thông vận tải Hà Nội cho biết từ tháng tới thành phố sẽ đưa thêm mười hai tuyến buýt điện vào khai thác, phục vụ các khu dân cư mới ở phía tây và phía nam thủ đô.',
  'Theo kế hoạch, các tuyến mới kết nối trực tiếp với ga đường sắt đô thị, giúp người dân chuyển tuyến thuận tiện hơn và giảm phụ thuộc vào xe máy trong giờ cao điểm buổi sáng.',
  'Đại diện doanh nghiệp vận hành cho biết toàn bộ xe đều được trang bị hệ thống theo dõi hành trình, camera giám sát và cổng sạc cho hành khách, với giá vé không thay đổi so với hiện nay.',
];
const NAV_TEXT = 'Trang chủ Thời sự Thể thao NAVLEAK';
const SCRIPT_TEXT = 'SCRIPTLEAK';
const HTML_CONTENT = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>${HTML_TITLE}</title>
  <meta property="og:site_name" content="Báo Thử Nghiệm">
  <script>window.__scriptRan = true; document.title = "${SCRIPT_TEXT}";</script>
</head>
<body>
  <nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/the-thao">Thể thao</a> NAVLEAK</nav>
  <article>
    <h1>${HTML_TITLE}</h1>
    ${HTML_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n    ')}
    <img src="does-not-exist.png" onerror="window.__onerrorRan = true; document.body.append('ONERRORLEAK')" alt="">
    <script>document.write("${SCRIPT_TEXT}"); window.__scriptRan = true;</script>
  </article>
</body>
</html>`;

let fixtureDir: string;

test.beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), 'nr-e2e-files-'));
  await writeFile(join(fixtureDir, 'israel-dam-phan.txt'), TXT_CONTENT, 'utf8');
  await writeFile(join(fixtureDir, 'buyt-dien.html'), HTML_CONTENT, 'utf8');
  await writeFile(join(fixtureDir, 'trong-rong.txt'), '');
});

test.afterAll(async () => {
  await rm(fixtureDir, { recursive: true, force: true });
});

function sidebarCount(page: Page, label: string) {
  return page.locator('nr-sidebar button').filter({ has: page.getByText(label, { exact: true }) }).locator('.count');
}

test('importing files through the UI lists them, reports the failure and reads them cleanly', async ({ app, page }, testInfo) => {
  // An article counts as read after ten seconds in view: the test moves the page's clock on instead.
  await page.clock.install();
  await page.goto(app.url);
  // Empty library: the first-run view and zero counts.
  await expect(page.getByRole('heading', { name: 'Thư viện còn trống' })).toBeVisible();
  await expect(sidebarCount(page, 'Tất cả')).toHaveText('0');

  // Import through the real header button and the file chooser it opens.
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: 'Nhập bài…' }).click();
  const chooser = await chooserPromise;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([join(fixtureDir, 'israel-dam-phan.txt'), join(fixtureDir, 'buyt-dien.html'), join(fixtureDir, 'trong-rong.txt')]);

  // The summary: two imported, one failure, and the failure names the file and the reason.
  const summary = page.locator('nr-import-status section[role=status]');
  await expect(summary).toContainText('Đã nhập xong.', { timeout: 20_000 });
  await expect(summary).toContainText('2 bài mới, 0 bài trùng, 1 lỗi.');
  const failures = summary.locator('ul.failures li');
  await expect(failures).toHaveCount(1);
  await expect(failures.first()).toContainText('trong-rong.txt');
  await expect(failures.first()).toContainText('tệp rỗng');
  await expect(failures.first()).toHaveAttribute('title', 'empty file');

  // Both articles are in the list, with their titles.
  const list = page.locator('nr-article-list');
  await expect(list.locator('header > span')).toHaveText('Tất cả · 2 bài');
  const rows = list.getByRole('listbox').getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: TXT_TITLE })).toBeVisible();
  await expect(rows.filter({ hasText: HTML_TITLE })).toBeVisible();

  // Sidebar counts follow the imports; the html page's site name becomes a source.
  await expect(sidebarCount(page, 'Tất cả')).toHaveText('2');
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('2');
  await expect(sidebarCount(page, 'Thùng rác')).toHaveText('0');
  await expect(sidebarCount(page, 'Báo Thử Nghiệm')).toHaveText('1');

  // Reading the text article: the title, and every two-space-separated segment as its own paragraph.
  const reader = page.locator('nr-reader');
  await rows.filter({ hasText: TXT_TITLE }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TXT_TITLE);
  const paragraphs = reader.locator('article p');
  await expect(paragraphs).toHaveText(TXT_PARAGRAPHS);
  await expect(rows.filter({ hasText: TXT_TITLE })).toHaveAttribute('aria-selected', 'true');
  // Opening does not mark it read; ten seconds in view do.
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('2');
  await page.clock.fastForward(10_500);
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('1');

  // Reading the html article: its paragraphs, and nothing from <nav>, <script> or the onerror handler.
  await rows.filter({ hasText: HTML_TITLE }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HTML_TITLE);
  await expect(paragraphs).toHaveText(HTML_PARAGRAPHS);
  await expect(reader.locator('.byline')).toContainText('Báo Thử Nghiệm');
  const readerText = await reader.locator('article').innerText();
  for (const leak of ['NAVLEAK', 'Trang chủ', 'Thể thao', SCRIPT_TEXT, 'ONERRORLEAK', '__scriptRan', 'onerror']) {
    expect(readerText).not.toContain(leak);
  }
  expect(readerText).not.toContain(NAV_TEXT);
  await expect(reader.locator('script, img, nav, [onerror]')).toHaveCount(0);
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __scriptRan?: boolean; __onerrorRan?: boolean };
    return { script: w.__scriptRan ?? false, onerror: w.__onerrorRan ?? false };
  });
  expect(ran).toEqual({ script: false, onerror: false });
  await page.clock.fastForward(10_500);
  await expect(sidebarCount(page, 'Chưa đọc')).toHaveText('0');

  // Dismissing the summary removes it.
  await summary.getByRole('button', { name: 'Đóng' }).click();
  await expect(summary).toHaveCount(0);

  await page.screenshot({ path: testInfo.outputPath('library-after-import.png'), fullPage: true });
});

test('importing the same files again through the file input reports duplicates, not new articles', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Thư viện còn trống' })).toBeVisible();
  const input = page.locator('nr-app input[type=file][multiple]');
  const summary = page.locator('nr-import-status section[role=status]');

  await input.setInputFiles(join(fixtureDir, 'israel-dam-phan.txt'));
  await expect(summary).toContainText('1 bài mới, 0 bài trùng, 0 lỗi.', { timeout: 20_000 });
  await expect(page.locator('nr-article-list').getByRole('listbox').getByRole('option')).toHaveCount(1);

  await input.setInputFiles(join(fixtureDir, 'israel-dam-phan.txt'));
  await expect(summary).toContainText('0 bài mới, 1 bài trùng, 0 lỗi.', { timeout: 20_000 });
  await expect(page.locator('nr-article-list').getByRole('listbox').getByRole('option')).toHaveCount(1);
  await expect(sidebarCount(page, 'Tất cả')).toHaveText('1');
});
