import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../../contract/index.ts';
import { conditionalFeed, rss, startFeedServer, story, type FeedServer } from '../sources/feed-server.ts';
import { cli } from './cli-in-process.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  const item = (n: number) => ({ guid: `c${n}`, title: `Tin ${n}`, link: `https://example.vn/c/${n}`, body: story(n) });
  server.routes.set('/thoi-su.xml', conditionalFeed(() => rss('Thời sự', [item(1), item(2)])));
  server.routes.set('/kinh-te.xml', conditionalFeed(() => rss('Kinh tế', [item(3)])));
  server.routes.set('/quoc-te.xml', conditionalFeed(() => rss('Quốc tế', [item(4)])));
  server.routes.set('/site', (_request, response) =>
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" title="Kinh tế" href="/kinh-te.xml"><link rel="alternate" type="application/rss+xml" title="Quốc tế" href="/quoc-te.xml"></head><body></body></html>'),
  );
  server.routes.set('/down.xml', (_request, response) => response.writeHead(503, { 'retry-after': '60' }).end());
});
afterAll(async () => {
  await server.close();
});

describe('newsroom-reader sources and opml', () => {
  it('adds, lists, refreshes, changes and removes sources, and round-trips them through OPML', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-sources-'));
    const run = (...args: string[]) => cli(['--library', library, ...args]);

    const added = await run('sources', 'add', server.url('/thoi-su.xml'), '--folder', 'Thời sự', '--interval', '45', '--json');
    expect(added.code, added.err).toBe(0);
    const first = JSON.parse(added.out) as { status: string; source: SourceInfo; refresh: { imported: number } };
    expect(first).toMatchObject({ status: 'added', source: { title: 'Thời sự', folder: 'Thời sự', intervalMinutes: 45 }, refresh: { imported: 2 } });

    const choose = await run('sources', 'add', server.url('/site'));
    expect(choose.code).toBe(2);
    expect(choose.err).toContain('--feed N');
    expect(choose.err).toContain(`2. Quốc tế  ${server.url('/quoc-te.xml')}`);
    const chosen = await run('sources', 'add', server.url('/site'), '--feed', '2', '--folder', 'Quốc tế');
    expect(chosen.code, chosen.err).toBe(0);
    expect(chosen.out).toContain('1 new');

    const listed = JSON.parse((await run('sources', 'list', '--json')).out) as SourceInfo[];
    expect(listed.map((s) => [s.title, s.folder])).toEqual([['Quốc tế', 'Quốc tế'], ['Thời sự', 'Thời sự']]);
    expect((await run('sources', 'list')).out).toContain('2 sources');

    const refreshed = await run('sources', 'refresh', '--all');
    expect(refreshed.code).toBe(0);
    expect(refreshed.out.match(/not modified/g)).toHaveLength(2);
    expect((await run('sources', 'refresh', '--folder', 'Thời sự')).code).toBe(0);

    const set = await run('sources', 'set', first.source.id, '--title', 'Thời sự VN', '--folder', 'Wire', '--pause', '--json');
    expect(JSON.parse(set.out)).toMatchObject({ title: 'Thời sự VN', folder: 'Wire', paused: true });
    expect((await run('sources', 'set', first.source.id, '--pause', '--resume')).code).toBe(2);
    expect((await run('sources', 'set', first.source.id, '--interval', '1')).code).toBe(2);

    const opmlFile = join(library, 'subs.opml');
    expect((await run('opml', 'export', '--out', opmlFile)).out).toContain('Exported 2 sources');
    const other = await mkdtemp(join(tmpdir(), 'nr-cli-sources-'));
    const imported = await cli(['--library', other, 'opml', 'import', opmlFile]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('2 added, 0 already subscribed, 0 problems');
    const again = JSON.parse((await cli(['--library', other, 'sources', 'list', '--json'])).out) as SourceInfo[];
    const shape = (sources: SourceInfo[]) => sources.map(({ url, title, folder }) => ({ url, title, folder }));
    const now = JSON.parse((await run('sources', 'list', '--json')).out) as SourceInfo[];
    expect(shape(again)).toEqual(shape(now));
    expect((await cli(['--library', other, 'opml', 'export'])).out).toContain('xmlUrl');

    const bad = join(library, 'bad.opml');
    await writeFile(bad, '<opml version="2.0"><body>\n<outline text="Hỏng"/>\n<outline text="Down" xmlUrl="' + server.url('/down.xml') + '"/>\n</body></opml>');
    const partial = await run('opml', 'import', bad);
    expect(partial.code).toBe(1);
    expect(partial.err).toContain(`${bad}:2: outline "Hỏng" has no xmlUrl`);
    const down = (JSON.parse((await run('sources', 'list', '--json')).out) as SourceInfo[]).find((s) => s.title === 'Down')!;
    const failing = await run('sources', 'refresh', down.id);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain('HTTP 503');
    expect((await run('opml', 'import', join(library, 'nope.opml'))).code).toBe(2);

    expect((await run('sources', 'remove', first.source.id)).err).toContain('--keep-articles or --trash-articles');
    const removed = await run('sources', 'remove', first.source.id, '--trash-articles');
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('2 moved to the trash');
    expect((await run('sources', 'refresh', first.source.id)).code).toBe(2);
  }, 90_000);
});
