import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type ServedApp } from './fixtures/app.ts';

// The article the search is about: "đàm phán" once in the title and once in each of four paragraphs.
// No other word in it folds to "dam"/"phan" or lies one edit away ("phần", "pháp", "nhận", "đảm"…),
// so the marks are exactly the five occurrences of the phrase.
const TARGET_TITLE = 'Vòng đàm phán thương mại kết thúc sớm';
const TARGET_PARAGRAPHS = [
  'Các bên đã kết thúc vòng đàm phán thứ ba tại Hà Nội sau hai ngày làm việc căng thẳng.',
  'Trưởng đoàn cho biết cuộc đàm phán diễn ra cởi mở, dù nhiều vấn đề vẫn chưa ngã ngũ.',
  'Vòng đàm phán tiếp theo dự kiến được tổ chức vào mùa thu, khi hai bên trao đổi thêm dữ liệu.',
  'Giới quan sát cho rằng kết quả đàm phán sẽ ảnh hưởng tới giá nông sản xuất khẩu.',
];
const TARGET_MARKS = 5;

const OTHER_TITLE = 'Hai doanh nghiệp ký hợp đồng cung ứng linh kiện';
const UNRELATED_TITLE = 'Thời tiết Hà Nội chuyển lạnh';

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-search-'));
  // The scraped one-line shape: headline, then paragraphs separated by two spaces.
  await writeFile(join(seedDir, 'vong-dam-phan.txt'), [TARGET_TITLE, ...TARGET_PARAGRAPHS].join('  '), 'utf8');
  await writeFile(
    join(seedDir, 'hop-dong.md'),
    `# ${OTHER_TITLE}\n\nSau nhiều tháng đàm phán, hai doanh nghiệp đã ký hợp đồng cung ứng linh kiện trong năm năm.\n\nHợp đồng có hiệu lực từ đầu quý tới.\n`,
    'utf8',
  );
  await writeFile(
    join(seedDir, 'thoi-tiet.txt'),
    [UNRELATED_TITLE, 'Không khí lạnh tràn về khiến nhiệt độ giảm sâu vào cuối tuần.', 'Người dân nên mặc ấm khi ra đường vào sáng sớm.'].join('  '),
    'utf8',
  );
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

/** Seeds the library by path and waits until the (asynchronously updated) index answers for it. */
async function seed(app: ServedApp): Promise<void> {
  const report = await app.seed('seed-search', [seedDir]);
  expect(report.failed).toEqual([]);
  expect(report.imported.map((item) => item.title).sort()).toEqual([OTHER_TITLE, UNRELATED_TITLE, TARGET_TITLE].sort());
  await expect(async () => {
    expect((await app.call('search.status', {})).state).toBe('ready');
    const result = await app.call('search.query', { query: 'dam phan' });
    expect(result.hits.map((hit) => hit.title)).toContain(TARGET_TITLE);
    expect(result.hits.map((hit) => hit.title)).toContain(OTHER_TITLE);
  }).toPass({ timeout: 30_000 });
}

test('searching without diacritics finds, highlights and walks "đàm phán"', async ({ app, page }, testInfo) => {
  await seed(app);
  await page.goto(app.url);
  const list = page.locator('nr-article-list');
  await expect(list.getByRole('listbox').getByRole('option')).toHaveCount(3);

  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  await searchBox.fill('dam phan');

  // The results replace the list: total and time, the two articles that contain the phrase, not the third.
  const results = page.locator('nr-search-results');
  await expect(results.locator('header')).toHaveText(/^2 kết quả · [\d.]+ ms$/);
  await expect(list).toHaveCount(0);
  const hits = results.locator('button.hit');
  await expect(hits).toHaveCount(2);
  await expect(hits.filter({ hasText: UNRELATED_TITLE })).toHaveCount(0);

  // Snippets mark the accented words the unaccented query matched.
  const target = hits.filter({ hasText: TARGET_TITLE });
  await expect(target).toBeVisible();
  await expect(target.locator('.title mark')).toHaveText(['đàm phán']);
  const snippetMarks = target.locator('.snippet mark');
  await expect(snippetMarks.first()).toBeVisible();
  for (const text of await snippetMarks.allInnerTexts()) expect(text.toLocaleLowerCase('vi')).toBe('đàm phán');
  await expect(hits.filter({ hasText: OTHER_TITLE }).locator('.snippet mark')).toHaveText(['đàm phán']);

  // Opening the hit: marks in the title and in every paragraph, and the first one is current.
  await target.click();
  await expect(target).toHaveAttribute('aria-current', 'true');
  const reader = page.locator('nr-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TARGET_TITLE);
  await expect(reader.locator('h1 mark')).toHaveText(['đàm phán']);
  await expect(reader.locator('article p')).toHaveText(TARGET_PARAGRAPHS);
  await expect(reader.locator('article p mark')).toHaveText(Array(TARGET_MARKS - 1).fill('đàm phán'));
  const counter = reader.locator('.counter');
  const current = reader.locator('mark.current');
  await expect(counter).toHaveText(`1 / ${TARGET_MARKS}`);
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('data-mark', '0');
  await expect(reader.locator('h1 mark')).toHaveClass('current');

  // The step buttons move the current mark and the counter, wrapping at both ends.
  const next = reader.getByRole('button', { name: 'Kết quả sau' });
  const previous = reader.getByRole('button', { name: 'Kết quả trước' });
  await next.click();
  await expect(counter).toHaveText(`2 / ${TARGET_MARKS}`);
  await expect(current).toHaveAttribute('data-mark', '1');
  await expect(reader.locator('article p').nth(0).locator('mark')).toHaveClass('current');
  await expect(current).toBeInViewport();
  await previous.click();
  await expect(counter).toHaveText(`1 / ${TARGET_MARKS}`);
  await previous.click();
  await expect(counter).toHaveText(`${TARGET_MARKS} / ${TARGET_MARKS}`);
  await expect(reader.locator('article p').nth(3).locator('mark')).toHaveClass('current');
  await expect(current).toBeInViewport();
  await next.click();
  await expect(counter).toHaveText(`1 / ${TARGET_MARKS}`);

  // Enter / Shift+Enter in the reader's toolbar step once each (not twice through the button's click).
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(`2 / ${TARGET_MARKS}`);
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(`3 / ${TARGET_MARKS}`);
  await page.keyboard.press('Shift+Enter');
  await expect(counter).toHaveText(`2 / ${TARGET_MARKS}`);
  await expect(current).toHaveAttribute('data-mark', '1');

  // Changing the article's state (starring it, or marking it read) reloads it from the
  // library; the reader must keep its place among the matches.
  await reader.getByRole('button', { name: '☆ Gắn sao' }).click();
  await expect(reader.getByRole('button', { name: '★ Bỏ sao' })).toBeVisible();
  await expect(hits.filter({ hasText: TARGET_TITLE })).toBeVisible();
  await expect(counter).toHaveText(`2 / ${TARGET_MARKS}`);
  await expect(current).toHaveAttribute('data-mark', '1');

  // F3 / Shift+F3 work from anywhere in the window, even from the search box.
  await searchBox.focus();
  await page.keyboard.press('F3');
  await expect(counter).toHaveText(`3 / ${TARGET_MARKS}`);
  await expect(current).toHaveAttribute('data-mark', '2');
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  await expect(counter).toHaveText(`1 / ${TARGET_MARKS}`);
  await expect(searchBox).toHaveValue('dam phan');

  await page.screenshot({ path: testInfo.outputPath('search-reader-marks.png'), fullPage: true });

  // Clearing the search brings the library list back, and the reader drops its marks.
  await searchBox.fill('');
  await expect(results).toHaveCount(0);
  await expect(list.locator('header > span')).toHaveText('Tất cả · 3 bài');
  await expect(list.getByRole('listbox').getByRole('option')).toHaveCount(3);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TARGET_TITLE);
  await expect(reader.locator('mark')).toHaveCount(0);
  await expect(counter).toHaveCount(0);
});

test('a typo is searched as its likely correction, said so, and marked apart', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  // "phna": two letters swapped, a slip the error model corrects to "phán", which stands beside "đàm".
  await searchBox.fill('dam phna ');
  const results = page.locator('nr-search-results');
  await expect(results.locator('header')).toHaveText(/^2 kết quả · [\d.]+ ms$/);
  await expect(results.locator('.corrections')).toContainText('phna → phán');
  const target = results.locator('button.hit').filter({ hasText: TARGET_TITLE });
  // The word typed right is marked as usual; the correction is marked apart, with a tooltip.
  await expect(target.locator('.title mark')).toHaveText(['đàm', 'phán']);
  await expect(target.locator('.title mark.typo')).toHaveText(['phán']);
  await expect(target.locator('.title mark.typo')).toHaveAttribute('title', /gõ nhầm/);
  await target.click();
  const reader = page.locator('nr-reader');
  await expect(reader.locator('h1 mark.typo')).toHaveText(['phán']);
  await expect(reader.locator('h1 mark:not(.typo)')).toHaveText(['đàm']);
});

test('Escape in the search box clears the search, and a query with no match says so', async ({ app, page }) => {
  await seed(app);
  await page.goto(app.url);
  const list = page.locator('nr-article-list');
  await expect(list.getByRole('listbox').getByRole('option')).toHaveCount(3);
  const searchBox = page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' });
  const results = page.locator('nr-search-results');

  // "/" focuses the search box from the page.
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(searchBox).toBeFocused();
  await page.keyboard.type('đàm phán');
  await expect(results.locator('header')).toHaveText(/^2 kết quả · [\d.]+ ms$/);
  await expect(results.locator('button.hit')).toHaveCount(2);

  await searchBox.fill('xyzzyquux');
  await expect(results.locator('header')).toHaveText(/^0 kết quả · [\d.]+ ms$/);
  await expect(results.getByText('Không tìm thấy bài nào.')).toBeVisible();
  await expect(results.locator('button.hit')).toHaveCount(0);

  await searchBox.press('Escape');
  await expect(searchBox).toHaveValue('');
  await expect(results).toHaveCount(0);
  await expect(list.getByRole('listbox').getByRole('option')).toHaveCount(3);
});

test('results come a page at a time: scrolling to the end of the list shows the next page', async ({ app, page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'nr-e2e-pages-'));
  try {
    for (let i = 1; i <= 40; i++) {
      await writeFile(join(dir, `hoi-nghi-${i}.txt`), [`Hội nghị lúa gạo số ${i}`, `Phiên thứ ${i} của hội nghị bàn về giá lúa và phân bón ở đồng bằng.`].join('  '), 'utf8');
    }
    const report = await app.seed('seed-pages', [dir]);
    expect(report.imported).toHaveLength(40);
    await expect(async () => expect((await app.call('search.query', { query: 'hoi nghi', limit: 50 })).total).toBe(40)).toPass({ timeout: 30_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // A short window: the first page fills the pane and more, so nothing past it is asked for yet.
  await page.setViewportSize({ width: 1200, height: 520 });
  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('hoi nghi');
  const results = page.locator('nr-search-results');
  await expect(results.locator('header')).toHaveText(/^40 kết quả/);
  const hits = results.locator('button.hit');
  await expect(hits).toHaveCount(15);
  await expect(hits.first().locator('.title mark')).toHaveText(['Hội nghị']);

  await hits.last().scrollIntoViewIfNeeded();
  await expect(hits).toHaveCount(30);
  await hits.last().scrollIntoViewIfNeeded();
  await expect(hits).toHaveCount(40);
  // Every article once, each page highlighted like the first.
  const titles = await results.locator('button.hit .title').allInnerTexts();
  expect(new Set(titles).size).toBe(40);
  await expect(hits.last().locator('.title mark')).toHaveText(['Hội nghị']);
});
