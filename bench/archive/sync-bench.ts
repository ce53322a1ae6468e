// The sync half of `npm run bench -- archive`: a pull of N changes into an empty library and a push of
// M annotations, through the same pullChanges/pushOutbox the app's background sync runs, against a
// throwaway cluster's archive. The articles are restored first (the search half's restore), so only
// sync is timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMember, createDesk } from '../../archive/archive-admin.ts';
import { openArchiveDb } from '../../archive/archive-connection.ts';
import { migrateArchive } from '../../archive/archive-migrations.ts';
import { pullChanges } from '../../archive/archive-pull.ts';
import { pushOutbox } from '../../archive/archive-push.ts';
import { Library } from '../../library/index.ts';
import type { PostgresCluster } from '../postgres-cluster.ts';
import { formatMs, loadLine, table } from '../measure.ts';
import type { GeneratedArticle } from '../vietnamese-corpus.ts';

const TARGET_PULL_PER_SECOND = 2_000;

export interface SyncBenchOptions {
  cluster: PostgresCluster;
  articles: readonly GeneratedArticle[];
  annotations: number;
  desk: string;
  writer: string;
  reader: string;
  password: string;
  restore: (admin: Awaited<ReturnType<typeof openArchiveDb>>, address: string, articles: readonly GeneratedArticle[]) => Promise<unknown>;
  log: (line: string) => void;
}

export async function runSyncBench(options: SyncBenchOptions): Promise<void> {
  const { cluster, log } = options;
  cluster.psql('DROP DATABASE IF EXISTS archive_sync');
  cluster.psql(`CREATE DATABASE archive_sync ENCODING 'UTF8'`);
  const address = (role?: string, password?: string): string => cluster.url(role, password, 'archive_sync');
  const admin = await openArchiveDb({ address: address(), statementTimeoutMs: 0 });
  await admin.withClient(async (client) => {
    await migrateArchive(client);
    await createDesk(client, options.desk);
    await addMember(client, options.desk, options.writer, options.password);
    await addMember(client, options.desk, options.reader, options.password);
  });
  await options.restore(admin, address(), options.articles);
  await admin.query('VACUUM ANALYZE');
  await admin.close();

  const folder = mkdtempSync(join(tmpdir(), 'nr-bench-sync-'));
  const library = Library.open(folder);
  const db = await openArchiveDb({ address: address(options.reader), password: options.password, statementTimeoutMs: 0 });
  try {
    library.archive.linkTo({ address: address(options.reader, ''), user: options.reader, defaultDesk: null });
    // The local write of each page timed apart from the whole: the rest is reading the archive.
    let writeMs = 0;
    const store = library.archive;
    // A proxy whose methods run on the store itself (its private fields), applyPull timed.
    const timedStore = new Proxy(store, {
      get(target, key) {
        if (key === 'applyPull') {
          return (...args: Parameters<typeof store.applyPull>) => {
            const started = performance.now();
            try {
              return target.applyPull(...args);
            } finally {
              writeMs += performance.now() - started;
            }
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const pullCpu = process.cpuUsage();
    const pullStarted = performance.now();
    const pulled = await pullChanges(db, timedStore);
    const pullMs = performance.now() - pullStarted;
    const { user, system } = process.cpuUsage(pullCpu);
    if (pulled.articles !== options.articles.length) throw new Error(`pulled ${pulled.articles} articles of ${options.articles.length} (${pulled.skipped} skipped)`);

    const ids = pulled.addedArticles.slice(0, options.annotations);
    for (let i = 0; i < options.annotations; i++) {
      library.annotations.create({ articleId: ids[i % ids.length]!, start: 0, end: 5, color: 'yellow', note: `Kiểm chứng ${i}` });
    }
    const pushStarted = performance.now();
    const pushed = await pushOutbox(db, library.archive);
    const pushMs = performance.now() - pushStarted;
    if (pushed.annotations !== options.annotations || pushed.failed.length) throw new Error(`pushed ${pushed.annotations} annotations, ${pushed.failed.length} refused`);

    const pullRate = Math.round(pulled.articles / (pullMs / 1000));
    table(
      log,
      ['sync (through pullChanges/pushOutbox)', 'count', 'time', 'rate', `target`],
      [
        ['pull into an empty library', `${pulled.articles.toLocaleString('en')} articles`, formatMs(pullMs), `${pullRate.toLocaleString('en')} articles/s`, `≥ ${TARGET_PULL_PER_SECOND.toLocaleString('en')}/s: ${pullRate >= TARGET_PULL_PER_SECOND ? 'yes' : 'NO'}`],
        ['push of new annotations', `${pushed.annotations.toLocaleString('en')} annotations`, formatMs(pushMs), `${Math.round(pushed.annotations / (pushMs / 1000)).toLocaleString('en')} annotations/s`, '—'],
      ],
    );
    log(`Of the pull: ${formatMs(writeMs)} writing pages into the library (SQLite), ${formatMs(pullMs - writeMs)} reading them from the archive; this process used ${formatMs((user + system) / 1000)} of CPU in all (the rest is waiting: for PostgreSQL, the disk, or a core).`);
    log(`Synced under: ${loadLine()}. The pull writes each page of 2,000 changes in one SQLite transaction (articles, their search changes) as a reporter on the desk; the push sends batches of 200 outbox entries, one archive transaction each.`);
  } finally {
    await db.close();
    library.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
