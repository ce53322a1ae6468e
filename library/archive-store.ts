// The library's side of the shared archive: the link (address without password, reporter, pull
// high-water mark), the outbox of local changes waiting to be pushed, which archive article each
// local one is, and the annotations' authorship, desk and note history. SQL only: push, pull and
// merge live in archive/, which reaches this through the ArchiveLocalStore interface it declares.
//
// The outbox is filled by SQLite triggers, so every write path (imports, the reader, bulk actions,
// the CLI in another process) is captured without each one remembering to. A pull writes what came
// from the archive with one row in archive_applying, which keeps those triggers quiet for the rest
// of its transaction: what came from the archive is not pushed back.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { anchor } from '../annotations/anchoring.ts';
import { describeRange } from '../annotations/quote-context.ts';
import type { NoteVersion } from '../contract/archive.ts';
import { isAnnotationColor } from '../annotations/model.ts';
import { inTransaction } from './database.ts';
import { PreparedStatements } from './prepared-statements.ts';
import type { ArticleDraft } from './model.ts';
import { SQLITE_NOW_ISO } from './archive-schema.ts';
import type {
  AnnotationMerge,
  ArchiveLinkRecord,
  ArchiveOutboxEntry,
  ArchiveOutboxKind,
  IncomingAnnotation,
  IncomingArticle,
  LocalAnnotationState,
  OutgoingArticle,
  PulledChanges,
  PullOutcome,
} from './archive-sync-model.ts';

export type * from './archive-sync-model.ts';

/**
 * An archive article as a draft for the library's own write (pulled, or saved from an archive hit):
 * the same fields, no tags (they are each reporter's own), and `archive` as where it came from.
 */
export function draftFromArchive(article: Omit<IncomingArticle, 'archiveId' | 'blocks'> & { blocks: ArticleDraft['blocks'] }): ArticleDraft {
  return {
    title: article.title,
    author: article.author,
    source: article.source,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    body: article.body,
    blocks: article.blocks,
    origin: 'archive',
    tags: [],
  };
}

export interface ArchiveStoreDeps {
  db: DatabaseSync;
  /** The library's committed write: listeners hear of `changed` once it commits. */
  write: <T>(work: () => { result: T; changed: string[]; removed?: string[] }) => T;
  /** Inserts an article from the archive under the library's dedup rules; returns the local id (new or existing). */
  insertArticle: (id: string, draft: ArticleDraft) => { id: string; added: boolean };
  /** The archive's newer text for an article here, its highlights re-anchored; false when the text is the same. */
  replaceArticleText: (localId: string, draft: ArticleDraft) => boolean;
}

type Row = Record<string, string | number | null | Uint8Array>;
/** The page cache while a pulled page is written: 64 MB (negative: KiB). */
const PULL_CACHE_SIZE = -65_536;
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The library's archive link, outbox and sync bookkeeping (library.archive). */
export class ArchiveStore {
  readonly #db: DatabaseSync;
  readonly #deps: ArchiveStoreDeps;
  readonly #sql: PreparedStatements;

  constructor(deps: ArchiveStoreDeps) {
    this.#db = deps.db;
    this.#deps = deps;
    this.#sql = new PreparedStatements(deps.db);
  }

  link(): ArchiveLinkRecord | null {
    const row = this.#sql.get('SELECT * FROM archive_link WHERE id = 1').get() as Row | undefined;
    if (!row) return null;
    return {
      address: String(row.address),
      user: String(row.user),
      clientId: String(row.client_id),
      defaultDesk: text(row.default_desk),
      secret: row.secret instanceof Uint8Array ? row.secret : null,
      pullSeq: Number(row.pull_seq),
      lastSync: text(row.last_sync),
      lastProblem: text(row.last_problem),
      knownDesks: JSON.parse(String(row.known_desks)) as string[],
    };
  }

  /**
   * Links the library (address without password). Everything already here goes into the outbox, and
   * annotations written before the link become this reporter's.
   */
  linkTo(input: { address: string; user: string; defaultDesk?: string | null; secret?: Uint8Array | null }): ArchiveLinkRecord {
    if (/^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(input.address)) throw new Error('The archive address is stored without its password');
    inTransaction(this.#db, () => {
      if (this.link()) throw new Error('This library is already linked to an archive: disconnect first');
      this.#sql
        .get(`INSERT INTO archive_link (id, address, user, client_id, default_desk, secret, linked_at) VALUES (1, ?, ?, ?, ?, ?, ${SQLITE_NOW_ISO})`)
        .run(input.address, input.user, randomUUID(), input.defaultDesk ?? null, input.secret ?? null);
      this.#sql.get('UPDATE annotations SET author = ? WHERE author IS NULL').run(input.user);
      this.#db.exec(`
        DELETE FROM archive_outbox;
        DELETE FROM archive_articles;
        INSERT INTO archive_outbox (kind, entity_id) SELECT 'article', id FROM articles WHERE trashed_at IS NULL ORDER BY imported_at, id;
        INSERT INTO archive_outbox (kind, entity_id) SELECT 'annotation', id FROM annotations WHERE is_foreign = 0 ORDER BY created_at, id;
        INSERT INTO archive_outbox (kind, entity_id) SELECT DISTINCT 'collection', collection FROM archive_collection_shares;
      `);
    });
    return this.link()!;
  }

  /** Unlinks; refused while changes wait to be pushed unless `discardPending`. Articles and annotations stay. */
  unlink(options: { discardPending?: boolean } = {}): void {
    inTransaction(this.#db, () => {
      if (!options.discardPending && this.pendingCount() > 0) {
        throw new Error(`${this.pendingCount()} local change(s) wait to be pushed: push them first, or disconnect discarding them`);
      }
      this.#db.exec('DELETE FROM archive_link; DELETE FROM archive_outbox; DELETE FROM archive_articles; DELETE FROM archive_collection_shares;');
    });
  }

  updateLink(patch: Partial<Pick<ArchiveLinkRecord, 'defaultDesk' | 'secret' | 'lastSync' | 'lastProblem' | 'pullSeq' | 'knownDesks'>>): void {
    const columns: [string, string | number | Uint8Array | null][] = [];
    if (patch.defaultDesk !== undefined) columns.push(['default_desk', patch.defaultDesk]);
    if (patch.secret !== undefined) columns.push(['secret', patch.secret]);
    if (patch.lastSync !== undefined) columns.push(['last_sync', patch.lastSync]);
    if (patch.lastProblem !== undefined) columns.push(['last_problem', patch.lastProblem]);
    if (patch.pullSeq !== undefined) columns.push(['pull_seq', patch.pullSeq]);
    if (patch.knownDesks !== undefined) columns.push(['known_desks', JSON.stringify(patch.knownDesks)]);
    if (columns.length === 0) return;
    inTransaction(this.#db, () => {
      this.#db.prepare(`UPDATE archive_link SET ${columns.map(([name]) => `${name} = ?`).join(', ')} WHERE id = 1`).run(...columns.map(([, value]) => value));
    });
  }

  pendingCount(): number {
    return Number((this.#sql.get('SELECT count(*) AS n FROM archive_outbox').get() as Row).n);
  }

  /** The oldest entries first. */
  outbox(limit: number, afterSeq = 0): ArchiveOutboxEntry[] {
    const rows = this.#sql.get('SELECT seq, kind, entity_id FROM archive_outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Row[];
    return rows.map((row) => ({ seq: Number(row.seq), kind: String(row.kind) as ArchiveOutboxKind, entityId: String(row.entity_id) }));
  }

  /**
   * After the archive committed a push: removes the entries it took and remembers which archive article
   * each local one became, in one transaction. Entries written meanwhile (higher seq) stay.
   */
  acknowledge(seqs: readonly number[], archiveIds: ReadonlyMap<string, string>): void {
    inTransaction(this.#db, () => {
      const remove = this.#sql.get('DELETE FROM archive_outbox WHERE seq = ?');
      for (const seq of seqs) remove.run(seq);
      const map = this.#sql.get('INSERT INTO archive_articles (local_id, archive_id) VALUES (?, ?) ON CONFLICT (local_id) DO UPDATE SET archive_id = excluded.archive_id');
      for (const [localId, archiveId] of archiveIds) {
        if (this.#sql.get('SELECT 1 FROM articles WHERE id = ?').get(localId)) map.run(localId, archiveId);
      }
    });
  }

  archiveIdOf(localId: string): string | null {
    const row = this.#sql.get('SELECT archive_id FROM archive_articles WHERE local_id = ?').get(localId) as Row | undefined;
    return row ? String(row.archive_id) : null;
  }

  localIdOf(archiveId: string): string | null {
    const row = this.#sql.get('SELECT local_id FROM archive_articles WHERE archive_id = ?').get(archiveId) as Row | undefined;
    return row ? String(row.local_id) : null;
  }

  contentHashOf(localId: string): string | null {
    const row = this.#sql.get('SELECT content_hash FROM articles WHERE id = ?').get(localId) as Row | undefined;
    return row ? String(row.content_hash) : null;
  }

  article(localId: string): OutgoingArticle | null {
    const row = this.#sql
      .get(
        `SELECT a.id, a.url_key, a.content_hash, a.title, a.author, a.source, a.url, a.language, a.published_at, a.collection,
           c.body, c.blocks, m.archive_id
         FROM articles a JOIN article_content c ON c.article_id = a.id LEFT JOIN archive_articles m ON m.local_id = a.id WHERE a.id = ?`,
      )
      .get(localId) as Row | undefined;
    if (!row) return null;
    return {
      localId: String(row.id),
      archiveId: text(row.archive_id),
      urlKey: text(row.url_key),
      contentHash: String(row.content_hash),
      title: String(row.title),
      author: text(row.author),
      source: text(row.source),
      url: text(row.url),
      language: String(row.language),
      publishedAt: text(row.published_at),
      body: String(row.body),
      blocksJson: String(row.blocks),
      collection: text(row.collection),
    };
  }

  /** Local articles in a collection (to share them when the collection is shared). */
  articlesInCollection(collection: string): string[] {
    return (this.#sql.get('SELECT id FROM articles WHERE collection = ? AND trashed_at IS NULL').all(collection) as Row[]).map((row) => String(row.id));
  }

  annotation(id: string): LocalAnnotationState | null {
    const row = this.#sql.get(`SELECT ${STATE_COLUMNS} FROM annotations WHERE id = ?`).get(id) as Row | undefined;
    return row ? toState(row) : null;
  }

  collectionShares(): { collection: string; desk: string }[] {
    return (this.#sql.get('SELECT collection, desk FROM archive_collection_shares ORDER BY collection, desk').all() as Row[]).map((row) => ({
      collection: String(row.collection),
      desk: String(row.desk),
    }));
  }

  shareCollection(collection: string, desk: string, share: boolean): void {
    inTransaction(this.#db, () => {
      if (share) this.#sql.get('INSERT OR IGNORE INTO archive_collection_shares (collection, desk) VALUES (?, ?)').run(collection, desk);
      else this.#sql.get('DELETE FROM archive_collection_shares WHERE collection = ? AND desk = ?').run(collection, desk);
    });
  }

  /** Shares this reporter's own annotations with a desk (null: private again); returns the ids changed. Others' are read-only. */
  shareAnnotations(ids: readonly string[], desk: string | null): string[] {
    return this.#deps.write(() => {
      const statement = this.#sql.get('UPDATE annotations SET desk = ? WHERE id = ? AND is_foreign = 0 AND desk IS NOT ?');
      const changed = ids.filter((id) => Number(statement.run(desk, id, desk).changes) > 0);
      const articles = changed.map((id) => this.annotation(id)!.articleId);
      return { result: changed, changed: [...new Set(articles)] };
    });
  }

  /** Older texts of an annotation's note, newest first. */
  noteHistory(annotationId: string): NoteVersion[] {
    const rows = this.#sql
      .get('SELECT note, written_at, replaced_at FROM annotation_note_history WHERE annotation_id = ? ORDER BY written_at DESC, replaced_at DESC')
      .all(annotationId) as Row[];
    return rows.map((row) => ({ note: String(row.note), writtenAt: String(row.written_at), replacedAt: String(row.replaced_at) }));
  }

  /**
   * Writes one page of the archive's changes in one transaction with the outbox triggers quiet, and
   * moves the high-water mark with it: a crash leaves either the whole page or none of it.
   */
  applyPull(changes: PulledChanges, merge: AnnotationMerge): PullOutcome {
    const link = this.link();
    if (!link) throw new Error('This library is not linked to an archive');
    // A page inserts thousands of rows at random places of the id indexes: a larger page cache for its
    // write keeps them in memory instead of reading pages back from the file (SQLite's default is 2 MB).
    const cacheSize = Number((this.#db.prepare('PRAGMA cache_size').get() as Row).cache_size);
    // A page can always be pulled again, and its mark commits with it: like an import's new articles, its
    // commit is durable against a crash of the app (WAL, synchronous=NORMAL), and a power cut loses at most
    // whole pages, which the next pull brings again. Local edits are never in a pull's transaction alone.
    const synchronous = Number((this.#db.prepare('PRAGMA synchronous').get() as Row).synchronous);
    this.#db.exec(`PRAGMA cache_size = ${PULL_CACHE_SIZE}; PRAGMA synchronous = NORMAL`);
    try {
      return this.#deps.write(() => {
        this.#sql.get('INSERT OR IGNORE INTO archive_applying (id) VALUES (1)').run();
        const outcome: PullOutcome = { articles: [], annotations: [], removed: [], changedArticles: [], skipped: 0 };
        for (const article of changes.articles) this.#applyArticle(article, outcome);
        for (const annotation of changes.annotations) this.#applyAnnotation(annotation, link.user, merge, outcome);
        const keep = this.#sql.get('INSERT OR IGNORE INTO annotation_note_history (annotation_id, note, written_at, replaced_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM annotations WHERE id = ?)');
        for (const version of changes.history) keep.run(version.annotationId, version.note, version.writtenAt, version.replacedAt, version.annotationId);
        for (const id of changes.removed) {
          const gone = this.#sql.get('DELETE FROM annotations WHERE id = ? RETURNING article_id').get(id) as Row | undefined;
          if (gone) {
            outcome.removed.push(id);
            outcome.changedArticles.push(String(gone.article_id));
          }
        }
        outcome.changedArticles = [...new Set(outcome.changedArticles)];
        this.#stampSearchChanges(outcome.changedArticles);
        this.#sql.get('UPDATE archive_link SET pull_seq = ? WHERE id = 1').run(changes.highWater);
        this.#sql.get('DELETE FROM archive_applying').run();
        return { result: outcome, changed: outcome.changedArticles };
      });
    } finally {
      this.#db.exec(`PRAGMA cache_size = ${cacheSize}; PRAGMA synchronous = ${synchronous}`);
    }
  }

  /**
   * The search change log's triggers stand aside while archive_applying holds its row (schema step 13):
   * the page's changed articles get their next sequence numbers here, in one statement, in the same
   * transaction, so the search index learns of all of them when the page commits.
   */
  #stampSearchChanges(articleIds: readonly string[]): void {
    if (articleIds.length === 0) return;
    const top = Number((this.#sql.get('SELECT coalesce(max(seq), 0) AS seq FROM search_changes').get() as Row).seq);
    this.#sql
      .get(
        `INSERT INTO search_changes (article_id, seq) SELECT value, ? + key + 1 FROM json_each(?) WHERE true
         ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq`,
      )
      .run(top, JSON.stringify(articleIds));
  }

  #applyArticle(article: IncomingArticle, outcome: PullOutcome): void {
    const draft = draftFromArchive({ ...article, blocks: Array.isArray(article.blocks) ? (article.blocks as ArticleDraft['blocks']) : [] });
    const known = this.localIdOf(article.archiveId);
    if (known) {
      // The archive's copy changed (re-imported by whoever pushed it): take the new text, keep the rest.
      try {
        if (this.#deps.replaceArticleText(known, draft)) outcome.changedArticles.push(known);
      } catch {
        outcome.skipped++;
      }
      return;
    }
    let placed: { id: string; added: boolean };
    try {
      placed = this.#deps.insertArticle(article.archiveId, draft);
    } catch {
      // Another reporter's article this library refuses (an unsafe URL, broken blocks): left in the archive.
      outcome.skipped++;
      return;
    }
    this.#sql.get('INSERT OR REPLACE INTO archive_articles (local_id, archive_id) VALUES (?, ?)').run(placed.id, article.archiveId);
    if (placed.added) {
      outcome.articles.push(placed.id);
      outcome.changedArticles.push(placed.id);
    }
  }

  #applyAnnotation(remote: IncomingAnnotation, user: string, merge: AnnotationMerge, outcome: PullOutcome): void {
    const articleId = this.localIdOf(remote.articleArchiveId);
    const body = articleId ? (this.#sql.get('SELECT body FROM article_content WHERE article_id = ?').get(articleId) as Row | undefined) : undefined;
    if (!articleId || !body) {
      outcome.skipped++;
      return;
    }
    // Deleted here and not pushed yet: the deletion goes out with the next push; do not bring it back meanwhile.
    if (this.#sql.get("SELECT 1 FROM archive_outbox WHERE kind = 'annotation-delete' AND entity_id = ?").get(remote.id)) return;
    const local = this.annotation(remote.id);
    const { merged, history } = merge(local, remote);
    // The archive's offsets are into its copy of the text; this library's copy may differ (same URL, edited page).
    const text = String(body.body).normalize('NFC');
    const placed = anchor(text, { quote: merged.quote, position: merged.position });
    const where = placed.status === 'anchored' ? describeRange(text, placed.start, placed.end) : { quote: merged.quote, position: merged.position };
    const updated = [merged.colorUpdated, merged.noteUpdated, merged.deskUpdated].sort().at(-1)!;
    this.#sql
      .get(
        `INSERT INTO annotations (id, article_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, status, color, note,
           created_at, updated_at, author, desk, color_updated, note_updated, desk_updated, is_foreign)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET quote_exact = excluded.quote_exact, quote_prefix = excluded.quote_prefix, quote_suffix = excluded.quote_suffix,
           position_start = excluded.position_start, position_end = excluded.position_end, status = excluded.status, color = excluded.color,
           note = excluded.note, updated_at = excluded.updated_at, author = excluded.author, desk = excluded.desk, color_updated = excluded.color_updated,
           note_updated = excluded.note_updated, desk_updated = excluded.desk_updated, is_foreign = excluded.is_foreign`,
      )
      .run(
        remote.id,
        articleId,
        where.quote.exact,
        where.quote.prefix,
        where.quote.suffix,
        where.position.start,
        where.position.end,
        placed.status,
        merged.color,
        merged.note,
        local?.created ?? remote.created,
        updated,
        remote.author,
        merged.desk,
        merged.colorUpdated,
        merged.noteUpdated,
        merged.deskUpdated,
        remote.author === user ? 0 : 1,
      );
    const keep = this.#sql.get('INSERT OR IGNORE INTO annotation_note_history (annotation_id, note, written_at, replaced_at) VALUES (?, ?, ?, ?)');
    for (const version of history) keep.run(remote.id, version.note, version.writtenAt, version.replacedAt);
    outcome.annotations.push(remote.id);
    outcome.changedArticles.push(articleId);
  }
}

const STATE_COLUMNS = `id, article_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, color, note, created_at, updated_at,
  author, desk, color_updated, note_updated, desk_updated, is_foreign`;

function toState(row: Row): LocalAnnotationState {
  const color = row.color;
  if (!isAnnotationColor(color)) throw new Error(`annotation ${String(row.id)} has an unknown colour ${String(color)}`);
  const updated = String(row.updated_at);
  return {
    id: String(row.id),
    articleId: String(row.article_id),
    quote: { type: 'TextQuoteSelector', exact: String(row.quote_exact), prefix: String(row.quote_prefix), suffix: String(row.quote_suffix) },
    position: { type: 'TextPositionSelector', start: Number(row.position_start), end: Number(row.position_end) },
    color,
    colorUpdated: text(row.color_updated) ?? updated,
    note: String(row.note),
    noteUpdated: text(row.note_updated) ?? updated,
    desk: text(row.desk),
    deskUpdated: text(row.desk_updated) ?? String(row.created_at),
    created: String(row.created_at),
    author: text(row.author),
    foreign: Number(row.is_foreign) === 1,
  };
}
