import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SourceAddResult, SourceFolderInfo, SourceInfo } from '../../../contract/index.ts';
import { conditionalFeed, rss, startFeedServer, story, type FeedServer } from '../sources/feed-server.ts';
import { cli } from './cli-in-process.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/a.xml', conditionalFeed(() => rss('Báo A', [{ guid: 'a', title: 'Tin A', body: story(1) }])));
  server.routes.set('/b.xml', conditionalFeed(() => rss('Báo B', [{ guid: 'b', title: 'Tin B', body: story(2) }])));
});
afterAll(async () => {
  await server.close();
});

it('sources add --full-text and --keep-days, sources set … --full-text MODE / --keep-days, folder retention, folders and prune', async () => {
  const library = await mkdtemp(join(tmpdir(), 'nr-cli-source-settings-'));
  try {
    const run = (...args: string[]) => cli(['--library', library, ...args]);
    const added = await run('sources', 'add', server.url('/a.xml'), '--full-text', '--keep-days', '30', '--folder', 'Wire', '--json');
    expect(added.code, added.err).toBe(0);
    const a = (JSON.parse(added.out) as Extract<SourceAddResult, { status: 'added' }>).source;
    expect(a).toMatchObject({ fullText: 'always', keepDays: 30, retentionDays: 30 });

    const b = await run('sources', 'add', server.url('/b.xml'), '--full-text', 'never', '--folder', 'Wire', '--json');
    const bSource = (JSON.parse(b.out) as Extract<SourceAddResult, { status: 'added' }>).source;
    expect(bSource).toMatchObject({ fullText: 'never', keepDays: null, retentionDays: null });

    const set = await run('sources', 'set', a.id, '--full-text', 'auto', '--keep-days', 'forever', '--json');
    expect(set.code, set.err).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ fullText: 'auto', keepDays: 'forever', retentionDays: null });

    const folder = await run('sources', 'set', '--folder', 'Wire', '--keep-days', '14', '--json');
    expect(folder.code, folder.err).toBe(0);
    expect(JSON.parse(folder.out) as SourceFolderInfo).toEqual({ folder: 'Wire', keepDays: 14, sources: 2, unreadCount: 2 });
    const listed = JSON.parse((await run('sources', 'list', '--json')).out) as SourceInfo[];
    expect(listed.find((s) => s.id === bSource.id)!.retentionDays).toBe(14);
    expect(listed.find((s) => s.id === a.id)!.retentionDays).toBeNull();
    expect((await run('sources', 'list')).out).toContain('kept 14 days (as its folder)');
    expect((await run('sources', 'folders')).out).toContain('Wire  2 sources, 2 unread  kept 14 days');

    const prune = await run('sources', 'prune');
    expect(prune.code, prune.err).toBe(0);
    expect(prune.out).toContain('0 articles past their retention moved to the trash');

    expect((await run('sources', 'set', a.id, '--full-text', 'sometimes')).code).toBe(2);
    expect((await run('sources', 'set', a.id, '--keep-days', 'soon')).code).toBe(2);
    expect((await run('sources', 'set', a.id, '--keep-days', '0')).code).toBe(2);
    expect((await run('sources', 'set', '--folder', 'Wire')).code).toBe(2);
  } finally {
    await rm(library, { recursive: true, force: true });
  }
}, 60_000);
