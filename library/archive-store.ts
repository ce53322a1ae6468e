// The library's side of the shared archive: the link (address without password, reporter, pull
// high-water mark), the outbox of local changes waiting to be pushed, which archive article each
// local one is, and the annotations' authorship, desk and note history. SQL only: push, pull and
// merge live in archive/, which reaches this through the ArchiveLocalStore interface it declares.
//
// The outbox is filled by SQLite triggers, so every write path (imports, the reader, bulk actions,
// the CLI in another process) is captured without each one remembering to. A pull writes what came
// from the archive with one row in archive_applying, which keeps those triggers quiet for the rest
// of its transaction: what came from the archive is not pushed back. Writing a pulled page is the
// PulledPageWriter's (archive-pulled-page-writer.ts).
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { NoteVersion } from '../contract/archive.ts';
import { inTransaction } from './database.ts';
import { PreparedStatements } from './prepared-statements.ts';
import { SQLITE_NOW_ISO } from './archive-schema.ts';
import { ANNOTATION_STATE_COLUMNS, annotationState } from './archive-annotation-state.ts';
import { PulledPageWriter, type PulledPageWriterDeps } from './archive-pulled-page-writer.ts';
import type {
  AnnotationMerge,
  ArchiveLinkRecord,
  ArchiveOutboxEntry,
  ArchiveOutboxKind,
  LocalAnnotationState,
  OutgoingArticle,
  PulledChanges,
  PullOutcome,
} from './archive-sync-model.ts';

export type * from './archive-sync-model.ts';

export type ArchiveStoreDeps = Omit<PulledPageWriterDeps, 'linkedUser'>;

type Row = Record<string, string | number | null | Uint8Array>;
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The library's archive link, outbox and sync bookkeeping (library.archive). */
export class ArchiveStore {
  readonly #db: DatabaseSync;
  readonly #deps: ArchiveStoreDeps;
  readonly #sql: PreparedStatements;
  readonly #pageWriter: PulledPageWriter;

  constructor(deps: ArchiveStoreDeps) {
    this.#db = deps.db;
    this.#deps = deps;
    this.#sql = new PreparedStatements(deps.db);
    this.#pageWriter = new PulledPageWriter({ ...deps, linkedUser: () => this.link()?.user ?? null });
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
    return annotationState(this.#sql.get(`SELECT ${ANNOTATION_STATE_COLUMNS} FROM annotations WHERE id = ?`), id);
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
    return this.#pageWriter.write(changes, merge);
  }
}
