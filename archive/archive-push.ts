// Pushes the library's outbox to the archive. Each batch is one archive transaction; only after it
// commits are its outbox entries removed. Every write is an upsert by id or content (articles by
// id, canonical URL or content hash; annotations by id, last writer wins per field; shares ON
// CONFLICT DO NOTHING), so a push repeated after a crash between the archive's commit and the
// outbox delete (kill -9) writes nothing twice.
import type { ArchiveLocalStore, ArchiveOutboxEntry, LocalAnnotationState, OutgoingArticle } from './archive-local-store.ts';
import type { ArchiveQueryable, ArchiveSyncDb } from './archive-sync-db.ts';

export interface PushResult {
  articles: number;
  annotations: number;
  shares: number;
  /** Annotations deleted in the archive. */
  deleted: number;
  /** Entries the archive refused (e.g. a desk this reporter is not on): left in the outbox, with why. */
  failed: { kind: ArchiveOutboxEntry['kind']; id: string; message: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A share row `s` this reporter made (row-level security lets them delete only their own) that nothing
 * but a collection warranted: not made directly, and no annotation of theirs on the article shared to
 * that desk. Moving an article out of a shared collection and unsharing the collection take back these.
 */
const OWN_SHARE_NOTHING_ELSE_WARRANTS = `s.shared_by = current_user AND NOT s.direct
  AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.article_id = s.article_id AND a.desk = s.desk AND a.author = current_user)`;
/** Articles first (annotations name them), then collections, annotations, deletions. */
const ORDER: Record<ArchiveOutboxEntry['kind'], number> = { article: 0, collection: 1, annotation: 2, 'annotation-delete': 3 };

/** A problem with one entry's data, not with the connection: the rest of the batch goes on. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|42|P0)/.test(code);
}

class PushBatch {
  readonly archiveIds = new Map<string, string>();
  readonly result: PushResult;
  readonly #client: ArchiveQueryable;
  readonly #local: ArchiveLocalStore;
  readonly #defaultDesk: string | null;
  readonly #collectionDesks: Map<string, string[]>;
  /** Archive articles this batch made sure this reporter owns. */
  readonly #owned = new Set<string>();

  constructor(client: ArchiveQueryable, local: ArchiveLocalStore, result: PushResult) {
    this.#client = client;
    this.#local = local;
    this.result = result;
    this.#defaultDesk = local.link()?.defaultDesk ?? null;
    this.#collectionDesks = new Map();
    for (const { collection, desk } of local.collectionShares()) {
      this.#collectionDesks.set(collection, [...(this.#collectionDesks.get(collection) ?? []), desk]);
    }
  }

  /** After a rollback to a savepoint: ownership taken since may be gone, so it is checked again. */
  forgetOwned(): void {
    this.#owned.clear();
  }

  async entry(entry: ArchiveOutboxEntry): Promise<void> {
    if (entry.kind === 'article') {
      const article = this.#local.article(entry.entityId);
      if (article) await this.#article(article);
    } else if (entry.kind === 'collection') {
      await this.#collection(entry.entityId);
    } else if (entry.kind === 'annotation') {
      const annotation = this.#local.annotation(entry.entityId);
      if (annotation && !annotation.foreign) await this.#annotation(annotation);
    } else {
      const { rowCount } = await this.#client.query('DELETE FROM annotations WHERE id = $1', [entry.entityId]);
      this.result.deleted += rowCount ?? 0;
    }
  }

  /** The archive id of a local article, pushing it first when the archive does not know it yet. */
  async #archiveId(localId: string): Promise<string | null> {
    const known = this.archiveIds.get(localId) ?? this.#local.archiveIdOf(localId);
    if (known) return known;
    const article = this.#local.article(localId);
    return article ? this.#article(article) : null;
  }

  async #article(article: OutgoingArticle): Promise<string> {
    let archiveId = this.archiveIds.get(article.localId) ?? article.archiveId;
    const isNew = archiveId === null;
    if (archiveId === null) {
      const { rows } = await this.#client.query<{ id: string }>('SELECT nr_push_article($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) AS id', [
        UUID.test(article.localId) ? article.localId : null,
        article.urlKey,
        article.contentHash,
        article.title,
        article.author,
        article.source,
        article.url,
        article.language,
        article.publishedAt,
        article.body,
        article.blocksJson,
      ]);
      archiveId = rows[0]!.id;
      this.#owned.add(archiveId);
      this.result.articles++;
    } else {
      // Known to the archive: its text here may be newer (re-imported). Unchanged text changes nothing there.
      const { rows } = await this.#client.query<{ updated: boolean }>(
        'SELECT nr_update_article_text($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) AS updated',
        [archiveId, article.contentHash, article.title, article.author, article.source, article.language, article.publishedAt, article.body, article.blocksJson],
      );
      if (rows[0]?.updated) this.result.articles++;
    }
    this.archiveIds.set(article.localId, archiveId);
    const desks = article.collection ? (this.#collectionDesks.get(article.collection) ?? []) : [];
    // The default desk is for articles as they first arrive, not for every later change: a direct share.
    if (isNew && this.#defaultDesk) await this.#share(archiveId, this.#defaultDesk, { direct: true });
    for (const desk of desks) await this.#share(archiveId, desk);
    // Moved out of a shared collection (or its text re-imported): the shares its old collection gave it go.
    if (!isNew) await this.#takeBackUnwarranted(archiveId, desks);
    return archiveId;
  }

  async #share(archiveId: string, desk: string, options: { direct?: boolean } = {}): Promise<void> {
    // An article this reporter pulled from a desk rather than pushed: they own it once they share it on.
    if (!this.#owned.has(archiveId)) {
      await this.#client.query('SELECT nr_adopt_article($1)', [archiveId]);
      this.#owned.add(archiveId);
    }
    const { rowCount } = await this.#client.query('INSERT INTO article_shares (article_id, desk, direct) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      archiveId,
      desk,
      options.direct ?? false,
    ]);
    this.result.shares += rowCount ?? 0;
  }

  /**
   * This reporter's shares of an article that nothing warrants any more: not made directly, not a desk
   * its collection is shared with (`desks`), and no annotation of theirs on it shared there. Shares
   * other reporters made stay theirs (row-level security: a reporter deletes only their own).
   */
  async #takeBackUnwarranted(archiveId: string, desks: readonly string[]): Promise<void> {
    await this.#client.query(
      `DELETE FROM article_shares s WHERE s.article_id = $1 AND NOT (s.desk = ANY($2::text[])) AND ${OWN_SHARE_NOTHING_ELSE_WARRANTS}`,
      [archiveId, desks],
    );
  }

  async #collection(collection: string): Promise<void> {
    const desks = this.#collectionDesks.get(collection) ?? [];
    const { rows: unshared } = await this.#client.query<{ desk: string }>(
      'DELETE FROM collection_shares WHERE owner = current_user AND collection = $1 AND NOT (desk = ANY($2::text[])) RETURNING desk',
      [collection, desks],
    );
    if (unshared.length) await this.#takeBackShares(collection, unshared.map((row) => row.desk));
    for (const desk of desks) {
      await this.#client.query('INSERT INTO collection_shares (collection, desk) VALUES ($1, $2) ON CONFLICT DO NOTHING', [collection, desk]);
    }
    if (desks.length === 0) return;
    for (const localId of this.#local.articlesInCollection(collection)) {
      const archiveId = await this.#archiveId(localId);
      if (archiveId) for (const desk of desks) await this.#share(archiveId, desk);
    }
  }

  /**
   * A collection unshared from desks: the article shares this reporter made for its articles there go
   * (row-level security lets a reporter delete only their own share rows), except those made directly
   * and where one of their own annotations on the article is still shared to that desk. Shares others
   * made stay theirs.
   */
  async #takeBackShares(collection: string, desks: readonly string[]): Promise<void> {
    const archiveIds = this.#local
      .articlesInCollection(collection)
      .map((localId) => this.archiveIds.get(localId) ?? this.#local.archiveIdOf(localId))
      .filter((id): id is string => id !== null);
    if (archiveIds.length === 0) return;
    await this.#client.query(
      `DELETE FROM article_shares s WHERE s.desk = ANY($1::text[]) AND s.article_id = ANY($2::uuid[]) AND ${OWN_SHARE_NOTHING_ELSE_WARRANTS}`,
      [desks, archiveIds],
    );
  }

  async #annotation(annotation: LocalAnnotationState): Promise<void> {
    const articleId = await this.#archiveId(annotation.articleId);
    if (!articleId) return;
    // Those who see the annotation on the desk see the article it is on.
    if (annotation.desk) await this.#share(articleId, annotation.desk);
    await this.#client.query('SELECT nr_upsert_annotation($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11)', [
      annotation.id,
      articleId,
      annotation.desk,
      JSON.stringify(annotation.quote),
      JSON.stringify(annotation.position),
      annotation.color,
      annotation.note,
      annotation.created,
      annotation.colorUpdated,
      annotation.noteUpdated,
      annotation.deskUpdated,
    ]);
    this.result.annotations++;
  }
}

interface BatchOutcome {
  counts: PushResult;
  archiveIds: Map<string, string>;
}

async function runBatch(client: ArchiveQueryable, local: ArchiveLocalStore, work: readonly ArchiveOutboxEntry[], guarded: boolean): Promise<BatchOutcome> {
  const counts: PushResult = { articles: 0, annotations: 0, shares: 0, deleted: 0, failed: [] };
  const batch = new PushBatch(client, local, counts);
  for (const entry of work) {
    if (!guarded) {
      await batch.entry(entry);
      continue;
    }
    await client.query('SAVEPOINT nr_entry');
    const known = new Map(batch.archiveIds);
    try {
      await batch.entry(entry);
      await client.query('RELEASE SAVEPOINT nr_entry');
    } catch (error) {
      if (!isDataError(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT nr_entry');
      // An article pushed on the way to the refused entry was rolled back with it.
      batch.archiveIds.clear();
      for (const [localId, archiveId] of known) batch.archiveIds.set(localId, archiveId);
      batch.forgetOwned();
      counts.failed.push({ kind: entry.kind, id: entry.entityId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { counts, archiveIds: batch.archiveIds };
}

/**
 * Pushes everything in the outbox, `batchSize` entries per archive transaction. Throws when the archive
 * cannot be reached (what was committed stays acknowledged; the rest stays in the outbox).
 */
export async function pushOutbox(db: ArchiveSyncDb, local: ArchiveLocalStore, options: { batchSize?: number } = {}): Promise<PushResult> {
  const result: PushResult = { articles: 0, annotations: 0, shares: 0, deleted: 0, failed: [] };
  const batchSize = options.batchSize ?? 200;
  let after = 0;
  for (;;) {
    const entries = local.outbox(batchSize, after);
    if (entries.length === 0) return result;
    after = entries.at(-1)!.seq;
    // One push per entity and kind, however many times it changed since the last push.
    const unique = new Map<string, ArchiveOutboxEntry>();
    for (const entry of entries) unique.set(`${entry.kind}:${entry.entityId}`, entry);
    const work = [...unique.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.seq - b.seq);
    // Fast path: the whole batch in one transaction. Only when the archive refuses an entry is the batch
    // done again with a savepoint around each entry, so one refused entry holds back only itself.
    let outcome: BatchOutcome;
    try {
      outcome = await db.transaction((client) => runBatch(client, local, work, false));
    } catch (error) {
      if (!isDataError(error)) throw error;
      outcome = await db.transaction((client) => runBatch(client, local, work, true));
    }
    for (const key of ['articles', 'annotations', 'shares', 'deleted'] as const) result[key] += outcome.counts[key];
    result.failed.push(...outcome.counts.failed);
    const failedIds = new Set(outcome.counts.failed.map((failure) => `${failure.kind}:${failure.id}`));
    local.acknowledge(
      entries.filter((entry) => !failedIds.has(`${entry.kind}:${entry.entityId}`)).map((entry) => entry.seq),
      outcome.archiveIds,
    );
  }
}
