// `npm run bench -- archive`: the shared archive on a throwaway PostgreSQL cluster on this machine.
// Loads N generated articles with COPY (each shared with a desk, as a newsroom's archive is), then
// times archive searches as a reporter on that desk (row-level security included) beside the local
// engine on the same queries; then a pull of 10,000 changes into an empty library and a push of 1,000
// annotations through the sync layer (sync-bench.ts), on an archive of their own.
import { randomUUID, createHash } from 'node:crypto';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { addMember, createDesk } from '../../archive/archive-admin.ts';
import { openArchiveDb, type ArchiveDb } from '../../archive/archive-connection.ts';
import { migrateArchive } from '../../archive/archive-migrations.ts';
import { MAX_RANKED, searchArchive } from '../../archive/archive-search.ts';
import { runSearch } from '../../search/run-search.ts';
import type { SearchDocument } from '../../search/search-document.ts';
import { SearchEngine } from '../../search/search-engine.ts';
import { startPostgresCluster } from '../postgres-cluster.ts';
import { runSyncBench } from './sync-bench.ts';
import { UI_PAGE_SIZE } from '../e2e/in-process.ts';
import { formatMs, loadLine, nearestRank, table } from '../measure.ts';
import { queryClasses } from '../search/index.ts';
import { foldVietnamese } from '../search/peer-fold.ts';
import { generateArticles, seededRandom, syllableModel, type GeneratedArticle } from '../vietnamese-corpus.ts';

const TARGET_P95_MS = 150;
const SYNC_PULL_ARTICLES = 10_000;
const SYNC_PUSH_ANNOTATIONS = 1_000;
const BATCH = 2_000;
const DESK = 'Bàn tin';
const WRITER = 'bench_writer';
const READER = 'bench_reader';
const PASSWORD = 'bench-secret';

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function paragraphBlocks(body: string): string {
  const blocks: { kind: 'paragraph'; start: number; end: number }[] = [];
  let start = 0;
  for (const paragraph of body.split('\n\n')) {
    blocks.push({ kind: 'paragraph', start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return JSON.stringify(blocks);
}

async function copyRows(db: ArchiveDb, sql: string, lines: string[]): Promise<void> {
  await db.withClient(async (client) => {
    await client.query('BEGIN');
    try {
      await pipeline(Readable.from(lines.map((line) => line + '\n')), client.query(copyFrom(sql)));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** Loads the articles as the admin would restore them: rows, their owner, and the desk share. */
export async function loadArchiveArticles(db: ArchiveDb, articles: readonly GeneratedArticle[]): Promise<{ ids: string[]; ms: number }> {
  const ids: string[] = [];
  const started = performance.now();
  for (let first = 0; first < articles.length; first += BATCH) {
    const batch = articles.slice(first, first + BATCH);
    const batchIds = batch.map(() => randomUUID());
    ids.push(...batchIds);
    const rows = batch.map((article, i) => {
      const n = first + i;
      const url = `https://bench.example/${n}`;
      return [
        batchIds[i]!,
        createHash('sha256').update(article.body).digest('hex') + n,
        url,
        article.title,
        null,
        article.source,
        url,
        'vi',
        article.publishedAt,
        article.body,
        paragraphBlocks(article.body),
        WRITER,
      ]
        .map(copyField)
        .join('\t');
    });
    await copyRows(db, 'COPY articles (id, content_hash, url_key, title, author, source, url, language, published_at, body, blocks, added_by) FROM STDIN', rows);
    await copyRows(db, 'COPY article_owners (article_id, owner) FROM STDIN', batchIds.map((id) => `${id}\t${WRITER}`));
    await copyRows(db, 'COPY article_shares (article_id, desk, shared_by) FROM STDIN', batchIds.map((id) => `${id}\t${copyField(DESK)}\t${WRITER}`));
  }
  return { ids, ms: performance.now() - started };
}

/**
 * A restore, as an admin loads an existing archive: rows COPYed into a staging table, then moved by
 * `workers` sessions in parallel with triggers off (session_replication_role = replica: no write lock,
 * no NOTIFY, change numbers drawn directly), each chunk adding its words to the vocabulary. The
 * search vectors are still computed by PostgreSQL, as for any insert.
 */
export async function restoreArchiveArticles(admin: ArchiveDb, address: string, articles: readonly GeneratedArticle[], workers: number): Promise<{ ids: string[]; ms: number }> {
  const started = performance.now();
  await admin.query(`CREATE UNLOGGED TABLE bench_staging (n int PRIMARY KEY, id uuid, content_hash text, url_key text, title text, author text, source text,
    url text, language text, published_at text, body text, blocks jsonb, added_by name)`);
  const ids: string[] = [];
  for (let first = 0; first < articles.length; first += BATCH) {
    const lines = articles.slice(first, first + BATCH).map((article, i) => {
      const n = first + i;
      const id = randomUUID();
      ids.push(id);
      const url = `https://bench.example/${n}`;
      const hash = createHash('sha256').update(article.body).digest('hex') + n;
      return [String(n), id, hash, url, article.title, null, article.source, url, 'vi', article.publishedAt, article.body, paragraphBlocks(article.body), WRITER].map(copyField).join('\t');
    });
    await copyRows(admin, 'COPY bench_staging FROM STDIN', lines);
  }
  const chunks = Math.ceil(articles.length / BATCH);
  let next = 0;
  const worker = async (): Promise<void> => {
    const db = await openArchiveDb({ address, statementTimeoutMs: 0, maxConnections: 1 });
    try {
      for (let chunk = next++; chunk < chunks; chunk = next++) {
        const range = [chunk * BATCH, (chunk + 1) * BATCH];
        await db.transaction(async (client) => {
          await client.query('SET LOCAL session_replication_role = replica');
          await client.query(
            `INSERT INTO articles (id, content_hash, url_key, title, author, source, url, language, published_at, body, blocks, added_by, change_seq)
             SELECT id, content_hash, url_key, title, author, source, url, language, published_at, body, blocks, added_by, nextval('change_seq')
               FROM bench_staging WHERE n >= $1 AND n < $2 ORDER BY n`,
            range,
          );
          await client.query(`INSERT INTO article_owners (article_id, owner) SELECT id, added_by FROM bench_staging WHERE n >= $1 AND n < $2`, range);
          await client.query(
            `INSERT INTO article_shares (article_id, desk, shared_by, change_seq) SELECT id, $3, added_by, nextval('change_seq') FROM bench_staging WHERE n >= $1 AND n < $2`,
            [...range, DESK],
          );
          await client.query(
            `INSERT INTO archive_words (word)
             SELECT DISTINCT w.lexeme FROM bench_staging s JOIN articles a ON a.id = s.id, unnest(ts_filter(a.search, '{b,d}')) w
              WHERE s.n >= $1 AND s.n < $2 AND length(w.lexeme) BETWEEN 2 AND 40 ORDER BY 1
             ON CONFLICT DO NOTHING`,
            range,
          );
        });
      }
    } finally {
      await db.close();
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await admin.query('DROP TABLE bench_staging');
  return { ids, ms: performance.now() - started };
}

type ArchiveQueryClass = '1 word' | '2 words' | '3 words typed without marks' | 'phrase' | 'typo' | 'đ typed as d';

/** The search bench's query classes, plus a typo (a letter doubled) and words with đ typed with d. */
export function archiveQueries(articles: readonly GeneratedArticle[], perClass: number): Map<ArchiveQueryClass, string[]> {
  const base = queryClasses(articles, 7);
  const pick = (name: '1 word' | '2 words' | '3 words typed without marks' | 'phrase'): string[] => base.get(name)!.slice(0, perClass).map((q) => q.typed.trim());
  const random = seededRandom(11);
  const typos: string[] = [];
  const withD: string[] = [];
  for (let tries = 0; (typos.length < perClass || withD.length < perClass) && tries < 100_000; tries++) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const words = article.body.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
    const at = Math.floor(random() * Math.max(1, words.length - 2));
    const pair = words.slice(at, at + 2);
    if (pair.length < 2) continue;
    const longest = pair[0]!.length >= pair[1]!.length ? 0 : 1;
    if (typos.length < perClass && pair[longest]!.length >= 4) {
      const word = foldVietnamese(pair[longest]!);
      const cut = 1 + Math.floor(random() * (word.length - 1));
      const typo = [...pair];
      typo[longest] = word.slice(0, cut) + word[cut - 1] + word.slice(cut);
      typos.push(typo.join(' '));
    }
    if (withD.length < perClass && pair.some((w) => w.startsWith('đ'))) withD.push(foldVietnamese(pair.join(' ')));
  }
  return new Map<ArchiveQueryClass, string[]>([
    ['1 word', pick('1 word')],
    ['2 words', pick('2 words')],
    ['3 words typed without marks', pick('3 words typed without marks')],
    ['phrase', pick('phrase')],
    ['typo', typos],
    ['đ typed as d', withD],
  ]);
}

/** Each query's wall time, after a warm-up on the first five; `run` is told whether the run is measured. */
async function timeEach(queries: readonly string[], run: (query: string, measured: boolean) => Promise<unknown> | unknown): Promise<number[]> {
  for (const query of queries.slice(0, 5)) await run(query, false);
  const samples: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    await run(query, true);
    samples.push(performance.now() - started);
  }
  return samples;
}

export interface ArchiveBenchOptions {
  log: (line: string) => void;
  scales: number[];
  corpusDir?: string;
  local?: boolean;
  loadWorkers?: number;
  restore?: boolean;
  /**
   * `--archive-data-dir DIR`: keep each scale's cluster in DIR/<scale> and, when a later run finds the
   * archive loaded there with the same articles, measure it again without loading (migrating it first
   * if this version's schema is newer).
   */
  dataDir?: string;
  /** `--archive-no-sync`: only load and search (no pull and push on an archive of their own). */
  sync?: boolean;
}

/** What a kept archive says about how it was loaded (scale, seed, corpus), so a later run reuses it only for the same articles. */
const LOADED_TABLE = 'bench_loaded';

async function loadedBefore(admin: ArchiveDb, scale: number, corpus: string): Promise<{ ms: number; rate: number; how: string; at: string } | null> {
  const exists = await admin.query<{ present: boolean }>(`SELECT to_regclass('${LOADED_TABLE}') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return null;
  const { rows } = await admin.query<{ ms: number; how: string; at: Date }>(`SELECT ms, how, at FROM ${LOADED_TABLE} WHERE scale = $1 AND seed = $2 AND corpus = $3`, [scale, ARTICLE_SEED, corpus]);
  const row = rows[0];
  return row ? { ms: row.ms, rate: scale / (row.ms / 1000), how: row.how, at: row.at.toISOString() } : null;
}

const ARTICLE_SEED = 42;

export async function runArchiveBench(options: ArchiveBenchOptions): Promise<void> {
  const { log } = options;
  const model = syllableModel(options.corpusDir);
  for (const scale of options.scales) {
    log(`\n### ${scale.toLocaleString('en')} articles`);
    const cluster = await startPostgresCluster(options.dataDir ? { keepIn: join(options.dataDir, String(scale)) } : {});
    try {
      const address = (role?: string, password?: string): string => cluster.url(role, password, 'archive');
      const articles = [...generateArticles(scale, model, ARTICLE_SEED)];
      const hasArchive = cluster.reused && cluster.psql(`SELECT 1 FROM pg_database WHERE datname = 'archive'`).trim() === '1';
      let admin = hasArchive ? await openArchiveDb({ address: address(), statementTimeoutMs: 0 }) : null;
      const corpus = options.corpusDir ?? 'built-in syllables';
      const earlier = admin ? await loadedBefore(admin, scale, corpus) : null;
      if (earlier && admin) {
        log(`Reused the archive kept in ${cluster.dir}: ${scale.toLocaleString('en')} articles loaded by an earlier run (${earlier.at}, ${earlier.how}, ${Math.round(earlier.rate).toLocaleString('en')} articles/s); not loaded again.`);
        const migrateStarted = performance.now();
        const migrated = await admin.withClient((client) => migrateArchive(client));
        if (migrated.from !== migrated.to) {
          const migrateMs = performance.now() - migrateStarted;
          const analyzeStarted = performance.now();
          await admin.query('VACUUM ANALYZE articles');
          log(
            `Migrated the kept archive from schema step ${migrated.from} to ${migrated.to} in ${formatMs(migrateMs)}, then VACUUM ANALYZE articles in ${formatMs(performance.now() - analyzeStarted)}, under: ${loadLine()}.`,
          );
        }
      } else {
        await admin?.close();
        if (hasArchive) cluster.psql('DROP DATABASE archive');
        cluster.psql(`CREATE DATABASE archive ENCODING 'UTF8'`);
        admin = await openArchiveDb({ address: address(), statementTimeoutMs: 0 });
        await admin.withClient(async (client) => {
          await migrateArchive(client);
          await createDesk(client, DESK);
          await addMember(client, DESK, WRITER, PASSWORD);
          await addMember(client, DESK, READER, PASSWORD);
        });
        // Past 20,000 articles the load is a parallel restore: one COPY stream through the triggers
        // holds the archive's write lock while PostgreSQL computes each search vector, one at a time.
        const restore = options.restore ?? scale > 20_000;
        const loaded = restore ? await restoreArchiveArticles(admin, address(), articles, options.loadWorkers ?? 3) : await loadArchiveArticles(admin, articles);
        const how = restore ? `restore with ${options.loadWorkers ?? 3} sessions (triggers off), search vectors computed by PostgreSQL` : 'COPY through the triggers (write lock, change numbers, NOTIFY, vocabulary)';
        log(`Load: ${how}.`);
        const analyzeStarted = performance.now();
        await admin.query('VACUUM ANALYZE articles');
        await admin.query('VACUUM ANALYZE article_shares');
        await admin.query('VACUUM ANALYZE article_owners');
        const analyzeMs = performance.now() - analyzeStarted;
        table(
          log,
          ['load (COPY, generated search vector, owners, desk shares)', 'rate', 'VACUUM ANALYZE'],
          [[formatMs(loaded.ms), `${Math.round(scale / (loaded.ms / 1000)).toLocaleString('en')} articles/s`, formatMs(analyzeMs)]],
        );
        log(`Loaded under: ${loadLine()}.`);
        await admin.query(`CREATE TABLE ${LOADED_TABLE} (scale int, seed int, corpus text, ms float8, how text, at timestamptz DEFAULT now())`);
        await admin.query(`INSERT INTO ${LOADED_TABLE} (scale, seed, corpus, ms, how) VALUES ($1, $2, $3, $4, $5)`, [scale, ARTICLE_SEED, corpus, loaded.ms, how]);
      }
      const sizes = await admin.query<{ table_mb: string; index_mb: string; vector_bytes: string; words: string }>(
        `SELECT round(pg_total_relation_size('articles') / 1048576.0) AS table_mb,
                round(pg_relation_size('articles_search') / 1048576.0) AS index_mb,
                (SELECT round(avg(pg_column_size(search))) FROM articles) AS vector_bytes,
                (SELECT count(*) FROM archive_words) AS words`,
      );
      const size = sizes.rows[0]!;
      table(
        log,
        ['articles table + TOAST + indexes', 'search GIN index', 'search vector (stored, average)', 'vocabulary'],
        [[`${size.table_mb} MB`, `${size.index_mb} MB`, `${Number(size.vector_bytes).toLocaleString('en')} bytes`, `${size.words} words`]],
      );
      await admin.close();

      const perClass = scale <= 20_000 ? 100 : 50;
      const classes = archiveQueries(articles, perClass);
      const reader = await openArchiveDb({ address: address(READER), password: PASSWORD });
      const archiveTimes = new Map<ArchiveQueryClass, { samples: number[]; hits: number; capped: number }>();
      for (const [name, queries] of classes) {
        let hits = 0;
        let capped = 0;
        const samples = await timeEach(queries, async (query, measured) => {
          const result = await searchArchive(reader, query, { limit: UI_PAGE_SIZE });
          if (!measured) return;
          hits += result.hits.length ? 1 : 0;
          capped += result.total >= MAX_RANKED ? 1 : 0;
        });
        archiveTimes.set(name, { samples, hits, capped });
      }
      log(`Archive searched under: ${loadLine()}.`);
      await reader.close();

      const localTimes = new Map<ArchiveQueryClass, number[]>();
      if (options.local !== false) {
        const docs: SearchDocument[] = articles.map((article, i) => ({
          id: `doc-${i}`,
          title: article.title,
          body: article.body,
          author: null,
          source: article.source,
          tags: [],
          publishedAt: article.publishedAt,
          importedAt: article.publishedAt,
          notes: [],
        }));
        const engine = SearchEngine.build(docs);
        const segments = { engines: [engine], removed: new Set<string>(), documents: (ids: readonly string[]) => ids.map((id) => docs[Number(id.slice(4))]!) };
        for (const [name, queries] of classes) localTimes.set(name, await timeEach(queries, (query) => runSearch(`${query} `, segments, { limit: UI_PAGE_SIZE })));
      }
      table(
        log,
        ['query class', 'archive p50', 'archive p95', `p95 ≤ ${TARGET_P95_MS} ms`, 'found', `≥ ${MAX_RANKED} matches`, 'local p50', 'local p95'],
        [...archiveTimes].map(([name, { samples, hits, capped }]) => {
          const local = localTimes.get(name) ?? [];
          const p95 = nearestRank(samples, 95);
          return [
            `${name} (n=${samples.length})`,
            formatMs(nearestRank(samples, 50)),
            formatMs(p95),
            p95 <= TARGET_P95_MS ? 'yes' : 'NO',
            `${hits}/${samples.length}`,
            `${capped}`,
            local.length ? formatMs(nearestRank(local, 50)) : '—',
            local.length ? formatMs(nearestRank(local, 95)) : '—',
          ];
        }),
      );
      log(
        `Archive search: as a reporter on the desk every article is shared with (row-level security checks each match), page of ${UI_PAGE_SIZE}; ` +
          `the first ${MAX_RANKED.toLocaleString('en')} matches are ranked and counted. ` +
          `The cluster runs with fsync off (throwaway), so the load rate is an upper bound for a durable server.`,
      );
      if (options.sync === false) continue;
      await runSyncBench({
        cluster,
        articles: articles.slice(0, Math.min(scale, SYNC_PULL_ARTICLES)),
        annotations: SYNC_PUSH_ANNOTATIONS,
        desk: DESK,
        writer: WRITER,
        reader: READER,
        password: PASSWORD,
        restore: (db, syncAddress, some) => restoreArchiveArticles(db, syncAddress, some, options.loadWorkers ?? 3),
        log,
      });
    } finally {
      cluster.destroy();
    }
  }
}
