import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraft } from '../../../importers/article-draft.ts';
import type { ParsedItem } from '../../../importers/import-types.ts';
import { Library } from '../../../library/index.ts';
import type { ArticleDraft } from '../../../library/model.ts';
import { SourceStore, type SourceRecord } from '../../../library/source-store.ts';
import { ChangeCoalescer } from '../../../sources/change-coalescer.ts';
import { CommitQueue, type BatchRunner } from '../../../sources/commit-queue.ts';
import { HostLimiter, ITEMS_AT_ONCE, refreshSource, type Prefetched, type RefreshDependencies } from '../../../sources/index.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';

// How a refresh moves its items along: several of a source at once, none waiting for a slow one, and
// written in batches that every refreshing source shares (one library change per batch).

let folder: { dir: string; remove: () => void };
let library: Library;
let store: SourceStore;
/** The library's change notices, as the app forwards them to every window (`library.changed`). */
let notices: string[][];

beforeEach(() => {
  folder = temporaryFolder();
  library = Library.open(folder.dir);
  store = new SourceStore(library.db);
  notices = [];
  library.onChange((change) => notices.push(change.changed));
});

afterEach(() => {
  library.close();
  folder.remove();
});

function feedItem(source: number, n: number): ParsedItem {
  const draft = createDraft({
    title: `Tin ${source}-${n}`,
    url: `https://bao${source}.example.vn/tin/${n}`,
    origin: `https://bao${source}.example.vn/rss`,
    pieces: [{ kind: 'paragraph', text: `Tóm tắt tin số ${n} của báo ${source}…` }],
  });
  return { kind: 'draft', draft, guid: `bao${source}-${n}` };
}

function subscribe(source: number): { record: SourceRecord; prefetched: Prefetched } {
  const url = `https://bao${source}.example.vn/rss`;
  const record = store.add({ url, title: `Báo ${source}`, fullText: 'always', nextRefreshAt: new Date().toISOString() });
  return { record, prefetched: { fetched: { kind: 'feed', input: { name: 'rss', bytes: new Uint8Array(1), origin: url }, validators: { etag: '"v1"', lastModified: null } }, items: [] } };
}

/** Full text that waits until the test lets it go, counting how many pages are fetched at once. */
function gatedFullText() {
  const waiting: { draft: ArticleDraft; release: () => void }[] = [];
  const state = { running: 0, most: 0, open: false };
  const fullText = async (draft: ArticleDraft): Promise<ArticleDraft> => {
    state.running++;
    state.most = Math.max(state.most, state.running);
    if (!state.open) await new Promise<void>((release) => waiting.push({ draft, release }));
    state.running--;
    return { ...draft, body: `${draft.body} Toàn văn của bài, dài hơn bản tóm tắt trong nguồn tin.` };
  };
  return { fullText, waiting, state };
}

function deps(commits: CommitQueue, fullText: RefreshDependencies['fullText']): RefreshDependencies {
  return {
    limiter: new HostLimiter(),
    fetch: { userAgent: 'NewsroomReader/test' },
    fullText,
    commits,
    writer: {
      recordOutcome: (id, outcome) => store.recordOutcome(id, outcome),
      knownItem: (sourceId, key) => store.knownItem(sourceId, key),
      rememberItem: (sourceId, key, articleId, hash, failed) => store.rememberItem(sourceId, key, articleId, hash, failed),
      addArticle: (draft) => library.addArticle(draft),
      updateArticle: (id, draft) => library.updateArticle(id, draft),
      importBatch: (work) => library.importBatch(work),
    },
  };
}

// These check how items are grouped; the batches' time budget (which depends on the machine's load) is
// turned off here and checked with a test's clock in 'CommitQueue' below.
describe('a source refresh', () => {
  it(`works on up to ${ITEMS_AT_ONCE} items of a source at once, and writes those that finish together in one batch`, async () => {
    const { record, prefetched } = subscribe(1);
    prefetched.items = Array.from({ length: ITEMS_AT_ONCE + 4 }, (_, n) => feedItem(1, n));
    const gate = gatedFullText();
    const refresh = refreshSource(record, deps(new CommitQueue((work) => library.importBatch(work), { delayMs: 0, budgetMs: Infinity }), gate.fullText), undefined, prefetched);
    await vi.waitFor(() => expect(gate.waiting).toHaveLength(ITEMS_AT_ONCE));
    // The limit holds: the other four wait for a lane.
    expect(gate.state.most).toBe(ITEMS_AT_ONCE);
    expect(notices).toEqual([]);
    gate.state.open = true;
    for (const entry of gate.waiting.splice(0)) entry.release();
    const result = await refresh;
    expect(result).toMatchObject({ status: 'refreshed', imported: ITEMS_AT_ONCE + 4, fullTextFetched: ITEMS_AT_ONCE + 4, failedItems: 0 });
    // The eight released together are one transaction and one notice; the last four come after.
    expect(notices[0]).toHaveLength(ITEMS_AT_ONCE);
    expect(notices.flat()).toHaveLength(ITEMS_AT_ONCE + 4);
    expect(notices.length).toBeLessThan(ITEMS_AT_ONCE + 4);
    expect(library.list({ view: 'all', limit: 100 }).total).toBe(ITEMS_AT_ONCE + 4);
  });

  it('does not hold its other items back behind one slow page', async () => {
    const { record, prefetched } = subscribe(1);
    prefetched.items = [feedItem(1, 0), feedItem(1, 1), feedItem(1, 2)];
    const gate = gatedFullText();
    const refresh = refreshSource(record, deps(new CommitQueue((work) => library.importBatch(work), { delayMs: 0, budgetMs: Infinity }), gate.fullText), undefined, prefetched);
    await vi.waitFor(() => expect(gate.waiting).toHaveLength(3));
    // Items 1 and 2 are let go; item 0's page is still loading.
    gate.waiting[1]!.release();
    gate.waiting[2]!.release();
    await vi.waitFor(() => expect(notices.flat()).toHaveLength(2));
    expect(store.knownItem(record.id, 'guid:bao1-1')?.articleId).toBeTruthy();
    expect(store.knownItem(record.id, 'guid:bao1-2')?.articleId).toBeTruthy();
    expect(store.knownItem(record.id, 'guid:bao1-0')).toBeUndefined();
    // The validators wait for the last item: a refresh stopped now would fetch the whole feed again.
    expect(store.get(record.id)?.etag).toBeNull();
    gate.waiting[0]!.release();
    expect(await refresh).toMatchObject({ status: 'refreshed', imported: 3 });
    expect(store.get(record.id)?.etag).toBe('"v1"');
  });

  it('shares its batches with the other sources refreshing at the same time', async () => {
    const commits = new CommitQueue((work) => library.importBatch(work), { delayMs: 0, budgetMs: Infinity });
    const gate = gatedFullText();
    const refreshes = [1, 2, 3].map((n) => {
      const { record, prefetched } = subscribe(n);
      prefetched.items = [feedItem(n, 0), feedItem(n, 1)];
      return refreshSource(record, deps(commits, gate.fullText), undefined, prefetched);
    });
    await vi.waitFor(() => expect(gate.waiting).toHaveLength(6));
    for (const entry of gate.waiting.splice(0)) entry.release();
    const results = await Promise.all(refreshes);
    expect(results.map((result) => result.imported)).toEqual([2, 2, 2]);
    // Six articles of three sources, one transaction, one notice.
    expect(notices).toHaveLength(1);
    expect(notices[0]).toHaveLength(6);
  });
});

/** A batch runner that runs each batch as it comes and records how many writes it held. */
function countingRunner(batches: number[], onBatch?: (writes: number) => void): BatchRunner {
  return (work) => {
    let writes = 0;
    const result = work((write) => {
      writes++;
      return write();
    });
    batches.push(writes);
    onBatch?.(writes);
    return result;
  };
}

describe('CommitQueue', () => {
  it('writes at most maxItems per transaction, and a write that fails fails alone', async () => {
    const batches: number[] = [];
    const queue = new CommitQueue(countingRunner(batches), { maxItems: 4, delayMs: 0, budgetMs: Infinity });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        queue.add(() => {
          if (n === 5) throw new Error('unusable article');
          return n;
        }),
      ),
    );
    expect(batches).toEqual([4, 4, 2]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed'))).toEqual([0, 1, 2, 3, 4, 'failed', 6, 7, 8, 9]);
  });

  it('cuts a batch short once its writes have taken its time budget, and writes the rest on later turns with other work in between', async () => {
    let clock = 0;
    const batches: number[] = [];
    const order: string[] = [];
    const queue = new CommitQueue(countingRunner(batches, (writes) => order.push(`batch of ${writes}`)), { maxItems: 25, delayMs: 0, budgetMs: 20, now: () => clock });
    const writes = Array.from({ length: 10 }, (_, n) =>
      queue.add(() => {
        // Each article takes 8 ms of the thread (a loaded machine): three fit in a 20 ms budget.
        clock += 8;
        return n;
      }),
    );
    // A reader's command arriving while the backlog is written gets a turn between two batches.
    setImmediate(() => setImmediate(() => order.push('command')));
    expect(await Promise.all(writes)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches).toEqual([3, 3, 3, 1]);
    expect(order.indexOf('command')).toBeGreaterThan(0);
    expect(order.indexOf('command')).toBeLessThan(order.length - 1);
    expect(queue.pending).toBe(0);
  });

  it('writes at least one item per batch, however slow', async () => {
    let clock = 0;
    const batches: number[] = [];
    const queue = new CommitQueue(countingRunner(batches), { delayMs: 0, budgetMs: 20, now: () => clock });
    await Promise.all([1, 2, 3].map((n) => queue.add(() => ((clock += 500), n))));
    expect(batches).toEqual([1, 1, 1]);
  });

  it('fails every write of a batch the library could not commit (nothing of it was written)', async () => {
    const full = Object.assign(new Error('database or disk is full'), { errcode: 13 });
    const queue = new CommitQueue(() => {
      throw full;
    });
    const outcomes = await Promise.allSettled([queue.add(() => 1), queue.add(() => 2)]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: full },
      { status: 'rejected', reason: full },
    ]);
    expect(queue.pending).toBe(0);
  });
});

describe('CommitQueue waiting for company', () => {
  it('waits for items still under way, and writes as soon as none is left that could join', async () => {
    const written: number[] = [];
    const queue = new CommitQueue((work) => work((write) => write()), { delayMs: 60_000 });
    queue.expect();
    queue.expect();
    const first = queue.add(() => written.push(1));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    // The other item may still come: the batch waits (here up to a minute).
    expect(written).toEqual([]);
    queue.skip();
    await first;
    expect(written).toEqual([1]);
  });
});

describe('ChangeCoalescer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells refresh news once for many sources, and the reader’s own change at once with what was waiting', () => {
    vi.useFakeTimers();
    const told: string[][] = [];
    const changes = new ChangeCoalescer((ids) => told.push(ids), 250);
    for (const id of ['a', 'b', 'c', 'a']) changes.later([id]);
    expect(told).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(told).toEqual([['a', 'b', 'c']]);
    changes.later(['d']);
    changes.now(['e']);
    expect(told).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    vi.advanceTimersByTime(1000);
    expect(told).toHaveLength(2);
  });
});
