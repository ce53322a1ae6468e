import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { SourceInfo } from '../../../contract/index.ts';
import { makePng } from '../photos/photo-fixtures.ts';
import { cli } from '../cli/cli-in-process.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story, type RssItem } from './feed-server.ts';

// A source's own photos switch: on or off whatever the library's downloadPhotos setting says, or
// (null, the default) as that setting says.

const harness = useSourceHarness({ fetchTimeoutMs: 1500 });

/** An item whose text carries a captioned photo served by the test server. */
function item(path: string, n: number): RssItem {
  const image = harness.server.url(`${path}/anh-${n}.png`);
  return { guid: `${path}-${n}`, title: `Tin ảnh ${path} ${n}`, body: `<p>${story(n, ` Nguồn ${path}.`)}</p><figure><img src="${image}" alt="Ảnh ${n}"><figcaption>Chú thích ${n}. Ảnh: TTXVN</figcaption></figure>` };
}

/** A feed at `path` whose items are `count()` photo items; their images are served too. */
function serveFeed(path: string, count: () => number): void {
  harness.server.routes.set(`${path}.xml`, conditionalFeed(() => rss(path, Array.from({ length: count() }, (_, n) => item(path, n)))));
  for (let n = 0; n < 5; n++) {
    harness.server.routes.set(`${path}/anh-${n}.png`, (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(makePng(200, 100, 30 + n)));
  }
}

function photoRequests(path: string): number {
  return harness.server.requests.filter((request) => request.path.startsWith(`${path}/anh-`)).length;
}

async function subscribe(path: string, count: () => number, extra: Record<string, unknown> = {}): Promise<SourceInfo> {
  serveFeed(path, count);
  const added = await harness.call('sources.add', { url: harness.server.url(`${path}.xml`), fullText: 'never', ...extra });
  if (added.status !== 'added') throw new Error('expected one feed');
  expect(added.refresh.status).toBe('refreshed');
  return added.source;
}

describe('per-source photos', () => {
  it('follows the library setting by default; a source switched off keeps its figures without fetching a photo', async () => {
    const kept = await subscribe('/theo-cai-dat', () => 1);
    expect(kept.photos).toBeNull();
    expect(photoRequests('/theo-cai-dat')).toBe(1);

    const off = await subscribe('/tat-anh', () => 1, { photos: false });
    expect(off.photos).toBe(false);
    expect(photoRequests('/tat-anh')).toBe(0);
    expect(harness.context.library.images.refs()).toHaveLength(1);
    // The figure and its caption are still there, without an image.
    const article = harness.context.library.list({ view: 'all', limit: 10 }).items.find((a) => a.title === 'Tin ảnh /tat-anh 0')!;
    const figure = harness.context.library.get(article.id)!.blocks.find((block) => block.kind === 'figure')!.figure!;
    expect([figure.alt, figure.image]).toEqual(['Ảnh 0', null]);
  });

  it('a source switched on keeps photos even when the library setting is off, and switching back follows the setting again', async () => {
    const settings = await harness.context.dispatch('settings.update', { patch: { downloadPhotos: false } });
    expect(settings.ok).toBe(true);
    let count = 1;
    const source = await subscribe('/bat-anh', () => count, { photos: true });
    expect(photoRequests('/bat-anh')).toBe(1);

    const updated = await harness.call('sources.update', { id: source.id, patch: { photos: null } });
    expect(updated.photos).toBeNull();
    count = 2;
    const [refreshed] = await harness.call('sources.refresh', { id: source.id });
    expect(refreshed!.imported).toBe(1);
    // The new item arrived under the library's setting (off): no photo fetched.
    expect(photoRequests('/bat-anh')).toBe(1);
    expect((await harness.call('sources.list', {})).find((s) => s.id === source.id)!.photos).toBeNull();
  });

  it('is refused when not a boolean or null', async () => {
    const source = await subscribe('/sai', () => 1);
    await expect(harness.call('sources.update', { id: source.id, patch: { photos: 'yes' } })).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('is kept across a reopen of the library, and set from the command line with --photos on|off|library', async () => {
    const source = await subscribe('/cli', () => 1);
    const dir = harness.context.library.dir;
    await harness.context.close();
    const run = (...args: string[]) => cli(['--library', dir, ...args]);
    const off = await run('sources', 'set', source.id, '--photos', 'off', '--json');
    expect(off.code, off.err).toBe(0);
    expect((JSON.parse(off.out) as SourceInfo).photos).toBe(false);
    const shown = await run('sources', 'list');
    expect(shown.out).toContain('photos not kept');
    const on = await run('sources', 'set', source.id, '--photos', '--json');
    expect((JSON.parse(on.out) as SourceInfo).photos).toBe(true);
    const back = await run('sources', 'set', source.id, '--photos', 'library', '--json');
    expect((JSON.parse(back.out) as SourceInfo).photos).toBeNull();
    const bad = await run('sources', 'set', source.id, '--photos', 'off', 'on');
    expect(bad.code).toBe(2);
    // The harness closes its context after each test: give it a fresh one on the same folder.
    harness.context = await AppContext.open({ libraryDir: dir, runtime: 'browser', withoutSearch: true });
  });
});
