// One throwaway archive holding a set of documents beside a local engine built from the same
// documents, so a test can ask both the same query: the golden agreement and the phrase tests.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { addMember, createDesk } from '../../../archive/archive-admin.ts';
import { openArchiveDb, type ArchiveDb } from '../../../archive/archive-connection.ts';
import { migrateArchive } from '../../../archive/archive-migrations.ts';
import { searchArchive } from '../../../archive/archive-search.ts';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import type { SearchDocument } from '../../../search/search-document.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';

export interface LocalAndArchive {
  cluster(): PostgresCluster;
  db(): ArchiveDb;
  /** The archive row id → the test document's id, for every document inserted. */
  readonly archiveIds: Map<string, string>;
  /** The local engine's hits for `query`, as document ids in sorted order. */
  local(query: string): string[];
  /** The archive's hits for `query` as reporter lan, as document ids in sorted order. */
  archive(query: string): Promise<string[]>;
  /** Runs `work` as the cluster's superuser on `database`. */
  asAdmin<T>(database: string, work: (admin: pg.Client) => Promise<T>): Promise<T>;
  /** Inserts documents as articles owned by lan. */
  insertDocs(admin: pg.Client, docs: readonly SearchDocument[]): Promise<void>;
}

/** A cluster with database `archive` (migrated, desk "Thời sự" with reporter lan) holding `docs`. */
export function useLocalAndArchive(docs: readonly SearchDocument[]): LocalAndArchive {
  let cluster: PostgresCluster | undefined;
  let db: ArchiveDb | undefined;
  const engine = SearchEngine.build([...docs]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const archiveIds = new Map<string, string>();

  async function asAdmin<T>(database: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
    const admin = new pg.Client({ connectionString: cluster!.url(undefined, undefined, database) });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  }

  async function insertDocs(admin: pg.Client, inserted: readonly SearchDocument[]): Promise<void> {
    for (const d of inserted) {
      const { rows } = await admin.query<{ id: string }>(
        `INSERT INTO articles (content_hash, title, language, body, blocks, added_by) VALUES ($1, $2, 'vi', $3, '[]', 'lan') RETURNING id`,
        [createHash('sha256').update(d.id).digest('hex'), d.title, d.body],
      );
      await admin.query(`INSERT INTO article_owners (article_id, owner) VALUES ($1, 'lan')`, [rows[0]!.id]);
      archiveIds.set(rows[0]!.id, d.id);
    }
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.psql('CREATE DATABASE archive');
    await asAdmin('archive', async (admin) => {
      await migrateArchive(admin);
      await createDesk(admin, 'Thời sự');
      await addMember(admin, 'Thời sự', 'lan', 'lan-secret');
      await insertDocs(admin, docs);
    });
    db = await openArchiveDb({ address: cluster.url('lan', undefined, 'archive'), password: 'lan-secret' });
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    cluster?.destroy();
  });

  return {
    cluster: () => cluster!,
    db: () => db!,
    archiveIds,
    local: (query) =>
      runSearch(`${query} `, { engines: [engine], removed: new Set(), documents: (ids) => ids.map((id) => byId.get(id)!) }, { limit: 100 })
        .hits.map((hit) => hit.id)
        .sort(),
    archive: async (query) => (await searchArchive(db!, query, { limit: 100 })).hits.map((hit) => archiveIds.get(hit.archiveId)!).sort(),
    asAdmin,
    insertDocs,
  };
}
