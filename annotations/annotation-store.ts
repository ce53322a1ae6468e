// SQLite persistence for annotations, on the connection the library opens. Every write is its own
// transaction with synchronous=FULL, and the API is synchronous: when a call returns, the change is
// on disk, so the UI may confirm it.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import * as v from 'valibot';
import { anchor, locateQuote } from './anchoring.ts';
import { AnnotationError } from './annotation-error.ts';
import { ANNOTATION_COLUMNS, ANNOTATION_SYNC_COLUMNS, ANNOTATION_VALUES, annotationToRow, rowToAnnotation } from './annotation-rows.ts';
import { toExportRecord } from './export-record.ts';
import {
  ANNOTATION_COLORS,
  DEFAULT_ANNOTATION_COLOR,
  DEFAULT_COLOR_LABELS,
  ExportedAnnotationSchema,
  isAnnotationColor,
  type AnchorResult,
  type Annotation,
  type AnnotationColor,
  type ColorLabels,
  type ExportedAnnotation,
  type ImportedAnnotation,
} from './model.ts';
import { describeRange } from './quote-context.ts';

export { ANNOTATIONS_SCHEMA_SQL } from './annotation-rows.ts';

export interface AnnotationStoreOptions {
  /** For tests: a fixed clock and predictable ids. */
  now?: () => Date;
  newId?: () => string;
}

/** A highlight of body[start, end), offsets into the stored NFC body. */
export interface NewAnnotation {
  articleId: string;
  start: number;
  end: number;
  color?: AnnotationColor;
  note?: string;
}

/** A highlight of typed text (the CLI): the first occurrence, or the one prefix/suffix single out. */
export interface NewQuoteAnnotation {
  articleId: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  color?: AnnotationColor;
  note?: string;
}

export interface AnnotationPatch {
  note?: string;
  color?: AnnotationColor;
}

export interface AnnotationFilter {
  color?: AnnotationColor;
  articleId?: string;
  /** A colour's current label (case-insensitive), e.g. 'verify', or a colour name. */
  tag?: string;
}

export interface ReanchorReport {
  articleId: string;
  anchored: number;
  /** Ids that could not be placed in the new text; kept with their quote and note. */
  orphaned: string[];
  /** Ids that were orphans before and have been placed again. */
  recovered: string[];
}

export interface AnnotationImportReport {
  imported: string[];
  /** Already here and older or equal in the file: left as is. */
  unchanged: string[];
  /** Already here but newer in the file: replaced. */
  replaced: string[];
  /** Imported or replaced, but the quote could not be placed in this library's copy of the article. */
  orphaned: string[];
  failed: { id: string; error: string }[];
}

type Row = Record<string, string | number>;

export class AnnotationStore {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #newId: () => string;
  /** The columns read: with author, desk and is_foreign once the library's archive step has run. */
  readonly #columns: string;

  constructor(db: DatabaseSync, options: AnnotationStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    const synced = db.prepare("SELECT 1 FROM pragma_table_info('annotations') WHERE name = 'is_foreign'").get();
    this.#columns = synced ? `${ANNOTATION_COLUMNS}, ${ANNOTATION_SYNC_COLUMNS}` : ANNOTATION_COLUMNS;
  }

  get(id: string): Annotation | null {
    const row = this.#db.prepare(`SELECT ${this.#columns} FROM annotations WHERE id = ?`).get(id);
    return row ? rowToAnnotation(row) : null;
  }

  create(input: NewAnnotation): Annotation {
    const body = this.#body(input.articleId);
    if (!(Number.isInteger(input.start) && Number.isInteger(input.end) && input.start >= 0 && input.start < input.end && input.end <= body.length)) {
      throw new AnnotationError('invalid-range', `The range ${input.start}–${input.end} is not inside the article (${body.length} characters).`);
    }
    const { quote, position } = describeRange(body, input.start, input.end);
    const time = this.#now().toISOString();
    const annotation: Annotation = {
      id: this.#newId(),
      articleId: input.articleId,
      quote,
      position,
      status: 'anchored',
      color: input.color ?? DEFAULT_ANNOTATION_COLOR,
      note: input.note ?? '',
      created: time,
      updated: time,
    };
    this.#write(() => this.#insert(annotation));
    return annotation;
  }

  createFromQuote(input: NewQuoteAnnotation): Annotation {
    const body = this.#body(input.articleId);
    const lookup = locateQuote(body, input.quote, { prefix: input.prefix, suffix: input.suffix });
    if (lookup.status === 'not-found') {
      throw new AnnotationError('quote-not-found', `The quote was not found in article ${input.articleId}: “${input.quote}”.`);
    }
    if (lookup.status === 'context-mismatch') {
      throw new AnnotationError(
        'quote-not-found',
        `The quote occurs ${lookup.occurrences} time(s) in article ${input.articleId}, but never with the given prefix/suffix.`,
      );
    }
    return this.create({ articleId: input.articleId, start: lookup.start, end: lookup.end, color: input.color, note: input.note });
  }

  update(id: string, patch: AnnotationPatch): Annotation {
    const current = this.#requireOwn(id);
    const next: Annotation = {
      ...current,
      note: patch.note ?? current.note,
      color: patch.color ?? current.color,
      updated: this.#now().toISOString(),
    };
    this.#write(() =>
      this.#db.prepare('UPDATE annotations SET note = ?, color = ?, updated_at = ? WHERE id = ?').run(next.note, next.color, next.updated, id),
    );
    return next;
  }

  /** Removes the annotation and returns it whole, so the UI can offer undo through `restore`. */
  delete(id: string): Annotation {
    const current = this.#requireOwn(id);
    this.#write(() => this.#db.prepare('DELETE FROM annotations WHERE id = ?').run(id));
    return current;
  }

  /** Puts back a deleted annotation as it was, placed again in case the article changed meanwhile. */
  restore(annotation: Annotation): Annotation {
    const body = this.#body(annotation.articleId);
    const placed = place(annotation, anchor(body, annotation), body);
    this.#write(() => this.#upsert(placed));
    return placed;
  }

  /** Reading order: anchored ones by position, then orphans (oldest first). */
  listForArticle(articleId: string): Annotation[] {
    return this.#db
      .prepare(
        `SELECT ${this.#columns} FROM annotations WHERE article_id = ?
         ORDER BY status = 'orphan', position_start, position_end, created_at, id`,
      )
      .all(articleId)
      .map(rowToAnnotation);
  }

  /** Newest first. */
  listAll(filter: AnnotationFilter = {}): Annotation[] {
    const conditions: string[] = [];
    const values: string[] = [];
    if (filter.articleId !== undefined) {
      conditions.push('article_id = ?');
      values.push(filter.articleId);
    }
    if (filter.color !== undefined) {
      conditions.push('color = ?');
      values.push(filter.color);
    }
    if (filter.tag !== undefined) {
      const colors = this.#colorsTagged(filter.tag);
      if (colors.length === 0) return [];
      conditions.push(`color IN (${colors.map(() => '?').join(', ')})`);
      values.push(...colors);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.#db
      .prepare(`SELECT ${this.#columns} FROM annotations ${where} ORDER BY created_at DESC, id`)
      .all(...values)
      .map(rowToAnnotation);
  }

  /**
   * After the article's text changed (re-import): places every annotation in `newBody`, orphans
   * included, and records what it found. The library may call it inside its own transaction.
   */
  reanchorArticle(articleId: string, newBody: string): ReanchorReport {
    const body = newBody.normalize('NFC');
    const report: ReanchorReport = { articleId, anchored: 0, orphaned: [], recovered: [] };
    const before = this.listForArticle(articleId);
    const after = before.map((annotation) => place(annotation, anchor(body, annotation), body));
    after.forEach((annotation, index) => {
      if (annotation.status === 'orphan') report.orphaned.push(annotation.id);
      else {
        report.anchored++;
        if (before[index]!.status === 'orphan') report.recovered.push(annotation.id);
      }
    });
    this.#write(() => after.forEach((annotation) => this.#upsert(annotation)));
    return report;
  }

  /** Annotations from an export file (Markdown, JSON-LD, NDJSON), placed in this library's articles. */
  importAnnotations(items: readonly ImportedAnnotation[]): AnnotationImportReport {
    const report: AnnotationImportReport = { imported: [], unchanged: [], replaced: [], orphaned: [], failed: [] };
    const toWrite: Annotation[] = [];
    for (const item of items) {
      try {
        const existing = this.get(item.id);
        if (existing && Date.parse(existing.updated) >= Date.parse(item.updated)) {
          report.unchanged.push(item.id);
          continue;
        }
        const body = this.#body(item.articleId);
        const placed = place({ ...item, position: item.position ?? { type: 'TextPositionSelector', start: 0, end: 0 }, status: 'anchored' }, anchor(body, item), body);
        (existing ? report.replaced : report.imported).push(item.id);
        if (placed.status === 'orphan') report.orphaned.push(item.id);
        toWrite.push(placed);
      } catch (error) {
        report.failed.push({ id: item.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    this.#write(() => toWrite.forEach((annotation) => this.#upsert(annotation)));
    return report;
  }

  /** Restores one `type: 'annotation'` line of a library export; shaped like the library's AddResult. */
  restoreRecord(record: unknown): { status: 'imported' | 'duplicate'; id: string } {
    const parsed = v.safeParse(ExportedAnnotationSchema, record);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((step) => String(step.key)).join('.') ?? 'record';
      throw new AnnotationError('invalid-input', `Invalid annotation record: ${path}: ${issue.message}`);
    }
    const report = this.importAnnotations([parsed.output]);
    if (report.failed.length > 0) throw new AnnotationError('article-not-found', report.failed[0]!.error);
    return { status: report.unchanged.length > 0 ? 'duplicate' : 'imported', id: parsed.output.id };
  }

  /** Every annotation as NDJSON export records, article by article in reading order. */
  exportRecords(): ExportedAnnotation[] {
    return this.#db
      .prepare(
        `SELECT ${this.#columns} FROM annotations
         ORDER BY article_id, status = 'orphan', position_start, position_end, created_at, id`,
      )
      .all()
      .map((row) => toExportRecord(rowToAnnotation(row)));
  }

  /** Quotes and notes of an article, for its search document. */
  searchTexts(articleId: string): string[] {
    return this.listForArticle(articleId).flatMap((annotation) =>
      annotation.note === '' ? [annotation.quote.exact] : [annotation.quote.exact, annotation.note],
    );
  }

  colorLabels(): ColorLabels {
    const labels: ColorLabels = { ...DEFAULT_COLOR_LABELS };
    for (const row of this.#db.prepare('SELECT color, label FROM annotation_color_labels').all()) {
      if (isAnnotationColor(row.color)) labels[row.color] = String(row.label);
    }
    return labels;
  }

  renameColor(color: AnnotationColor, label: string): ColorLabels {
    const name = label.trim();
    if (name === '') throw new AnnotationError('invalid-input', 'A colour label cannot be empty.');
    this.#write(() =>
      this.#db
        .prepare('INSERT INTO annotation_color_labels (color, label) VALUES (?, ?) ON CONFLICT (color) DO UPDATE SET label = excluded.label')
        .run(color, name),
    );
    return this.colorLabels();
  }

  #colorsTagged(tag: string): AnnotationColor[] {
    const wanted = tag.trim().toLocaleLowerCase();
    const labels = this.colorLabels();
    return ANNOTATION_COLORS.filter((color) => color === wanted || labels[color].toLocaleLowerCase() === wanted);
  }

  #body(articleId: string): string {
    const row = this.#db.prepare('SELECT body FROM article_content WHERE article_id = ?').get(articleId);
    if (!row) throw new AnnotationError('article-not-found', `No article with id ${articleId}.`);
    return String(row.body).normalize('NFC');
  }

  #require(id: string): Annotation {
    const annotation = this.get(id);
    if (!annotation) throw new AnnotationError('annotation-not-found', `No annotation with id ${id}.`);
    return annotation;
  }

  /** Another reporter's annotation (pulled from the shared archive) is shown, never changed here. */
  #requireOwn(id: string): Annotation {
    const annotation = this.#require(id);
    if (annotation.foreign) throw new AnnotationError('invalid-input', `Annotation ${id} was written by ${annotation.author ?? 'another reporter'}: it is read-only here.`);
    return annotation;
  }

  #insert(annotation: Annotation): void {
    this.#db.prepare(`INSERT INTO annotations (${ANNOTATION_COLUMNS}) VALUES (${ANNOTATION_VALUES})`).run(annotationToRow(annotation) as Row);
  }

  #upsert(annotation: Annotation): void {
    this.#db
      // An update in place, not INSERT OR REPLACE: that would delete the row first and lose its author,
      // desk, per-field times and note history (and tell the archive's outbox it was deleted).
      .prepare(`INSERT INTO annotations (${ANNOTATION_COLUMNS}) VALUES (${ANNOTATION_VALUES}) ON CONFLICT (id) DO UPDATE SET ${UPSERT_SET}`)
      .run(annotationToRow(annotation) as Row);
  }

  /**
   * BEGIN IMMEDIATE … COMMIT with synchronous=FULL for this commit whatever the library's setting, so
   * a returned call is durable. Inside a transaction someone else opened, the outer commit decides.
   */
  #write<T>(work: () => T): T {
    if (this.#db.isTransaction) return work();
    const previous = Number(this.#db.prepare('PRAGMA synchronous').get()?.synchronous ?? 2);
    const FULL = 2;
    if (previous < FULL) this.#db.exec('PRAGMA synchronous = FULL');
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      if (previous < FULL) this.#db.exec(`PRAGMA synchronous = ${previous}`);
    }
  }
}

const UPSERT_SET = ANNOTATION_COLUMNS.split(', ')
  .filter((column) => column !== 'id')
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/**
 * The annotation after anchoring. When placed, its selectors describe the text it now covers, so
 * exports quote the article as it reads today; when not, it keeps its old quote and position.
 */
function place(annotation: Annotation, result: AnchorResult, body: string): Annotation {
  if (result.status === 'orphan') {
    const quote = annotation.quote;
    const nfc = { type: 'TextQuoteSelector' as const, exact: quote.exact.normalize('NFC'), prefix: quote.prefix.normalize('NFC'), suffix: quote.suffix.normalize('NFC') };
    return { ...annotation, quote: nfc, status: 'orphan' };
  }
  const { quote, position } = describeRange(body, result.start, result.end);
  return { ...annotation, quote, position, status: 'anchored' };
}
