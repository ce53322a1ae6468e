import { randomUUID } from 'node:crypto';
import { OriginalFileStore, type OriginalFile } from './original-file-store.ts';
import { makeFolder } from './make-folder.ts';
import { safeArticleUrl } from '../contract/article-url.ts';
import { writeBackup } from './backup.ts';
import { join } from 'node:path';
import { backup as sqliteBackup, type DatabaseSync, type StatementSync } from 'node:sqlite';
import { AnnotationService } from '../annotations/annotation-service.ts';
import { ARTICLE_COLUMNS, SUMMARY_COLUMNS, toArticle, toSummary, type Row } from './article-rows.ts';
import { inTransaction, openDatabase } from './database.ts';
import { ImportBatch } from './import-batch.ts';
import { validateDraft, validateRecord } from './draft-validation.ts';
import { NotFoundError } from './library-errors.ts';
import { titleSortKey } from './title-sort-key.ts';
import { addFilterConditions, orderClause, whereClause, type SqlValue } from './list-query.ts';
import { migrate } from './migrations.ts';
import { allSearchDocuments, searchDocumentsById, SEARCH_DOCUMENTS_BY_ID } from './search-documents.ts';
import type { AddResult, ArticleDraft, ExportedArticle } from './model.ts';
import type { Article, ArticlePatch, ArticleState, Block, ArticleSummary, ListPage, ListQuery, NamedCount, SidebarCounts } from '../contract/article.ts';
import type { SearchFilters } from '../contract/commands.ts';
import type { LibraryChange } from '../contract/library-change.ts';
import type { SearchDocument, SearchDocumentSource } from '../search/search-document.ts';
import { SearchChangeLog } from './search-changes.ts';
import { contentHash, countWords, excerptOf, readingMinutes } from './text-stats.ts';
import { canonicalUrlKey } from './url-canonical.ts';
import { BulkStore } from './bulk-store.ts';
import { SavedSearchStore } from './saved-search-store.ts';
import { ImageStore } from './image-store.ts';
import { PreparedStatements } from './prepared-statements.ts';
import { ArchiveStore } from './archive-store.ts';

type ChangeListener = (change: LibraryChange) => void;

/** The local article library: SQLite is the source of truth for articles, user state and annotations. */
export class Library implements SearchDocumentSource {
  readonly dir: string;
  readonly dbPath: string;
  readonly db: DatabaseSync;
  /** Highlights and notes: their own service, writing through this library's transactions. */
  readonly annotations: AnnotationService;
  /** Actions over many articles, each one transaction, with undo. */
  readonly bulk: BulkStore;
  readonly savedSearches: SavedSearchStore;
  /** Photos of the articles: files in images/ and their rows. */
  readonly images: ImageStore;
  /** The original files of imported documents, content-addressed under <library>/originals. */
  readonly originals: OriginalFileStore;
  /** The shared archive's link, outbox and sync bookkeeping (archive/ reaches it as its ArchiveLocalStore). */
  readonly archive: ArchiveStore;
  readonly #listeners = new Set<ChangeListener>();
  readonly #statements: PreparedStatements;
  #searchable: { key: string; ids: ReadonlySet<string> } | null = null;
  #trashed: { generation: number; ids: ReadonlySet<string> } | null = null;
  readonly #changes: SearchChangeLog;
  /** While an import batch is open: what it changed so far, told to listeners once it commits. */
  #batch: ImportBatch | null = null;
  /** A new article is being written inside the batch: re-importable, so synchronous=NORMAL is enough for it. */
  #importing = false;

  private constructor(dir: string) {
    this.dir = dir;
    this.dbPath = join(dir, 'library.sqlite');
    this.db = openDatabase(this.dbPath);
    this.#statements = new PreparedStatements(this.db);
    migrate(this.db, this.dbPath);
    this.#changes = new SearchChangeLog(this.db);
    this.bulk = new BulkStore(this.db, (work) => this.#write(work));
    this.savedSearches = new SavedSearchStore(this.db);
    this.images = new ImageStore(this.db, dir);
    this.images.unpackEmbedded();
    // The library lends the service its connection, its committed writes and its article lookups.
    this.originals = new OriginalFileStore(this.db, dir);
    this.originals.unpackEmbedded();
    this.annotations = new AnnotationService({
      db: this.db,
      write: (work) => this.#write(work),
      article: (id) => this.get(id),
      // Articles without pages (nearly all) have no "page" key in their blocks and are not even parsed.
      pagedBlocks: (ids) => {
        const rows = this.#sql(`SELECT article_id, blocks FROM article_content WHERE article_id IN (SELECT value FROM json_each(?)) AND instr(blocks, '"page":') > 0`).all(
          JSON.stringify(ids),
        ) as { article_id: string; blocks: string }[];
        return new Map(rows.map((row) => [row.article_id, JSON.parse(row.blocks) as Block[]]));
      },
      articleIdForUrl: (url) => {
        const key = canonicalUrlKey(url);
        const row = key ? (this.#sql('SELECT id FROM articles WHERE url_key = ?').get(key) as Row | undefined) : undefined;
        return row ? String(row.id) : null;
      },
    });
    this.archive = new ArchiveStore({
      db: this.db,
      write: (work) => this.#write(work),
      insertArticle: (id, given) => this.#insertFromArchive(id, given),
      replaceArticleText: (id, given) => this.#replaceFromArchive(id, given),
    });
  }

  /** An article pulled from the archive, under the import dedup rules (inside the pull's write). */
  #insertFromArchive(id: string, given: ArticleDraft): { id: string; added: boolean } {
    const draft = { ...given, url: safeArticleUrl(given.url) };
    validateDraft(draft);
    const hash = contentHash(draft.body);
    const urlKey = canonicalUrlKey(draft.url);
    const existing = this.#findDuplicate(urlKey, hash, id);
    if (existing) return { id: existing, added: false };
    this.#insert(id, draft, new Date().toISOString(), hash, urlKey);
    return { id, added: true };
  }

  /** The archive's newer text for an article here (inside the pull's write); false when nothing changed. */
  #replaceFromArchive(id: string, given: ArticleDraft): boolean {
    const draft = { ...given, url: safeArticleUrl(given.url) };
    validateDraft(draft);
    const hash = contentHash(draft.body);
    const current = this.#sql('SELECT content_hash, origin FROM articles WHERE id = ?').get(id) as Row | undefined;
    if (!current || current.content_hash === hash) return false;
    // Another article here already has this text: the library keeps one copy of a text.
    if (this.#sql('SELECT 1 FROM articles WHERE content_hash = ?').get(hash)) return false;
    // Where the article first came from stays; tags are this reporter's own.
    this.#replaceTextRows(id, { ...draft, origin: String(current.origin) as ArticleDraft['origin'], tags: [] }, hash);
    return true;
  }

  static open(dir: string): Library {
    // Private to this user: the library holds unpublished work.
    makeFolder(dir, 0o700);
    return new Library(dir);
  }

  /** Prepared once per connection: bulk imports run the same few statements thousands of times. */
  #sql(text: string): StatementSync {
    return this.#statements.get(text);
  }

  close(): void {
    this.#statements.clear();
    this.#listeners.clear();
    if (this.db.isOpen) this.db.close();
  }

  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  generation(): number {
    const row = this.#sql("SELECT value FROM library_meta WHERE key = 'generation'").get() as { value: string };
    return Number(row.value);
  }

  changeSeq(): number {
    return this.#changes.current();
  }

  changesSince(since: number): { seq: number; ids: string[] } {
    return this.#changes.since(since);
  }

  /** Runs a write and, only once it is committed, tells listeners what changed. */
  #write<T>(work: () => { result: T; changed: string[]; removed?: string[] }): T {
    const batch = this.#batch;
    if (batch) {
      // Inside an import batch: the batch bumps the generation and tells listeners once, at its commit.
      const { result, changed, removed = [] } = work();
      batch.record(changed, removed, !this.#importing);
      return result;
    }
    const { result, changed, removed = [], generation } = inTransaction(this.db, () => {
      const outcome = work();
      if (outcome.changed.length === 0 && (outcome.removed ?? []).length === 0) return { ...outcome, generation: this.generation() };
      this.#bumpGeneration();
      return { ...outcome, generation: this.generation() };
    });
    if (changed.length || removed.length) {
      for (const listener of this.#listeners) listener({ changed, removed, generation });
    }
    return result;
  }

  #bumpGeneration(): void {
    this.#sql("UPDATE library_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'").run();
  }

  /**
   * Many imported articles in one transaction: one commit per batch instead of one per article.
   * `each` runs one article's writes under a savepoint, so an article that fails leaves nothing
   * behind while the others stay in the batch. Listeners hear of the batch's changes once, after
   * the commit. Either the whole batch is committed or, when this throws, none of it (SQLite may
   * roll back the transaction itself, on a full disk). Durability as for single imports: new
   * articles can be imported again (synchronous=NORMAL); a batch that also replaced an article's
   * text or restored saved state is synced to disk before this returns, as a FULL commit would be.
   */
  importBatch<T>(work: (each: <R>(write: () => R) => R) => T): T {
    if (this.#batch || this.db.isTransaction) throw new Error('An import batch cannot run inside another transaction');
    const batch = new ImportBatch(this.db);
    this.#batch = batch;
    let outcome: { result: T; generation: number };
    try {
      outcome = this.#reimportableCommits(() =>
        inTransaction(this.db, () => {
          const result = work((write) => batch.each(write));
          // A savepoint that lost the transaction (SQLITE_FULL rolls it back whole) makes the batch fail, never half-commit.
          batch.throwIfLost();
          if (batch.changed.length || batch.removed.length) this.#bumpGeneration();
          return { result, generation: this.generation() };
        }),
      );
    } finally {
      this.#batch = null;
    }
    // A FULL commit syncs the whole write-ahead log, the batch just committed in it included.
    if (batch.durable) inTransaction(this.db, () => this.#sql("UPDATE library_meta SET value = value WHERE key = 'generation'").run());
    const { changed, removed } = batch;
    if (changed.length || removed.length) {
      for (const listener of this.#listeners) listener({ changed, removed, generation: outcome.generation });
    }
    return outcome.result;
  }

  #findDuplicate(urlKey: string | null, hash: string, id?: string): string | null {
    const byId = id ? (this.#sql('SELECT id FROM articles WHERE id = ?').get(id) as Row | undefined) : undefined;
    if (byId) return String(byId.id);
    const byUrl = urlKey ? (this.#sql('SELECT id FROM articles WHERE url_key = ?').get(urlKey) as Row | undefined) : undefined;
    if (byUrl) return String(byUrl.id);
    const byHash = this.#sql('SELECT id FROM articles WHERE content_hash = ?').get(hash) as Row | undefined;
    return byHash ? String(byHash.id) : null;
  }

  #insert(id: string, draft: ArticleDraft, importedAt: string, hash: string, urlKey: string | null, state?: ArticleState): void {
    const words = countWords(draft.body);
    this
      .#sql(
        `INSERT INTO articles (id, title, title_key, author, source, url, url_key, language, published_at, imported_at,
          content_hash, origin, word_count, reading_minutes, excerpt, read, starred, archived, trashed_at, collection, reading_position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        draft.title,
        titleSortKey(draft.title),
        draft.author,
        draft.source,
        draft.url,
        urlKey,
        draft.language,
        draft.publishedAt,
        importedAt,
        hash,
        draft.origin,
        words,
        readingMinutes(words),
        excerptOf(draft.body),
        state?.read ? 1 : 0,
        state?.starred ? 1 : 0,
        state?.archived ? 1 : 0,
        state?.trashedAt ?? null,
        state?.collection ?? null,
        state?.readingPosition ?? 0,
      );
    this.#sql('INSERT INTO article_content (article_id, body, blocks) VALUES (?, ?, ?)').run(id, draft.body, JSON.stringify(draft.blocks));
    const tags = new Set([...draft.tags, ...(state?.tags ?? [])].map((tag) => tag.trim()).filter(Boolean));
    const insertTag = this.#sql('INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)');
    for (const tag of tags) insertTag.run(id, tag);
  }

  /**
   * Imported text can always be imported again, so its commits are durable against a crash of the app
   * (WAL, synchronous=NORMAL); user state, settings and annotations keep synchronous=FULL.
   */
  #importCommit<T>(work: () => T): T {
    // Inside an import batch, the batch commits; the flag tells its writes from those that need FULL.
    if (this.#batch) {
      this.#importing = true;
      try {
        return work();
      } finally {
        this.#importing = false;
      }
    }
    // Inside someone else's transaction the durability of the commit is theirs to choose.
    if (this.db.isTransaction) return work();
    return this.#reimportableCommits(work);
  }

  /** Runs `work` with its commits at synchronous=NORMAL (durable against an app crash), then back to FULL. */
  #reimportableCommits<T>(work: () => T): T {
    this.db.exec('PRAGMA synchronous = NORMAL');
    try {
      return work();
    } finally {
      this.db.exec('PRAGMA synchronous = FULL');
    }
  }

  /** Keeps the document an article was imported from (ImportSink). */
  keepOriginal(articleId: string, original: OriginalFile): void {
    this.originals.keep(articleId, original);
  }

  addArticle(given: ArticleDraft): AddResult {
    const draft = { ...given, url: safeArticleUrl(given.url) };
    validateDraft(draft);
    const hash = contentHash(draft.body);
    const urlKey = canonicalUrlKey(draft.url);
    const sameUrl = urlKey ? (this.#sql('SELECT id, content_hash FROM articles WHERE url_key = ?').get(urlKey) as Row | undefined) : undefined;
    const sameText = this.#sql('SELECT id FROM articles WHERE content_hash = ?').get(hash) as Row | undefined;
    // The page was edited since it was imported: keep the article, its state and its annotations.
    if (sameUrl && sameUrl.content_hash !== hash && !sameText) return this.#replaceText(String(sameUrl.id), draft, hash);
    return this.#importCommit(() => this.#write(() => {
      const existing = this.#findDuplicate(urlKey, hash);
      if (existing) return { result: { status: 'duplicate', id: existing } as AddResult, changed: [] };
      const id = randomUUID();
      this.#insert(id, draft, new Date().toISOString(), hash, urlKey);
      return { result: { status: 'imported', id } as AddResult, changed: [id] };
    }));
  }

  /** New text for an existing article, committed with synchronous=FULL because it moves the user's highlights. */
  #replaceText(id: string, draft: ArticleDraft, hash: string): AddResult {
    return this.#write(() => {
      const orphaned = this.#replaceTextRows(id, draft, hash);
      return { result: { status: 'updated', id, orphaned } as AddResult, changed: [id] };
    });
  }

  /** The rows of a text replacement, highlights re-anchored; returns how many could not be placed. */
  #replaceTextRows(id: string, draft: ArticleDraft, hash: string): number {
    const words = countWords(draft.body);
    this.#sql(
      `UPDATE articles SET title = ?, title_key = ?, author = ?, source = ?, language = ?, published_at = ?, content_hash = ?,
         origin = ?, word_count = ?, reading_minutes = ?, excerpt = ? WHERE id = ?`,
    ).run(draft.title, titleSortKey(draft.title), draft.author, draft.source, draft.language, draft.publishedAt, hash, draft.origin, words, readingMinutes(words), excerptOf(draft.body), id);
    this.#sql('UPDATE article_content SET body = ?, blocks = ? WHERE article_id = ?').run(draft.body, JSON.stringify(draft.blocks), id);
    const insertTag = this.#sql('INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)');
    for (const tag of draft.tags.map((t) => t.trim()).filter(Boolean)) insertTag.run(id, tag);
    return this.annotations.reanchor(id, draft.body).orphaned.length;
  }

  /** Inserts a record from a library export with its original id, import time and state. */
  restoreArticle(given: ExportedArticle): AddResult {
    const record = { ...given, url: safeArticleUrl(given.url) };
    validateRecord(record);
    const hash = contentHash(record.body);
    const urlKey = canonicalUrlKey(record.url);
    // The same article (same id) with edited text: keep it and its state, take the text, re-anchor highlights.
    const sameId = this.#sql('SELECT content_hash FROM articles WHERE id = ?').get(record.id) as Row | undefined;
    const sameText = this.#sql('SELECT id FROM articles WHERE content_hash = ?').get(hash) as Row | undefined;
    if (sameId && sameId.content_hash !== hash && !sameText) return this.#replaceText(record.id, { ...record, tags: [] }, hash);
    return this.#write(() => {
      const existing = this.#findDuplicate(urlKey, hash, record.id);
      if (existing) return { result: { status: 'duplicate', id: existing } as AddResult, changed: [] };
      this.#insert(record.id, { ...record, tags: [] }, record.importedAt, hash, urlKey, record.state);
      return { result: { status: 'imported', id: record.id } as AddResult, changed: [record.id] };
    });
  }

  /** Restores an annotation record (a library export's line, or one read from an annotation export); other types are not ours. */
  restoreOther(record: { type: string }): AddResult | null {
    if (record.type === 'image') {
      this.images.restoreRecord(record);
      return null;
    }
    if (record.type === 'original') {
      this.originals.restoreRecord(record, (id) => this.#sql('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined);
      return null;
    }
    return this.annotations.restoreRecord(record);
  }

  get(id: string): Article | null {
    const row = this.#sql(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as Row | undefined;
    return row ? toArticle(row) : null;
  }

  summaries(ids: readonly string[]): Map<string, ArticleSummary> {
    const result = new Map<string, ArticleSummary>();
    const statement = this.#sql(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`);
    for (const id of ids) {
      const row = statement.get(id) as Row | undefined;
      if (row) result.set(id, toSummary(row));
    }
    return result;
  }

  list(query: ListQuery): ListPage {
    const { sql, params } = whereClause(query);
    const total = (this.#sql(`SELECT count(*) AS n FROM articles ${sql}`).get(...params) as { n: number }).n;
    const rows = this
      // The page's ids are chosen first, so summaries (tags, excerpt) are built for 200 rows, not for every skipped one.
      .#sql(
        `SELECT ${SUMMARY_COLUMNS} FROM articles
         JOIN (SELECT rowid AS page_rowid FROM articles ${sql} ${orderClause(query)} LIMIT ? OFFSET ?) ON articles.rowid = page_rowid
         ${orderClause(query)}`,
      )
      .all(...params, query.limit ?? 100, query.offset ?? 0) as Row[];
    return { total, items: rows.map(toSummary) };
  }

  /**
   * Whether search may show an article under these filter chips. Without chips only the trash is
   * read (a few ids, through an index) instead of every id that may be shown: a CLI search pays this
   * on each run, and reading 20,000 ids costs more than the query itself.
   */
  searchAccepts(filters: SearchFilters = {}): (id: string) => boolean {
    if (Object.values(filters).some((value) => value !== undefined && value !== false)) {
      const ids = this.searchableIds(filters);
      return (id) => ids.has(id);
    }
    const generation = this.generation();
    if (this.#trashed?.generation !== generation) {
      const rows = this.#sql('SELECT id FROM articles WHERE trashed_at IS NOT NULL').all() as Row[];
      this.#trashed = { generation, ids: new Set(rows.map((row) => String(row.id))) };
    }
    const trashed = this.#trashed.ids;
    return (id) => !trashed.has(id);
  }

  /**
   * Ids search may show for these filter chips: never the trash, archived ones included. One query
   * per change of the library or the filters, not one per candidate.
   */
  searchableIds(filters: SearchFilters = {}): ReadonlySet<string> {
    const key = `${this.generation()}:${JSON.stringify(filters)}`;
    if (this.#searchable?.key === key) return this.#searchable.ids;
    const conditions = ['trashed_at IS NULL'];
    const params: SqlValue[] = [];
    if (filters.unread) conditions.push('read = 0');
    if (filters.starred) conditions.push('starred = 1');
    addFilterConditions(filters, conditions, params);
    const rows = this.#sql(`SELECT id FROM articles WHERE ${conditions.join(' AND ')}`).all(...params) as Row[];
    const ids = new Set(rows.map((row) => String(row.id)));
    this.#searchable = { key, ids };
    return ids;
  }

  counts(): SidebarCounts {
    const state = this
      .#sql(
        `SELECT
          sum(trashed_at IS NULL AND archived = 0) AS all_count,
          sum(trashed_at IS NULL AND archived = 0 AND read = 0) AS unread,
          sum(trashed_at IS NULL AND starred = 1) AS starred,
          sum(trashed_at IS NULL AND archived = 1) AS archived,
          sum(trashed_at IS NOT NULL) AS trash
         FROM articles`,
      )
      .get() as Record<string, number | null>;
    const named = (sql: string): NamedCount[] =>
      (this.#sql(sql).all() as { name: string; count: number }[]).map((row) => ({ name: row.name, count: row.count }));
    return {
      all: state.all_count ?? 0,
      unread: state.unread ?? 0,
      starred: state.starred ?? 0,
      archived: state.archived ?? 0,
      trash: state.trash ?? 0,
      collections: named(
        'SELECT collection AS name, count(*) AS count FROM articles WHERE collection IS NOT NULL AND trashed_at IS NULL GROUP BY collection ORDER BY collection COLLATE NOCASE',
      ),
      tags: named(
        'SELECT tag AS name, count(*) AS count FROM article_tags JOIN articles ON articles.id = article_id WHERE trashed_at IS NULL GROUP BY tag ORDER BY tag COLLATE NOCASE',
      ),
      sources: named(
        'SELECT source AS name, count(*) AS count FROM articles WHERE source IS NOT NULL AND trashed_at IS NULL GROUP BY source ORDER BY count DESC, source COLLATE NOCASE',
      ),
    };
  }

  update(id: string, patch: ArticlePatch): ArticleSummary {
    return this.#write(() => {
      if (!this.#sql('SELECT 1 FROM articles WHERE id = ?').get(id)) throw new NotFoundError(`No article with id ${id}`);
      const columns: [string, string | number | null][] = [];
      if (patch.read !== undefined) columns.push(['read', patch.read ? 1 : 0]);
      if (patch.starred !== undefined) columns.push(['starred', patch.starred ? 1 : 0]);
      if (patch.archived !== undefined) columns.push(['archived', patch.archived ? 1 : 0]);
      if (patch.title !== undefined) {
        columns.push(['title', patch.title.normalize('NFC')]);
        columns.push(['title_key', titleSortKey(patch.title)]);
      }
      if (patch.collection !== undefined) columns.push(['collection', patch.collection]);
      if (patch.readingPosition !== undefined) columns.push(['reading_position', patch.readingPosition]);
      if (columns.length) {
        this
          .#sql(`UPDATE articles SET ${columns.map(([name]) => `${name} = ?`).join(', ')} WHERE id = ?`)
          .run(...columns.map(([, value]) => value), id);
      }
      if (patch.tags !== undefined) {
        this.#sql('DELETE FROM article_tags WHERE article_id = ?').run(id);
        const insert = this.#sql('INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)');
        for (const tag of patch.tags) insert.run(id, tag.normalize('NFC'));
      }
      // Reading position alone changes nothing search or the sidebar shows.
      const onlyPosition = Object.keys(patch).every((key) => key === 'readingPosition');
      return { result: this.summaries([id]).get(id)!, changed: onlyPosition ? [] : [id] };
    });
  }

  trash(ids: readonly string[]): number {
    return this.#setTrashed(ids, new Date().toISOString());
  }

  restore(ids: readonly string[]): number {
    return this.#setTrashed(ids, null);
  }

  #setTrashed(ids: readonly string[], trashedAt: string | null): number {
    return this.#write(() => {
      const statement = this.#sql(
        `UPDATE articles SET trashed_at = ? WHERE id = ? AND trashed_at IS ${trashedAt === null ? 'NOT NULL' : 'NULL'}`,
      );
      const changed = ids.filter((id) => Number(statement.run(trashedAt, id).changes) > 0);
      return { result: changed.length, changed };
    });
  }

  emptyTrash(): number {
    const count = this.#write(() => {
      const ids = (this.#sql('SELECT id FROM articles WHERE trashed_at IS NOT NULL').all() as Row[]).map((row) => String(row.id));
      this.#sql('DELETE FROM articles WHERE trashed_at IS NOT NULL').run();
      return { result: ids.length, changed: [], removed: ids };
    });
    this.images.collectGarbage();
    this.originals.collectGarbage();
    return count;
  }

  /**
   * `photos`: also the files the exported articles carry, as lines after theirs (base64): the photos
   * they name (`image`) and the documents they were imported from (`original`: PDF, DOCX, EPUB).
   */
  *exportRecords(ids?: readonly string[], options: { photos?: boolean } = {}): Generator<ExportedArticle | Record<string, unknown>> {
    const wanted = ids ? new Set(ids) : null;
    const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY imported_at, id`).iterate() as Iterable<Row>;
    const exported: string[] = [];
    for (const row of rows) {
      if (wanted && !wanted.has(String(row.id))) continue;
      const article = toArticle(row);
      exported.push(article.id);
      yield {
        format: 'newsroom-reader/1',
        type: 'article',
        id: article.id,
        title: article.title,
        author: article.author,
        source: article.source,
        url: article.url,
        language: article.language,
        publishedAt: article.publishedAt,
        importedAt: article.importedAt,
        body: article.body,
        blocks: article.blocks,
        origin: article.origin,
        contentHash: article.contentHash,
        state: {
          read: article.read,
          starred: article.starred,
          archived: article.archived,
          trashedAt: article.trashedAt,
          tags: article.tags,
          collection: article.collection,
          readingPosition: article.readingPosition,
        },
      } satisfies ExportedArticle;
    }
    const exportedSet = new Set(exported);
    for (const record of this.annotations.exportRecords()) {
      if (exportedSet.has(record.articleId)) yield record as unknown as Record<string, unknown>;
    }
    if (options.photos) for (const image of this.images.exportRecords(exported)) yield { ...image };
    if (options.photos) for (const original of this.originals.exportRecords(exported)) yield { ...original };
  }

  /**
   * A consistent copy of the live database, taken with SQLite's online backup API into a temp file
   * next to `path`, then put in place whole. An existing file is kept unless `overwrite` is set.
   */
  async backup(path: string, options: { overwrite?: boolean } = {}): Promise<{ bytes: number }> {
    // The photos go inside the copy, so the backup stays one file that holds the whole library.
    const write = async (temp: string): Promise<void> => {
      await sqliteBackup(this.db, temp);
      this.images.embedIntoFile(temp);
      this.originals.embedIntoFile(temp);
    };
    return writeBackup(write, path, { ...options, openDatabase: this.dbPath });
  }

  /** The database copied into a new library folder the caller has just created (moving the library). */
  async copyDatabaseInto(folder: string): Promise<string> {
    const path = join(folder, 'library.sqlite');
    await sqliteBackup(this.db, path);
    return path;
  }

  getSetting(key: string): unknown {
    const row = this.#sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    inTransaction(this.db, () => {
      this.#sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
    });
  }

  *allSearchDocuments(): Generator<SearchDocument> {
    yield* allSearchDocuments(this.db);
  }

  /**
   * A feed item already known to be article `id` (by its GUID), possibly with a new link or text:
   * same text → duplicate; new text → replaced and its highlights re-anchored, as a re-import does;
   * null when the article is no longer in the library.
   */
  updateArticle(id: string, given: ArticleDraft): AddResult | null {
    const draft = { ...given, url: safeArticleUrl(given.url) };
    validateDraft(draft);
    const row = this.#sql('SELECT content_hash FROM articles WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    const hash = contentHash(draft.body);
    if (row.content_hash === hash) return { status: 'duplicate', id };
    const sameText = this.#sql('SELECT id FROM articles WHERE content_hash = ?').get(hash) as Row | undefined;
    if (sameText) return { status: 'duplicate', id: String(sameText.id) };
    return this.#replaceText(id, draft, hash);
  }

  /** One statement for the whole list (a page of hits, a batch to re-index), in the order asked. */
  searchDocuments(ids: readonly string[]): SearchDocument[] {
    return searchDocumentsById(this.#sql(SEARCH_DOCUMENTS_BY_ID), ids);
  }
}
