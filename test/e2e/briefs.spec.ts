// Issue 16 §5 in Chromium through serve: a brief exported from a filtered All annotations view, as
// Markdown (Vietnamese headings, the reader's local times, no HTML comments) and as DOCX read back
// with mammoth; and the view's text filter, read the way search reads a query.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { test, expect, type ServedApp } from './fixtures/app.ts';

// The reader is in Hà Nội: 18:30 UTC on 3 March is 01:30 on 4 March there.
test.use({ timezoneId: 'Asia/Ho_Chi_Minh' });

const POWER = 'Giá điện tăng từ tháng sau';
const FLOOD = 'Lũ quét ở miền núi phía Bắc';
const ARTICLES: Record<string, string> = {
  'gia-dien.md': `---
title: ${POWER}
author: Nguyễn Văn An
source: VnExpress
url: https://vnexpress.net/gia-dien-tang-4720001.html
date: 2024-03-03T18:30:00Z
tags: [kinh tế]
---
Bộ Công Thương công bố biểu giá điện mới cho hộ gia đình.

Giá bán lẻ bình quân tăng bốn phần trăm từ tháng sau.
`,
  'lu-quet.md': `---
title: ${FLOOD}
source: Tuổi Trẻ
date: 2024-09-10T03:00:00Z
tags: [thời tiết]
---
Mưa lớn kéo dài gây lũ quét tại nhiều xã vùng cao.

Lực lượng cứu hộ đã tiếp cận các bản bị cô lập.
`,
};

let seedDir: string;

test.beforeAll(async () => {
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-briefs-'));
  for (const [name, content] of Object.entries(ARTICLES)) await writeFile(join(seedDir, name), content, 'utf8');
});

test.afterAll(async () => {
  await rm(seedDir, { recursive: true, force: true });
});

async function seed(app: ServedApp): Promise<Map<string, string>> {
  const report = await app.seed('seed-briefs', [seedDir]);
  expect(report.failed).toEqual([]);
  const ids = new Map(report.imported.map((item) => [item.title, item.id]));
  const power = ids.get(POWER)!;
  const flood = ids.get(FLOOD)!;
  await app.call('annotations.create', { articleId: power, quote: 'tăng bốn phần trăm', note: 'Cần xác minh con số với EVN', color: 'green' });
  await app.call('annotations.create', { articleId: power, quote: 'biểu giá điện mới', color: 'yellow' });
  await app.call('annotations.create', { articleId: flood, quote: 'các bản bị cô lập', note: 'Hỏi số hộ bị cô lập', color: 'green' });
  return ids;
}

test('a brief from a filtered All annotations view, as Markdown and as DOCX', async ({ page, app }) => {
  await seed(app);
  await page.goto(app.url);
  await page.locator('nr-sidebar').getByRole('button', { name: 'Tất cả ghi chú' }).click();
  const view = page.locator('nr-all-annotations');
  const rows = view.getByRole('listitem');
  await expect(rows).toHaveCount(3);

  // Text filter, typed without marks: only the note that says "xác minh".
  const text = view.getByRole('searchbox', { name: 'Lọc theo chữ trong ghi chú và trích đoạn' });
  await text.fill('xac minh');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Cần xác minh con số với EVN');
  await text.fill('');
  await expect(rows).toHaveCount(3);

  // Date filter in dd/mm/yyyy: a day that does not exist is refused with a message, a real one filters.
  const from = view.getByRole('textbox', { name: 'Xuất bản từ ngày' });
  await from.fill('31/02/2024');
  await from.press('Enter');
  await expect(view.getByRole('alert').filter({ hasText: 'Không có ngày này trong lịch.' })).toBeVisible();
  await expect(rows).toHaveCount(3);
  await from.fill('01/09/2024');
  await from.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(FLOOD);
  await from.fill('');
  await from.press('Enter');
  await expect(rows).toHaveCount(3);

  // Filter by colour and by the article's tag: the two green passages, then only the one on economy.
  await view.getByRole('group', { name: 'Lọc theo màu và nhãn' }).getByRole('button', { name: 'Kiểm chứng' }).click();
  await expect(rows).toHaveCount(2);
  await view.getByLabel('Thẻ của bài').selectOption({ label: 'kinh tế' });
  await expect(rows).toHaveCount(1);

  // Export the brief as Markdown in the Vietnamese press style.
  await view.getByText('Xuất bản tổng hợp trích dẫn…').click();
  // The style chosen is remembered as a setting (it is also what "copy as quote" uses).
  const style = view.getByLabel('Kiểu trích nguồn');
  await style.selectOption({ label: 'APA' });
  await expect.poll(async () => (await app.call('settings.get', {})).citationStyle).toBe('apa');
  await style.selectOption({ label: 'Báo chí Việt Nam' });
  await expect.poll(async () => (await app.call('settings.get', {})).citationStyle).toBe('vi-press');
  const [markdown] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Xuất bản tổng hợp', exact: true }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/^brief-\d{4}-\d{2}-\d{2}\.md$/u);
  const md = await readFile((await markdown.path())!, 'utf8');
  expect(md).toMatch(/^# Tập hợp trích dẫn\n/u);
  expect(md).toContain('**Bộ lọc:** nhãn “Kiểm chứng” · thẻ “kinh tế”');
  expect(md).toContain(`## 1. ${POWER}`);
  expect(md).toContain('- **Tác giả:** Nguyễn Văn An');
  expect(md).toContain('- **Xuất bản:** 01:30, 04/03/2024 (GMT+7)');
  expect(md).toContain('> tăng bốn phần trăm');
  expect(md).toContain('**Ghi chú:** Cần xác minh con số với EVN');
  expect(md).toContain('**Trích nguồn:** Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024. https://vnexpress.net/gia-dien-tang-4720001.html');
  expect(md).not.toContain('biểu giá điện mới');
  expect(md).not.toContain(FLOOD);
  expect(md).not.toContain('<!--');

  // The same filter as a Word document, read back with mammoth.
  await view.getByLabel('Định dạng').selectOption({ label: 'Word (.docx)' });
  const [docx] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Xuất bản tổng hợp', exact: true }).click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/u);
  const { value: html } = await mammoth.convertToHtml({ buffer: await readFile((await docx.path())!) });
  expect(html).toContain('<h1>Tập hợp trích dẫn</h1>');
  expect(html).toContain(`<h2>1. ${POWER}</h2>`);
  expect(html).toContain('01:30, 04/03/2024 (GMT+7)');
  expect(html).toContain('Cần xác minh con số với EVN');
});

test('a search hit found through a note says so and shows the note', async ({ page, app }) => {
  await seed(app);
  await expect(async () => {
    expect((await app.call('search.query', { query: 'note:"so ho"' })).hits.map((hit) => hit.title)).toEqual([FLOOD]);
  }).toPass({ timeout: 30_000 });
  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('note:"so ho"');
  const results = page.locator('nr-search-results');
  const hit = results.getByRole('button', { name: new RegExp(FLOOD, 'u') });
  await expect(hit).toContainText('khớp trong ghi chú');
  await expect(hit).toContainText('Hỏi số hộ bị cô lập');
});
