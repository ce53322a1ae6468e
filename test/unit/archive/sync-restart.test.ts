// PostgreSQL restarts in the middle of a push and of a pull: what was committed stays, the next
// attempt finishes the job with nothing twice and nothing missing, and live updates come back.
import { describe, expect, it } from 'vitest';
import { describeArchiveError } from '../../../archive/archive-connection.ts';
import { listenForChanges, pullChanges, pushOutbox, type ArchiveLocalStore } from '../../../archive/archive-sync.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { draft, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

/** The store, with `hook` run once when `method` is first called (after the call itself). */
function onFirst<K extends keyof ArchiveLocalStore>(local: ArchiveLocalStore, method: K, hook: () => void): ArchiveLocalStore {
  let done = false;
  return new Proxy(local, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (property !== method) return bound;
      return (...args: unknown[]) => {
        const result = bound(...args);
        if (!done) {
          done = true;
          hook();
        }
        return result;
      };
    },
  });
}

/** Runs `work` again after failures that only say the archive went away, as the archive service does. */
async function retryWhileUnreachable<T>(work: () => Promise<T>): Promise<{ result: T; failures: string[] }> {
  const failures: string[] = [];
  for (;;) {
    try {
      return { result: await work(), failures };
    } catch (error) {
      const problem = describeArchiveError(error);
      if (problem.kind !== 'archive.unreachable' || failures.length >= 5) throw error;
      failures.push(problem.kind);
    }
  }
}

describe.skipIf(unavailable)('PostgreSQL restarting mid-sync', () => {
  const harness = useSyncHarness();

  it('recovers a push, a pull and the live listener', { timeout: 120_000 }, async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    for (let n = 0; n < 20; n++) {
      const { id } = alice.library.addArticle(draft({ title: `Bài ${n}`, body: `Tin số ${n}: đàm phán ở Doha.`, url: `https://vnexpress.net/doha-${n}.html` }));
      const mark = alice.library.annotations.create({ articleId: id, start: 0, end: 6, note: `Kiểm chứng ${n}` });
      alice.local.shareAnnotations([mark.id], 'thoi-su');
    }

    const liveStates: boolean[] = [];
    let relive!: () => void;
    const backLive = new Promise<void>((resolve) => (relive = resolve));
    let firstLive!: () => void;
    const live = new Promise<void>((resolve) => (firstLive = resolve));
    const listener = listenForChanges(harness.url('bob', database), undefined, () => undefined, {
      minDelayMs: 100,
      maxDelayMs: 1000,
      onLive: (state) => {
        liveStates.push(state);
        if (state && liveStates.length === 1) firstLive();
        if (state && liveStates.length > 1) relive();
      },
    });
    try {
      await live;
      // The server goes down and comes back right after the first batch is committed and acknowledged.
      const restartingAlice = onFirst(alice.local, 'acknowledge', () => harness.cluster().restart());
      const push = await retryWhileUnreachable(() => pushOutbox(alice.db, restartingAlice, { batchSize: 8 }));
      expect(push.failures.length).toBeLessThanOrEqual(1); // the pooled session the restart killed, at most
      expect(alice.local.pendingCount()).toBe(0);
      expect(push.result.failed).toEqual([]);
      expect(harness.cluster().psql(`SELECT count(*) || ',' || count(DISTINCT content_hash) FROM articles`, database).trim()).toBe('20,20');
      expect(harness.cluster().psql('SELECT count(*) FROM annotations', database).trim()).toBe('20');

      await backLive;
      expect(liveStates).toEqual([true, false, true]);

      // And again while bob pulls, after his first page is written.
      const restartingBob = onFirst(bob.local, 'applyPull', () => harness.cluster().restart());
      const pull = await retryWhileUnreachable(() => pullChanges(bob.db, restartingBob, { pageSize: 10 }));
      expect(pull.failures.length).toBeLessThanOrEqual(1);
      expect(bob.library.list({ limit: 100 }).total).toBe(20);
      expect(bob.library.annotations.list({}).map((a) => a.note).sort()).toEqual(
        Array.from({ length: 20 }, (_, n) => `Kiểm chứng ${n}`).sort(),
      );
      // Nothing left to pull: the mark reached the archive's newest change.
      const again = await pullChanges(bob.db, bob.local);
      expect(again).toMatchObject({ articles: 0, annotations: 0 });
      expect(bob.local.link()!.pullSeq).toBe(Number(harness.cluster().psql('SELECT last_value FROM change_seq', database).trim()));
    } finally {
      await listener.close();
    }
  });
});
