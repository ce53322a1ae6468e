import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandArgs, CommandName, CommandResult } from '../../../contract/index.ts';
import type { CommandClient } from '../../../renderer/state/client-port.ts';
import { Notices } from '../../../renderer/state/notices.ts';
import { SourcesModel } from '../../../renderer/state/sources-model.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story, type RssItem } from './feed-server.ts';

// The sidebar's unread badges count articles, not feed items: an article that two sources of one
// folder brought, or that one feed lists under two GUIDs, is one unread article.

const harness = useSourceHarness({ fetchTimeoutMs: 1500, allowRendererLoopback: true });

/** The renderer's client as serve answers it. */
const client: CommandClient = {
  async call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    const outcome = await harness.context.dispatchFor('serve')(name, args);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as CommandResult<N>;
  },
};

let notices: Notices;
let model: SourcesModel;
beforeEach(() => {
  notices = new Notices();
  model = new SourcesModel(client, notices);
});
afterEach(() => notices.dispose());

/** An item with a link (so the same link in two feeds is one article) and a long text (no full-text fetch). */
function item(guid: string, n: number): RssItem {
  return { guid, title: `Tin ${n}`, link: `https://example.vn/tin/${n}`, body: [story(n), story(n + 1), story(n + 2), story(n + 3), story(n + 4)].join(' ') };
}

async function subscribe(path: string, items: RssItem[], folder?: string): Promise<string> {
  harness.server.routes.set(path, conditionalFeed(() => rss(path, items)));
  const added = await harness.call('sources.add', { url: harness.server.url(path), fullText: 'never', ...(folder ? { folder } : {}) });
  if (added.status !== 'added') throw new Error('expected one feed');
  return added.source.id;
}

describe('unread counts', () => {
  it('a folder counts an article two of its sources brought once', async () => {
    await subscribe('/wire-a.xml', [item('a-1', 1), item('a-2', 10)], 'Wire');
    await subscribe('/wire-b.xml', [item('b-1', 1), item('b-3', 20)], 'Wire');
    await model.reload();
    const [wire] = model.folders();
    // Each source has brought two articles, one of them the same: the folder holds three.
    expect(wire!.sources.map((source) => source.unreadCount)).toEqual([2, 2]);
    expect(wire!.unread).toBe(3);
    expect(harness.context.library.counts().unread).toBe(3);
  });

  it('the sources in no folder count a shared article once too', async () => {
    await subscribe('/loose-a.xml', [item('a-1', 1)]);
    await subscribe('/loose-b.xml', [item('b-1', 1)]);
    await model.reload();
    expect(model.folders().map((folder) => [folder.name, folder.unread])).toEqual([[null, 1]]);
  });

  it('a source counts an article its feed lists under two GUIDs once', async () => {
    const id = await subscribe('/twice.xml', [item('x-1', 1), item('x-1-again', 1), item('x-2', 10)], 'Wire');
    const [source] = await harness.call('sources.list', {});
    expect(source!.id).toBe(id);
    expect([source!.articleCount, source!.unreadCount]).toEqual([2, 2]);
    await model.reload();
    expect(model.folders()[0]!.unread).toBe(2);
  });

  it('the folders command gives each folder its unread articles, for serve and ipc as well', async () => {
    await subscribe('/wire-a.xml', [item('a-1', 1), item('a-2', 10)], 'Wire');
    await subscribe('/wire-b.xml', [item('b-1', 1)], 'Wire');
    await subscribe('/loose.xml', [item('c-1', 30)]);
    expect(await client.call('sources.folders', {})).toEqual([
      { folder: 'Wire', keepDays: null, sources: 2, unreadCount: 2 },
      { folder: null, keepDays: null, sources: 1, unreadCount: 1 },
    ]);
  });
});
