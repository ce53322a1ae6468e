// Writes one page pulled from the shared archive into the library: the archive's articles (new ones
// under the library's dedup rules, changed texts with their highlights re-anchored), annotations
// merged with the local ones (last writer wins per field, the losing note text kept in the history),
// note history, deletions, the search change log's stamps and the new pull high-water mark, all in one
// SQLite transaction with the outbox triggers quiet (archive_applying): a crash leaves the whole page
// or none of it, and what came from the archive is not pushed back.
import type { DatabaseSync } from 'node:sqlite';
import { anchor } from '../annotations/anchoring.ts';
import { describeRange } from '../annotations/quote-context.ts';
import { ANNOTATION_STATE_COLUMNS, annotationState } from './archive-annotation-state.ts';
import type { AnnotationMerge, IncomingAnnotation, IncomingArticle, PulledChanges, PullOutcome } from './archive-sync-model.ts';
import type { ArticleDraft } from './model.ts';
import { PreparedStatements } from './prepared-statements.ts';

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

export interface PulledPageWriterDeps {
  db: DatabaseSync;
  /** The library's committed write: listeners hear of `changed` once it commits. */
  write: <T>(work: () => { result: T; changed: string[]; removed?: string[] }) => T;
  /** Inserts an article from the archive under the library's dedup rules; returns the local id (new or existing). */
  insertArticle: (id: string, draft: ArticleDraft) => { id: string; added: boolean };
  /** The archive's newer text for an article here, its highlights re-anchored; false when the text is the same. */
  replaceArticleText: (localId: string, draft: ArticleDraft) => boolean;
  /** The reporter the library is linked as (null: not linked). */
  linkedUser: () => string | null;
}

type Row = Record<string, string | number | null | Uint8Array>;
/** The page cache while a pulled page is written: 64 MB (negative: KiB). */
const PULL_CACHE_SIZE = -65_536;

/** The pull's page writer (library.archive.applyPull). */
export class PulledPageWriter {
  readonly #db: DatabaseSync;
  readonly #deps: PulledPageWriterDeps;
  readonly #sql: PreparedStatements;

  constructor(deps: PulledPageWriterDeps) {
    this.#db = deps.db;
    this.#deps = deps;
    this.#sql = new PreparedStatements(deps.db);
  }

  #localIdOf(archiveId: string): string | null {
    const row = this.#sql.get('SELECT local_id FROM archive_articles WHERE archive_id = ?').get(archiveId) as Row | undefined;
    return row ? String(row.local_id) : null;
  }

  /**
   * Writes one page of the archive's changes in one transaction with the outbox triggers quiet, and
   * moves the high-water mark with it: a crash leaves either the whole page or none of it.
   */
  write(changes: PulledChanges, merge: AnnotationMerge): PullOutcome {
    const user = this.#deps.linkedUser();
    if (user === null) throw new Error('This library is not linked to an archive');
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
        for (const annotation of changes.annotations) this.#applyAnnotation(annotation, user, merge, outcome);
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
    const known = this.#localIdOf(article.archiveId);
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
    const articleId = this.#localIdOf(remote.articleArchiveId);
    const body = articleId ? (this.#sql.get('SELECT body FROM article_content WHERE article_id = ?').get(articleId) as Row | undefined) : undefined;
    if (!articleId || !body) {
      outcome.skipped++;
      return;
    }
    // Deleted here and not pushed yet: the deletion goes out with the next push; do not bring it back meanwhile.
    if (this.#sql.get("SELECT 1 FROM archive_outbox WHERE kind = 'annotation-delete' AND entity_id = ?").get(remote.id)) return;
    const local = annotationState(this.#sql.get(`SELECT ${ANNOTATION_STATE_COLUMNS} FROM annotations WHERE id = ?`), remote.id);
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
