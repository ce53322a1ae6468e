import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect, startServedApp, type ServedApp } from './fixtures/app.ts';

// Subscriptions from the UI, through `serve` (with its test-only --allow-loopback-sources), against a
// real HTTP server on 127.0.0.1 whose feed changes between refreshes.

// Each test starts its own serve, whose first fetch loads the feed parsers and their worker: on a
// machine shared by many jobs that alone can take tens of seconds. No timing is asserted.
const SLOW = { timeout: 60_000 };

const FEED_TITLE = 'Báo Thử Nguồn';
const PAGE_TITLE = 'Hà Nội thí điểm phố đi bộ mới quanh hồ Tây';
const paragraph = (n: number) => `Đoạn ${n}: người dân và du khách có thêm không gian đi bộ, xe buýt điện được bố trí thêm và các điểm gửi xe mới được mở quanh khu vực.`;

interface Item {
  guid: string;
  title: string;
  link: string;
}

interface FeedServer {
  url(path: string): string;
  items: Item[];
  close(): Promise<void>;
}

function rss(items: readonly Item[]): string {
  const entries = items
    .map((item) => `<item><guid isPermaLink="false">${item.guid}</guid><title>${item.title}</title><link>${item.link}</link><description>${paragraph(1)} ${paragraph(2)} ${item.title}.</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${FEED_TITLE}</title><link>https://bao-thu.example.vn/</link><description>d</description>\n${entries}\n</channel></rss>`;
}

async function startFeedServer(): Promise<FeedServer> {
  const state: { items: Item[] } = { items: [] };
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/feed.xml') response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(state.items));
    else if (path === '/page.html')
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="vi"><head><title>${PAGE_TITLE}</title></head><body><article><h1>${PAGE_TITLE}</h1><p>${paragraph(1)}</p><p>${paragraph(2)}</p><p>${paragraph(3)}</p></article></body></html>`);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    get items() {
      return state.items;
    },
    set items(items: Item[]) {
      state.items = items;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const item = (n: number): Item => ({ guid: `tin-${n}`, title: `Tin nguồn số ${n}`, link: `https://bao-thu.example.vn/tin-${n}.html` });

const test = base.extend<{ feeds: FeedServer; app: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern
  feeds: async ({}, use) => {
    const feeds = await startFeedServer();
    await use(feeds);
    await feeds.close();
  },
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const { app, stop } = await startServedApp({ allowLoopbackSources: true });
    await use(app);
    await stop();
  },
});

test.describe.configure({ timeout: 240_000 });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

async function subscribe(page: Page, url: string, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Thêm nguồn / lưu trang…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm nguồn / lưu trang' });
  await dialog.getByLabel('Địa chỉ nguồn tin hoặc trang web').fill(url);
  await dialog.getByLabel('Thư mục (không bắt buộc)').fill(folder);
  await dialog.getByRole('button', { name: 'Theo dõi', exact: true }).click();
  // The first subscription loads the feed parsers and starts their worker: slow on a busy machine.
  await expect(dialog.getByText(`Đã theo dõi “${FEED_TITLE}”: 2 bài mới.`)).toBeVisible(SLOW);
  await dialog.getByRole('button', { name: 'Xem các bài của nguồn này' }).click();
  await expect(dialog).toBeHidden();
}

test('add a source from the UI, see its items, refresh brings a new one without a reload, export OPML, remove it keeping its articles', async ({ app, feeds, page }) => {
  feeds.items = [item(1), item(2)];
  await page.goto(app.url);
  await subscribe(page, feeds.url('/feed.xml'), 'Thời sự');

  const list = page.locator('nr-article-list');
  const titles = list.getByRole('listbox').getByRole('option');
  await expect(list.locator('header')).toContainText(`Nguồn: ${FEED_TITLE} · 2 bài`);
  await expect(titles.filter({ hasText: 'Tin nguồn số 1' })).toHaveCount(1);
  await expect(titles.filter({ hasText: 'Tin nguồn số 2' })).toHaveCount(1);

  const tree = page.locator('nr-source-tree');
  const sourceButton = tree.getByRole('button', { name: new RegExp(FEED_TITLE) }).first();
  await expect(sourceButton).toHaveAttribute('aria-current', 'true');
  await expect(tree.locator('li.folder[data-folder="Thời sự"] .folder-head .count')).toHaveText('2');

  // Each article keeps the link to its original, which the reader's "open original" uses.
  const sources = await app.call('sources.list', {});
  expect(sources).toHaveLength(1);
  const page1 = await app.call('library.list', { sourceId: sources[0]!.id, limit: 10 });
  const first = page1.items.find((summary) => summary.title === 'Tin nguồn số 1')!;
  expect((await app.call('library.get', { id: first.id })).url).toBe(item(1).link);

  // A new item, then "refresh now" from the source's settings: it appears, the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  feeds.items = [item(3), item(1), item(2)];
  await tree.getByRole('button', { name: `Cài đặt nguồn ${FEED_TITLE}` }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt nguồn' });
  await expect(settings.locator('.url')).toHaveText(feeds.url('/feed.xml'));
  await settings.getByRole('button', { name: 'Làm mới ngay' }).click();
  await expect(titles.filter({ hasText: 'Tin nguồn số 3' })).toHaveCount(1, SLOW);
  await expect(list.locator('header')).toContainText(`Nguồn: ${FEED_TITLE} · 3 bài`);
  await expect(settings.locator('.last-success')).not.toHaveText('Chưa có');
  // Full text and retention are set in the same dialog, and only what changed is sent.
  await settings.getByLabel('Toàn văn').selectOption('never');
  await settings.getByLabel('Giữ bài', { exact: true }).selectOption('days');
  await settings.getByLabel(/^Số ngày giữ/).fill('14');
  await settings.getByRole('button', { name: 'Lưu' }).click();
  await expect(settings).toBeHidden();
  await expect.poll(async () => (await app.call('sources.list', {}))[0]).toMatchObject({ fullText: 'never', keepDays: 14, retentionDays: 14 });
  await tree.getByRole('button', { name: `Cài đặt nguồn ${FEED_TITLE}` }).click();
  await expect(settings.getByLabel('Toàn văn')).toHaveValue('never');
  await settings.getByRole('button', { name: 'Đóng' }).click();
  await expect(tree.locator('li.folder[data-folder="Thời sự"] .folder-head .count')).toHaveText('3');
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

  // Mark the folder read, then undo.
  await tree.getByRole('button', { name: 'Đánh dấu đã đọc cả thư mục Thời sự' }).click();
  await expect(tree.locator('li.folder[data-folder="Thời sự"] .folder-head .count')).toHaveText('0');
  await page.locator('nr-notices').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(tree.locator('li.folder[data-folder="Thời sự"] .folder-head .count')).toHaveText('3');

  // OPML export downloads the subscriptions.
  await page.getByRole('button', { name: 'Thêm nguồn / lưu trang…' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Thêm nguồn / lưu trang' });
  const downloading = page.waitForEvent('download');
  await addDialog.getByRole('button', { name: 'Xuất OPML' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^newsroom-sources-.*\.opml$/);
  const opml = await readFile((await download.path())!, 'utf8');
  expect(opml).toContain(`xmlUrl="${feeds.url('/feed.xml')}"`);
  expect(opml).toContain('Thời sự');
  await addDialog.getByRole('button', { name: 'Đóng' }).click();

  // Remove it, keeping its articles.
  await tree.getByRole('button', { name: `Cài đặt nguồn ${FEED_TITLE}` }).click();
  await settings.getByRole('button', { name: 'Bỏ theo dõi…' }).click();
  await expect(settings.getByLabel('Giữ lại trong thư viện')).toBeChecked();
  await settings.getByRole('button', { name: 'Bỏ theo dõi', exact: true }).click();
  await expect(settings).toBeHidden();
  await expect(page.locator('nr-notices')).toContainText(`Đã bỏ theo dõi “${FEED_TITLE}”: giữ 3 bài, chuyển 0 bài vào thùng rác.`);
  await expect(tree.getByText('Chưa theo dõi nguồn nào.')).toBeVisible();
  expect(await app.call('sources.list', {})).toEqual([]);
  expect((await app.call('library.counts', {})).all).toBe(3);
});

test('a site without a feed is offered to be saved as a page, and a link dropped on the window opens the box', async ({ app, feeds, page }) => {
  await page.goto(app.url);
  await expect(page.locator('nr-source-tree').getByText('Chưa theo dõi nguồn nào.')).toBeVisible();
  const url = feeds.url('/page.html');
  await page.evaluate((link) => {
    const data = new DataTransfer();
    data.setData('text/uri-list', link);
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, url);
  const dialog = page.getByRole('dialog', { name: 'Thêm nguồn / lưu trang' });
  await expect(dialog.getByLabel('Địa chỉ nguồn tin hoặc trang web')).toHaveValue(url);
  await dialog.getByRole('button', { name: 'Theo dõi', exact: true }).click();
  await expect(dialog.getByText('Địa chỉ này không phải nguồn tin, và trang không dẫn tới nguồn tin nào.')).toBeVisible(SLOW);
  await dialog.locator('.result').getByRole('button', { name: 'Lưu trang này' }).click();
  await expect(dialog.getByText('Đã lưu trang vào thư viện.')).toBeVisible(SLOW);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.locator('nr-article-list').getByRole('option').filter({ hasText: PAGE_TITLE })).toHaveCount(1);
});

test('the source tree and the source dialogs are axe-clean, and the add box is keyboard reachable', async ({ app, feeds, page }) => {
  feeds.items = [item(1), item(2)];
  await page.goto(app.url);
  await subscribe(page, feeds.url('/feed.xml'), 'Thời sự');
  expect(await seriousViolations(page)).toEqual([]);

  const tree = page.locator('nr-source-tree');
  await tree.getByRole('button', { name: `Cài đặt nguồn ${FEED_TITLE}` }).focus();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Cài đặt nguồn' });
  await expect(settings.getByLabel('Tên')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(tree.getByRole('button', { name: `Cài đặt nguồn ${FEED_TITLE}` })).toBeFocused();

  await tree.getByRole('button', { name: 'Thêm nguồn / lưu trang' }).focus();
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: 'Thêm nguồn / lưu trang' });
  await expect(add.getByLabel('Địa chỉ nguồn tin hoặc trang web')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  // The same in English.
  await app.call('settings.update', { patch: { locale: 'en' } });
  await page.reload();
  await expect(tree.getByRole('heading', { name: 'Subscriptions' })).toBeVisible();
  await expect(tree.locator('li.folder[data-folder="Thời sự"] .folder-head .count')).toHaveAttribute('aria-label', '2 unread');
  await tree.getByRole('button', { name: `Settings of source ${FEED_TITLE}` }).click();
  const english = page.getByRole('dialog', { name: 'Source settings' });
  await expect(english.getByRole('button', { name: 'Refresh now' })).toBeVisible();
  await expect(english.getByText('Last successful refresh')).toBeVisible();
});

test('a folder’s retention is set from its ⚙ in the source tree, and a source’s photos from its settings', async ({ app, feeds, page }) => {
  feeds.items = [item(1), item(2)];
  await page.goto(app.url);
  await subscribe(page, feeds.url('/feed.xml'), 'Thời sự');
  const tree = page.locator('nr-source-tree');

  const gear = tree.getByRole('button', { name: 'Cài đặt thư mục Thời sự' });
  await expect(gear).toHaveAttribute('title', 'Giữ bài mãi mãi');
  await gear.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Cài đặt thư mục Thời sự' });
  await expect(dialog.getByLabel('Giữ bài của các nguồn trong thư mục')).toBeFocused();
  await expect(dialog).toContainText('1 trong 1 nguồn theo cài đặt này');
  await dialog.getByLabel('Giữ bài của các nguồn trong thư mục').selectOption('days');
  await dialog.getByLabel(/^Số ngày giữ/).fill('0');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Số ngày là một số nguyên từ 1 đến 3650.');
  await dialog.getByLabel(/^Số ngày giữ/).fill('14');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(gear).toBeFocused();
  await expect(gear).toHaveAttribute('title', 'Giữ bài 14 ngày');
  expect(await app.call('sources.folders', {})).toEqual([{ folder: 'Thời sự', keepDays: 14, sources: 1, unreadCount: 2 }]);
  expect((await app.call('sources.list', {}))[0]).toMatchObject({ keepDays: null, retentionDays: 14 });

  // Opened again it shows what is set; back to forever.
  await gear.click();
  await expect(dialog.getByLabel(/^Số ngày giữ/)).toHaveValue('14');
  await dialog.getByLabel('Giữ bài của các nguồn trong thư mục').selectOption('forever');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(gear).toHaveAttribute('title', 'Giữ bài mãi mãi');
  expect((await app.call('sources.folders', {}))[0]!.keepDays).toBeNull();

  // The source's own photos switch.
  await tree.getByRole('button', { name: `Cài đặt nguồn ${FEED_TITLE}` }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt nguồn' });
  await expect(settings.getByLabel('Ảnh trong bài')).toHaveValue('library');
  await settings.getByLabel('Ảnh trong bài').selectOption('off');
  await settings.getByRole('button', { name: 'Lưu' }).click();
  await expect(settings).toBeHidden();
  await expect.poll(async () => (await app.call('sources.list', {}))[0]!.photos).toBe(false);
});
