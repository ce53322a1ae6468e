import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { addMember, createDesk } from '../../archive/archive-admin.ts';
import { openArchiveDb } from '../../archive/archive-connection.ts';
import { migrateArchive } from '../../archive/archive-migrations.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../bench/postgres-cluster.ts';
import { expect, startServedApp, test, type ServedApp } from './fixtures/app.ts';

// Issue 18 end to end: one throwaway PostgreSQL cluster, three `serve` processes with their own
// libraries. lan and minh are reporters on the desk "Thời sự"; khach is a reporter on another desk.
// lan's annotation shared with the desk appears in minh's reader, with its author, without a reload;
// khach sees nothing of it; the archive search finds "đàm phán" from "dam phan"; connect errors are worded.

const DESK = 'Thời sự';
const TITLE = 'Hai bên nối lại đàm phán thương mại';
const PARAGRAPHS = [
  'Các đoàn đại biểu đã nối lại đàm phán về thuế quan sau ba tháng gián đoạn.',
  'Vòng đàm phán tiếp theo dự kiến diễn ra tại Hà Nội vào cuối tháng.',
];
const QUOTE = 'nối lại đàm phán về thuế quan';
const NOTE = 'Kiểm chứng: hỏi lại Bộ Công Thương';
const PASSWORDS = { lan: 'lan-mat-khau', minh: 'minh-mat-khau', khach: 'khach-mat-khau' } as const;
type Reporter = keyof typeof PASSWORDS;

const unavailable = postgresUnavailableReason();
test.skip(unavailable !== null, unavailable ?? '');

let cluster: PostgresCluster;
let seedDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startPostgresCluster();
  cluster.psql('CREATE DATABASE archive');
  const admin = await openArchiveDb({ address: cluster.url(undefined, undefined, 'archive') });
  try {
    await admin.withClient(async (client) => {
      await migrateArchive(client);
      await createDesk(client, DESK);
      await createDesk(client, 'Kinh tế');
      await addMember(client, DESK, 'lan', PASSWORDS.lan);
      await addMember(client, DESK, 'minh', PASSWORDS.minh);
      await addMember(client, 'Kinh tế', 'khach', PASSWORDS.khach);
    });
  } finally {
    await admin.close();
  }
  seedDir = await mkdtemp(join(tmpdir(), 'nr-e2e-archive-'));
  await writeFile(join(seedDir, 'dam-phan.txt'), [TITLE, ...PARAGRAPHS].join('  '), 'utf8');
});

test.afterAll(async () => {
  cluster?.destroy();
  if (seedDir) await rm(seedDir, { recursive: true, force: true });
});

/** The archive's address for a reporter: never with the password in it (the host refuses that). */
const address = (role: string, port = cluster.port): string => `postgres://${role}@127.0.0.1:${port}/archive`;

async function openApp(browser: Browser, app: ServedApp): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(app.url);
  return page;
}

async function openSettings(page: Page) {
  await page.locator('nr-sidebar').getByRole('button', { name: 'Cài đặt' }).click();
  const archive = page.getByRole('dialog', { name: 'Cài đặt' }).locator('nr-archive-settings');
  await expect(archive.getByRole('heading', { name: 'Kho chung' })).toBeVisible();
  return archive;
}

test('two reporters on one desk share an annotation live, a third outside sees nothing, archive search and connect errors in words', async ({ browser }) => {
  test.setTimeout(240_000);
  const started = await Promise.all((['lan', 'minh', 'khach'] as const).map(() => startServedApp()));
  const [lan, minh, khach] = started.map((s) => s.app) as [ServedApp, ServedApp, ServedApp];
  try {
    // 1. lan connects in Settings; a wrong password and an unreachable server are said in words.
    const lanPage = await openApp(browser, lan);
    const settings = await openSettings(lanPage);
    const connect = async (role: Reporter, password: string, port?: number) => {
      await settings.getByLabel('Địa chỉ kho chung').fill(address(role, port));
      await settings.getByLabel('Mật khẩu', { exact: true }).fill(password);
      await settings.getByRole('button', { name: 'Kết nối', exact: true }).click();
    };
    await connect('lan', 'sai-mat-khau');
    await expect(settings.getByRole('alert')).toHaveText('Kho chung từ chối đăng nhập của lan: sai mật khẩu hoặc tài khoản không tồn tại.');
    const closedPort = cluster.port === 1 ? 2 : 1;
    await connect('lan', PASSWORDS.lan, closedPort);
    await expect(settings.getByRole('alert')).toContainText('Không kết nối được tới kho chung');
    // Before linking, Settings show what the address reaches and wait for a yes; "Huỷ" links nothing.
    await connect('lan', PASSWORDS.lan);
    const question = settings.getByRole('group', { name: `Liên kết thư viện này với kho chung tại 127.0.0.1:${cluster.port} với tên lan?` });
    await expect(question).toBeVisible();
    await expect(question.locator('dd.database')).toHaveText('archive');
    await expect(question.locator('dd.user')).toHaveText('lan');
    await expect(question.locator('dd.tls')).toHaveText('Không: dữ liệu đi qua mạng không được mã hoá');
    await expect(question.locator('dd.desks')).toHaveText(`${DESK}: lan, minh`);
    await question.getByRole('button', { name: 'Huỷ' }).click();
    await expect(question).toHaveCount(0);
    expect((await lan.call('archive.status', {})).linked).toBe(false);
    await settings.getByRole('button', { name: 'Kết nối', exact: true }).click();
    await question.getByRole('button', { name: 'Liên kết', exact: true }).click();
    await expect(settings.locator('dd.state')).toContainText('Đã kết nối');
    await expect(settings.getByRole('alert')).toHaveCount(0);
    await settings.getByLabel('Ban mặc định cho bài mới').selectOption(DESK);
    await expect(async () => expect((await lan.call('archive.status', {})).defaultDesk).toBe(DESK)).toPass();
    await expect(settings.locator('.desks')).toContainText('minh');
    await settings.page().keyboard.press('Escape');
    await expect(lanPage.locator('nr-archive-status')).toContainText('Kho chung: đồng bộ lúc');

    // The host links a browser's library to a new archive only with the confirmation a probe gave.
    const unconfirmed = await minh.post('archive.connect', { address: address('minh'), password: PASSWORDS.minh });
    expect(unconfirmed.body).toMatchObject({ ok: false, error: { reason: { kind: 'archive.link-unconfirmed', why: 'missing' } } });
    // minh and khach link their libraries through the same commands the settings send.
    for (const [app, role] of [[minh, 'minh'], [khach, 'khach']] as const) {
      const { confirmation } = await app.call('archive.probe', { address: address(role), password: PASSWORDS[role] });
      const status = await app.call('archive.connect', { address: address(role), password: PASSWORDS[role], confirmation });
      expect(status).toMatchObject({ linked: true, user: role, passwordSource: 'session' });
    }
    const minhPage = await openApp(browser, minh);
    const khachPage = await openApp(browser, khach);

    // 2. lan saves an article: it is shared with the desk and reaches minh's library by itself.
    const report = await lan.seed('seed-archive', [seedDir]);
    expect(report.failed).toEqual([]);
    const articleId = report.imported[0]!.id;
    const minhList = minhPage.locator('nr-article-list').getByRole('listbox').getByRole('option');
    await expect(minhList.filter({ hasText: TITLE })).toHaveCount(1, { timeout: 60_000 });
    await minhList.filter({ hasText: TITLE }).click();
    await expect(minhPage.locator('nr-reader').getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(minhPage.locator('nr-annotation-list')).toHaveCount(0);

    // 3. lan marks a quote "Kiểm chứng" and shares it with the desk from the annotation panel.
    await lan.call('annotations.create', { articleId, quote: QUOTE, color: 'green', note: NOTE });
    await lanPage.locator('nr-article-list').getByRole('listbox').getByRole('option').filter({ hasText: TITLE }).click();
    const lanPanel = lanPage.locator('nr-annotation-list');
    await expect(lanPanel.locator('li')).toHaveCount(1);
    await lanPanel.getByLabel('Chia sẻ với ban').selectOption(DESK);
    await expect(lanPanel.locator('nr-annotation-author')).toHaveText(`Đã chia sẻ với ban ${DESK}`);

    // 4. minh's open reader shows it, with its author, read-only, without a reload.
    const minhPanel = minhPage.locator('nr-annotation-list');
    await expect(minhPanel.locator('li')).toHaveCount(1, { timeout: 60_000 });
    const shared = minhPanel.locator('li').first();
    await expect(shared.locator('.note')).toHaveText(NOTE);
    await expect(shared.locator('nr-annotation-author')).toHaveText(`Của lan · ban ${DESK}`);
    await expect(shared.getByText('Ghi chú của phóng viên khác: chỉ xem, không sửa được ở đây.')).toBeVisible();
    await expect(shared.getByRole('button', { name: 'Sửa ghi chú' })).toHaveCount(0);
    await expect(minhPage.locator('nr-reader').locator('article p').first().locator('.hl')).not.toHaveCount(0);

    // The All annotations view filtered "by desk" holds it; "mine" does not.
    await minhPage.locator('nr-sidebar').getByRole('button', { name: 'Tất cả ghi chú' }).click();
    const all = minhPage.locator('nr-all-annotations');
    await all.getByLabel('Của ai').selectOption('desk');
    await expect(all.getByRole('list', { name: 'Tất cả ghi chú' }).getByText(NOTE)).toBeVisible();
    await all.getByLabel('Của ai').selectOption('me');
    await expect(all.getByText('Không có ghi chú nào khớp bộ lọc.')).toBeVisible();

    // 5. The archive search finds "đàm phán" from "dam phan", labelled and with who added it.
    await minhPage.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('dam phan');
    const archiveResults = minhPage.locator('nr-archive-results');
    await archiveResults.getByLabel('Tìm cả trong kho chung').check();
    const hit = archiveResults.getByRole('list', { name: 'Kết quả trong kho chung' }).locator('li').filter({ hasText: TITLE });
    await expect(hit).toBeVisible();
    await expect(hit.locator('.badge')).toHaveText('Kho chung');
    await expect(hit.locator('mark').first()).toHaveText('đàm phán');
    await expect(hit).toContainText('Thêm bởi: lan');
    await expect(hit.getByRole('button', { name: 'Mở bài trong thư viện' })).toBeVisible();

    // 6. khach, outside the desk, syncs and sees nothing of it: not the article, not the annotation, not in the archive search.
    await khach.call('archive.sync', {});
    expect((await khach.call('annotations.list', {})).length).toBe(0);
    expect((await khach.call('archive.search', { query: 'dam phan' })).hits).toEqual([]);
    await khachPage.reload();
    await expect(khachPage.getByRole('heading', { name: 'Thư viện còn trống' })).toBeVisible();
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
});
