// The `archive …` command line end to end against a throwaway cluster: the admin's set-up (init,
// desks, reporters), a reporter's connect with the password from PGPASSFILE, push, pull, search with
// and without diacritics, save, share, note history, disconnect; and one-line errors with exit 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, ArchiveSearchResult, ArchiveStatus } from '../../../contract/index.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';
import { adminAddress, cli, DESK, PASSWORDS, reporterAddress, setUpArchive, tempDir, writePgpass } from './archive-test-support.ts';

const ARTICLE = 'Đàm phán thương mại kéo dài\n\nHai bên tiếp tục đàm phán về thuế quan trong tuần tới. Kiểm chứng số liệu trước khi đăng.\n';

describe.skipIf(postgresUnavailableReason())('archive command line', () => {
  let cluster: PostgresCluster;
  const saved = { PGPASSFILE: process.env.PGPASSFILE, PGPASSWORD: process.env.PGPASSWORD };
  const lan = tempDir();
  const minh = tempDir();

  beforeAll(async () => {
    Reflect.deleteProperty(process.env, 'PGPASSWORD');
    cluster = await startPostgresCluster();
    process.env.PGPASSFILE = writePgpass(cluster, { lan: PASSWORDS.lan, minh: PASSWORDS.minh });
    await setUpArchive(cluster);
  }, 120_000);

  afterAll(() => {
    cluster?.destroy();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  });

  it('sets up an archive once: init again changes nothing, and admin errors are one line with exit 2', async () => {
    const again = await cli(['archive', 'init', adminAddress(cluster)]);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toMatch(/schema version \d+ \(it already was\)/);
    const inAddress = await cli(['archive', 'init', `postgres://${cluster.superuser}:${cluster.superuserPassword}@127.0.0.1:${cluster.port}/archive`]);
    expect(inAddress.code).toBe(2);
    expect(inAddress.err).toMatch(/PGPASSFILE/);
    expect(inAddress.err).not.toContain(cluster.superuserPassword);
    expect(inAddress.err.trim().split('\n')).toHaveLength(1);
    const noDesk = await cli(['archive', 'desk', 'add', 'Không có', 'lan', '--url', adminAddress(cluster)]);
    expect(noDesk.code).toBe(2);
    expect(noDesk.err).toMatch(/no desk "Không có"/);
    expect((await cli(['archive', 'desk', 'create', 'X'])).err).toMatch(/--url/);
  });

  it('connects with the password from PGPASSFILE, pushes, and another reporter pulls and finds it without diacritics', async () => {
    const connected = await cli(['archive', 'connect', reporterAddress(cluster, 'lan'), '--desk', DESK], lan);
    expect(connected.code).toBe(0);
    expect(connected.out).toContain('Reporter  lan  (password from PGPASSFILE/PGPASSWORD)');
    expect(connected.out).toContain(`Default   ${DESK}`);
    const file = join(tempDir(), 'dam-phan.txt');
    writeFileSync(file, ARTICLE);
    expect((await cli(['import', file], lan)).code).toBe(0);
    const status = JSON.parse((await cli(['archive', 'status', '--json'], lan)).out) as ArchiveStatus;
    expect(status).toMatchObject({ linked: true, user: 'lan', reachable: true, passwordSource: 'environment' });
    expect(status.pending).toBeGreaterThan(0);
    const pushed = await cli(['archive', 'push'], lan);
    expect(pushed).toMatchObject({ code: 0, err: '' });
    expect(pushed.out).toMatch(/^Pushed 1 articles/);

    expect((await cli(['archive', 'connect', reporterAddress(cluster, 'minh')], minh)).code).toBe(0);
    const pulled = await cli(['archive', 'pull'], minh);
    expect(pulled.out).toMatch(/pulled 1 articles/);
    const found = JSON.parse((await cli(['archive', 'search', 'dam phan', '--json'], minh)).out) as ArchiveSearchResult;
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ title: 'Đàm phán thương mại kéo dài', addedBy: ['lan'], desks: [DESK] });
    // Pulled already: the hit opens the local article.
    const local = JSON.parse((await cli(['list', '--json'], minh)).out) as { items: { id: string }[] };
    expect(found.hits[0]!.localId).toBe(local.items[0]!.id);
  }, 60_000);

  it('saves an archive hit into a library that lacks it, once', async () => {
    const fresh = tempDir();
    expect((await cli(['archive', 'connect', reporterAddress(cluster, 'minh')], fresh)).code).toBe(0);
    const [hit] = (JSON.parse((await cli(['archive', 'search', 'đàm phán', '--json'], fresh)).out) as ArchiveSearchResult).hits;
    expect(hit!.localId).toBeNull();
    const saved = await cli(['archive', 'save', hit!.archiveId], fresh);
    expect(saved.out).toMatch(/^saved {2}\S+/);
    const again = await cli(['archive', 'save', hit!.archiveId], fresh);
    expect(again.out).toMatch(/^already in the library {2}\S+/);
    const shown = await cli(['show', saved.out.trim().split(/\s+/)[1]!], fresh);
    expect(shown.out).toContain('Hai bên tiếp tục đàm phán');
    const missing = await cli(['archive', 'save', '00000000-0000-4000-8000-000000000000'], fresh);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no article 00000000-/);
  }, 60_000);

  it('shares an annotation with the desk, lists its note history, and refuses to disconnect with changes waiting', async () => {
    const list = JSON.parse((await cli(['list', '--json'], lan)).out) as { items: { id: string }[] };
    const made = JSON.parse((await cli(['annotate', list.items[0]!.id, '--quote', 'Kiểm chứng', '--note', 'gọi lại nguồn', '--json'], lan)).out) as Annotation;
    const shared = await cli(['archive', 'share', made.id, '--desk', DESK], lan);
    expect(shared.out.trim()).toBe(`Shared with ${DESK}: 1`);
    expect((await cli(['archive', 'history', made.id], lan)).out).toContain('0 older note texts');
    const refused = await cli(['archive', 'disconnect'], lan);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/wait to be pushed: push them first/);
    expect((await cli(['archive', 'sync'], lan)).code).toBe(0);
    const pulled = await cli(['archive', 'pull'], minh);
    expect(pulled.out).toMatch(/1 annotations/);
    const theirs = JSON.parse((await cli(['annotations', '--by', 'desk', '--json'], minh)).out) as Annotation[];
    expect(theirs).toEqual([expect.objectContaining({ id: made.id, author: 'lan', desk: DESK, foreign: true })]);
    expect((await cli(['annotations', '--by', 'me'], minh)).out.trim()).toBe('0 annotations');
    expect((await cli(['annotations'], minh)).out).toContain(`“Kiểm chứng”  (by lan, ${DESK})`);
    expect((await cli(['archive', 'disconnect'], lan)).out).toMatch(/^Unlinked/);
    expect((await cli(['archive', 'status'], lan)).out).toMatch(/^Not linked/);
  }, 60_000);

  it('words bad input and an unreachable archive in one line with exit 2', async () => {
    const dir = tempDir();
    const inAddress = await cli(['archive', 'connect', `postgres://lan:${PASSWORDS.lan}@127.0.0.1:${cluster.port}/archive`], dir);
    expect(inAddress.code).toBe(2);
    expect(inAddress.err).toMatch(/must not contain the password.*PGPASSFILE/);
    expect(inAddress.err).not.toContain(PASSWORDS.lan);
    const unreachable = await cli(['archive', 'connect', reporterAddress(cluster, 'lan').replace(`:${cluster.port}/`, ':1/')], dir);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/^newsroom-reader: The archive cannot be reached/);
    const noPassword = await cli(['archive', 'connect', reporterAddress(cluster, 'khach')], dir);
    expect(noPassword.err).toMatch(/No password for khach: give one, or set PGPASSWORD or PGPASSFILE/);
    expect((await cli(['archive', 'push'], dir)).err).toMatch(/not linked to an archive/);
    expect((await cli(['archive'], dir)).err).toMatch(/^newsroom-reader: usage: newsroom-reader archive connect URL/);
    expect((await cli(['archive', 'share', 'a1'], dir)).err).toMatch(/--desk D \| --private/);
  }, 60_000);
});
