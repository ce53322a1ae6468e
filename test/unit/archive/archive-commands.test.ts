// The archive commands end to end through the hosts' dispatchers, against a throwaway cluster set up
// by the CLI's admin commands: connect (and every way it can fail, in the UI's reason kinds), status,
// push, pull, sharing, the "by me / by desk" filter, live updates, where the password is kept, and
// disconnect refusing while changes wait.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../commands/app-context.ts';
import type { HostServices } from '../../../commands/handlers.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';
import { call, DESK, linkFromRenderer, importText, nextEvent, openLibrary, OTHER_DESK, PASSWORDS, refusal, reporterAddress, setUpArchive, tempDir, writePgpass } from './archive-test-support.ts';

const QUOTE = 'Kiểm chứng';
const ARTICLE = `Đàm phán ngừng bắn ở Gaza\n\nCác bên đã đàm phán suốt đêm. ${QUOTE} lời khai của nhân chứng trước khi đăng.\n`;

describe.skipIf(postgresUnavailableReason())('archive commands through the dispatcher', () => {
  let cluster: PostgresCluster;
  const opened: AppContext[] = [];
  const savedPassfile = process.env.PGPASSFILE;
  const savedPassword = process.env.PGPASSWORD;

  const library = async (...args: Parameters<typeof openLibrary>): Promise<AppContext> => {
    const context = await openLibrary(...args);
    opened.push(context);
    return context;
  };

  beforeAll(async () => {
    Reflect.deleteProperty(process.env, 'PGPASSWORD');
    cluster = await startPostgresCluster();
    // The admin's own password comes from PGPASSFILE, as the CLI's always does; reporters give theirs.
    process.env.PGPASSFILE = writePgpass(cluster, {});
    await setUpArchive(cluster);
  }, 120_000);

  afterAll(async () => {
    for (const context of opened) await context.close();
    cluster?.destroy();
    if (savedPassfile === undefined) Reflect.deleteProperty(process.env, 'PGPASSFILE');
    else process.env.PGPASSFILE = savedPassfile;
    if (savedPassword !== undefined) process.env.PGPASSWORD = savedPassword;
  });

  it('says a library that was never linked is not linked, and refuses to sync it', async () => {
    const context = await library();
    expect(await call(context, 'serve', 'archive.status', {})).toMatchObject({ linked: false, address: null, passwordSource: null });
    expect((await refusal(context, 'serve', 'archive.sync', {})).reason).toEqual({ kind: 'archive.not-linked' });
  });

  it('words every way reaching an archive can fail in the reason kinds the UI translates, and links nothing', async () => {
    const context = await library();
    const probe = (args: object) => refusal(context, 'serve', 'archive.probe', args);
    const connect = (args: object) => refusal(context, 'serve', 'archive.connect', args);
    const closedPort = reporterAddress(cluster, 'lan').replace(`:${cluster.port}/`, ':1/');
    expect((await probe({ address: closedPort, password: PASSWORDS.lan })).reason).toMatchObject({ kind: 'archive.unreachable' });
    expect((await probe({ address: reporterAddress(cluster, 'lan'), password: 'wrong' })).reason).toEqual({ kind: 'archive.auth-failed', user: 'lan' });
    for (const attempt of [probe, connect]) {
      const inAddress = await attempt({ address: `postgres://lan:${PASSWORDS.lan}@127.0.0.1:${cluster.port}/archive` });
      expect(inAddress.reason).toEqual({ kind: 'archive.password-in-address', where: 'session' });
      expect(inAddress.message).not.toContain(PASSWORDS.lan);
    }
    expect((await probe({ address: reporterAddress(cluster, 'lan', 'postgres'), password: PASSWORDS.lan })).reason).toEqual({ kind: 'archive.not-set-up' });
    const khach = await call(context, 'serve', 'archive.probe', { address: reporterAddress(cluster, 'khach'), password: PASSWORDS.khach });
    expect((await connect({ address: reporterAddress(cluster, 'khach'), password: PASSWORDS.khach, defaultDesk: DESK, confirmation: khach.confirmation })).reason).toEqual({
      kind: 'archive.not-on-desk',
      desk: DESK,
    });
    expect((await connect({ address: 'http://example.org/archive' })).code).toBe('invalid-arguments');
    // A renderer never gets PGPASSWORD sent to a server it names: a new archive needs its password.
    process.env.PGPASSWORD = PASSWORDS.lan;
    try {
      expect((await probe({ address: reporterAddress(cluster, 'lan') })).reason).toEqual({ kind: 'archive.no-password', user: 'lan' });
      expect((await connect({ address: reporterAddress(cluster, 'lan') })).reason).toEqual({ kind: 'archive.no-password', user: 'lan' });
    } finally {
      Reflect.deleteProperty(process.env, 'PGPASSWORD');
    }
    expect((await call(context, 'serve', 'archive.status', {})).linked).toBe(false);
  });

  it('links from a renderer only with the confirmation archive.probe gave for that exact address, once', async () => {
    const context = await library();
    const lan = { address: reporterAddress(cluster, 'lan'), password: PASSWORDS.lan };
    const minh = { address: reporterAddress(cluster, 'minh'), password: PASSWORDS.minh };
    const connect = (args: object) => refusal(context, 'serve', 'archive.connect', args);
    // What the confirm step shows: the server, the role, TLS (this cluster has none), the role's desks.
    const preview = await call(context, 'serve', 'archive.probe', lan);
    expect(preview).toMatchObject({ address: lan.address, host: '127.0.0.1', port: cluster.port, database: 'archive', user: 'lan', tls: false, desks: [{ name: DESK, members: ['lan', 'minh'] }] });
    expect(Date.parse(preview.expiresAt)).toBeGreaterThan(Date.now());
    expect((await call(context, 'serve', 'archive.status', {})).linked).toBe(false);
    // Without a confirmation, with one never given, or with one given for another address: refused, nothing linked.
    expect((await connect(lan)).reason).toEqual({ kind: 'archive.link-unconfirmed', why: 'missing' });
    expect((await connect({ ...lan, confirmation: 'made-up-by-the-renderer' })).reason).toEqual({ kind: 'archive.link-unconfirmed', why: 'unknown' });
    const forMinh = await call(context, 'serve', 'archive.probe', minh);
    expect((await connect({ ...lan, confirmation: forMinh.confirmation })).reason).toEqual({ kind: 'archive.link-unconfirmed', why: 'other-address' });
    // A confirmation is used up by the attempt that named it: the one tried for the wrong address is gone too.
    expect((await connect({ ...minh, confirmation: forMinh.confirmation })).reason).toEqual({ kind: 'archive.link-unconfirmed', why: 'unknown' });
    expect((await call(context, 'serve', 'archive.status', {})).linked).toBe(false);
    expect(await call(context, 'serve', 'archive.connect', { ...lan, confirmation: preview.confirmation })).toMatchObject({ linked: true, user: 'lan' });
    // The linked archive again (a new password, a default desk) needs no new confirmation; the CLI never does.
    expect(await call(context, 'serve', 'archive.connect', { ...lan, defaultDesk: DESK })).toMatchObject({ linked: true, defaultDesk: DESK });
    expect((await connect({ ...minh })).reason).toEqual({ kind: 'archive.link-unconfirmed', why: 'missing' });
    expect(await call(context, 'cli', 'archive.connect', minh)).toMatchObject({ linked: true, user: 'minh' });
  });

  it('shares an annotation with a desk: the other reporter pulls it with its author, the reporter outside sees nothing', async () => {
    const lan = await library();
    const minh = await library();
    const khach = await library();
    const linked = await linkFromRenderer(lan, 'serve', { address: reporterAddress(cluster, 'lan'), password: PASSWORDS.lan, defaultDesk: DESK });
    expect(linked).toMatchObject({ linked: true, user: 'lan', reachable: true, defaultDesk: DESK, passwordSource: 'session' });
    expect(linked.address).toBe(reporterAddress(cluster, 'lan'));
    expect(linked.desks).toEqual([{ name: DESK, members: ['lan', 'minh'] }]);
    await linkFromRenderer(minh, 'ipc', { address: reporterAddress(cluster, 'minh'), password: PASSWORDS.minh });
    await linkFromRenderer(khach, 'serve', { address: reporterAddress(cluster, 'khach'), password: PASSWORDS.khach });

    const articleId = await importText(lan, 'dam-phan.txt', ARTICLE);
    const annotation = await call(lan, 'serve', 'annotations.create', { articleId, quote: QUOTE, note: 'Đã gọi điện xác minh' });
    expect((await call(lan, 'serve', 'archive.shareAnnotations', { ids: [annotation.id], desk: DESK })).updated).toBe(1);
    expect((await call(lan, 'serve', 'archive.status', {})).pending).toBeGreaterThan(0);
    const pushed = await call(lan, 'cli', 'archive.push', {});
    expect(pushed.pushed).toMatchObject({ articles: 1, annotations: 1 });
    expect(pushed.status).toMatchObject({ pending: 0, problem: null });
    expect(pushed.status.lastSync).not.toBeNull();

    const changed = nextEvent(minh, 'annotations.changed');
    const pulled = await call(minh, 'cli', 'archive.pull', {});
    expect(pulled.pulled).toMatchObject({ articles: 1, annotations: 1 });
    const [theirs] = await call(minh, 'serve', 'annotations.list', { by: 'desk' });
    expect(theirs).toMatchObject({ id: annotation.id, author: 'lan', desk: DESK, foreign: true, note: 'Đã gọi điện xác minh' });
    expect(theirs!.quote.exact).toBe(QUOTE);
    expect((await changed).articleIds).toEqual([theirs!.articleId]);
    expect(await call(minh, 'serve', 'annotations.list', { by: 'me' })).toEqual([]);
    expect((await call(lan, 'serve', 'annotations.list', { by: 'me' })).map((a) => a.id)).toEqual([annotation.id]);
    // Another reporter's annotation is read-only here.
    expect((await refusal(minh, 'serve', 'archive.shareAnnotations', { ids: [annotation.id], desk: null })).reason).toEqual({ kind: 'archive.foreign-annotation', id: annotation.id });

    const outside = await call(khach, 'cli', 'archive.pull', {});
    expect(outside.pulled).toEqual({ articles: 0, annotations: 0, removed: 0 });
    expect(await call(khach, 'serve', 'annotations.list', {})).toEqual([]);
    expect((await refusal(khach, 'serve', 'archive.setDefaultDesk', { desk: DESK })).reason).toEqual({ kind: 'archive.not-on-desk', desk: DESK });
    expect((await call(khach, 'serve', 'archive.setDefaultDesk', { desk: OTHER_DESK })).defaultDesk).toBe(OTHER_DESK);
  }, 60_000);

  it('brings another reporter’s shared annotation in live (LISTEN/NOTIFY), without a pull command', async () => {
    const lan = await library();
    const minh = await library({ archiveSync: true, archive: { pushDelayMs: 50, retryMinMs: 200 } });
    await linkFromRenderer(lan, 'serve', { address: reporterAddress(cluster, 'lan'), password: PASSWORDS.lan, defaultDesk: DESK });
    const live = nextEvent(minh, 'archive.status', (status) => status.live);
    await linkFromRenderer(minh, 'serve', { address: reporterAddress(cluster, 'minh'), password: PASSWORDS.minh });
    await live;
    const articleId = await importText(lan, 'live.txt', `Tin nóng\n\nPhóng viên ghi nhận: ${QUOTE} tại hiện trường.\n`);
    const annotation = await call(lan, 'serve', 'annotations.create', { articleId, quote: QUOTE });
    await call(lan, 'serve', 'archive.shareAnnotations', { ids: [annotation.id], desk: DESK });
    // The first sync after connecting may still bring the earlier tests' shared marks: wait for this one.
    const arrived = nextEvent(minh, 'annotations.changed', ({ articleIds }) =>
      articleIds.some((id) => minh.library.annotations.forArticle(id).some((mark) => mark.id === annotation.id)),
    );
    const listed = new Set<string>();
    minh.events.onAny((name, payload) => {
      if (name === 'library.changed') for (const id of (payload as { changed: string[] }).changed) listed.add(id);
    });
    await call(lan, 'cli', 'archive.push', {});
    const { articleIds } = await arrived;
    // Lists and search hear of the pulled article the way they hear of an import.
    expect(articleIds.some((id) => listed.has(id))).toBe(true);
    const inReader = await call(minh, 'serve', 'library.open', { id: articleIds.find((id) => listed.has(id))! });
    expect(inReader.annotations.find((a) => a.id === annotation.id)).toMatchObject({ author: 'lan', foreign: true });
  }, 60_000);

  it('refuses to disconnect while changes wait, unless told to discard them; the library keeps its articles', async () => {
    const context = await library();
    await linkFromRenderer(context, 'serve', { address: reporterAddress(cluster, 'lan'), password: PASSWORDS.lan });
    const articleId = await importText(context, 'pending.txt', 'Chưa gửi\n\nBài này chưa được gửi lên kho chung.\n');
    const refused = await refusal(context, 'serve', 'archive.disconnect', {});
    expect(refused.reason).toMatchObject({ kind: 'archive.pending-changes' });
    expect((refused.reason as { pending: number }).pending).toBeGreaterThan(0);
    expect((await call(context, 'serve', 'archive.status', {})).linked).toBe(true);
    const status = await call(context, 'serve', 'archive.disconnect', { discardPending: true });
    expect(status).toMatchObject({ linked: false, pending: 0 });
    expect((await call(context, 'serve', 'library.get', { id: articleId })).id).toBe(articleId);
  });

  it('keeps a desktop password only as the keychain’s blob, and opens it again on the next start', async () => {
    // Electron main's safeStorage stands behind these host services; a reversible stand-in proves the core keeps only what they return.
    const host: HostServices = {
      encryptSecret: async (plain) => Buffer.from([...Buffer.from(plain)].map((byte) => byte ^ 0x5a)).toString('base64'),
      decryptSecret: async (blob) => Buffer.from([...Buffer.from(blob, 'base64')].map((byte) => byte ^ 0x5a)).toString(),
    };
    const libraryDir = tempDir();
    const first = await openLibrary({ libraryDir, host });
    const status = await linkFromRenderer(first, 'ipc', { address: reporterAddress(cluster, 'minh'), password: PASSWORDS.minh });
    expect(status.passwordSource).toBe('keychain');
    await first.close();
    for (const file of readdirSync(libraryDir).filter((name) => name.startsWith('library.sqlite'))) {
      expect(readFileSync(join(libraryDir, file)).includes(PASSWORDS.minh)).toBe(false);
    }
    const again = await library({ libraryDir, host });
    expect((await call(again, 'ipc', 'archive.status', {})).passwordSource).toBe('keychain');
    expect((await call(again, 'ipc', 'archive.sync', {})).status).toMatchObject({ reachable: true, problem: null });
  }, 60_000);

  it('links from the desktop renderer only once the person confirms the address in main’s dialog', async () => {
    const asked: [string, string][] = [];
    let answer = false;
    const host: HostServices = {
      confirmArchiveLink: async (address, user) => {
        asked.push([address, user]);
        return answer;
      },
    };
    const context = await library({ host });
    const address = reporterAddress(cluster, 'minh');
    expect(await linkFromRenderer(context, 'ipc', { address, password: PASSWORDS.minh })).toMatchObject({ linked: false });
    expect(asked).toEqual([[address, 'minh']]);
    answer = true;
    expect(await linkFromRenderer(context, 'ipc', { address, password: PASSWORDS.minh })).toMatchObject({ linked: true, user: 'minh' });
    // Connecting again to the same archive (a new password, a default desk) asks nothing more.
    await call(context, 'ipc', 'archive.connect', { address, password: PASSWORDS.minh, defaultDesk: DESK });
    expect(asked).toHaveLength(2);
  });

  it('forgets a browser’s password with the run: the next start says which password is missing', async () => {
    const libraryDir = tempDir();
    const first = await openLibrary({ libraryDir });
    await linkFromRenderer(first, 'serve', { address: reporterAddress(cluster, 'minh'), password: PASSWORDS.minh });
    await first.close();
    const again = await openLibrary({ libraryDir });
    expect((await call(again, 'serve', 'archive.status', {})).passwordSource).toBe('environment');
    const failed = await refusal(again, 'serve', 'archive.sync', {});
    expect(failed.reason).toEqual({ kind: 'archive.no-password', user: 'minh' });
    const status = await call(again, 'serve', 'archive.status', {});
    expect(status).toMatchObject({ linked: true, reachable: false, problem: { kind: 'archive.no-password', user: 'minh' } });
    expect(status.message).toMatch(/password/i);
    await again.close();
    // The next start shows the last problem, in data and words, before it tries again.
    const third = await library({ libraryDir });
    expect(await call(third, 'serve', 'archive.status', {})).toMatchObject({ problem: status.problem, message: status.message });
  });
});
