// Highlights and notes as the app changes them. The service owns the annotation rules (anchoring,
// undo, imports from export files, colour labels) and writes through AnnotationLibrary, which the
// library implements: each change is one committed transaction (synchronous=FULL) on the library's
// database and re-indexes its article, because notes and quotes are searchable.
import type { DatabaseSync } from 'node:sqlite';
import type { Block } from '../contract/article.ts';
import {
  AnnotationStore,
  type AnnotationFilter,
  type AnnotationPatch,
  type AnnotationStoreOptions,
  type NewAnnotation,
  type NewQuoteAnnotation,
  type ReanchorReport,
} from './annotation-store.ts';
import { ANNOTATION_IMPORT_RECORD, type AnnotatedArticle, type AnnotationImportRecord, type ExportedAnnotation } from './model.ts';
import type { Annotation, AnnotationColor, ArticleReference, ColorLabels, ImportedAnnotation } from './model.ts';
import { sortInReadingOrder } from './reading-order.ts';
import { withPages, withPagesAcross } from './annotation-pages.ts';

/** What the annotation service needs from the library it lives in. */
export interface AnnotationLibrary {
  /** The connection the annotations table lives on. */
  readonly db: DatabaseSync;
  /** Runs `work` as one committed write and, once committed, tells search and listeners which articles changed. */
  write<T>(work: () => { result: T; changed: string[] }): T;
  article(id: string): AnnotatedArticle | null;
  /** The article stored under this URL (canonicalised the library's way), if any. */
  articleIdForUrl(url: string): string | null;
  /** The blocks of those of these articles that have pages (PDFs); without it, listings across articles carry no pages. */
  pagedBlocks?(articleIds: readonly string[]): ReadonlyMap<string, readonly Block[]>;
}

/** Shaped like the library's AddResult, so an import runner counts restored annotations like articles. */
export interface AnnotationRestoreResult {
  status: 'imported' | 'duplicate';
  id: string;
}

export class AnnotationService {
  readonly #store: AnnotationStore;
  readonly #library: AnnotationLibrary;

  constructor(library: AnnotationLibrary, options: AnnotationStoreOptions = {}) {
    this.#library = library;
    this.#store = new AnnotationStore(library.db, options);
  }

  create(input: NewAnnotation | NewQuoteAnnotation): Annotation {
    return this.#library.write(() => {
      const annotation = 'quote' in input ? this.#store.createFromQuote(input) : this.#store.create(input);
      return { result: annotation, changed: [annotation.articleId] };
    });
  }

  update(id: string, patch: AnnotationPatch): Annotation {
    return this.#library.write(() => {
      const annotation = this.#store.update(id, patch);
      return { result: annotation, changed: [annotation.articleId] };
    });
  }

  delete(id: string): Annotation {
    return this.#library.write(() => {
      const annotation = this.#store.delete(id);
      return { result: annotation, changed: [annotation.articleId] };
    });
  }

  /** Undo of a delete or an edit: puts the annotation back exactly as it was. */
  restore(annotation: Annotation): Annotation {
    return this.#library.write(() => {
      const restored = this.#store.restore(annotation);
      return { result: restored, changed: [restored.articleId] };
    });
  }

  article(id: string): AnnotatedArticle | null {
    return this.#library.article(id);
  }

  /** An article's annotations in reading order, each with its page when the article has pages. */
  forArticle(articleId: string): Annotation[] {
    return withPages(sortInReadingOrder(this.#store.listForArticle(articleId)), this.#library.article(articleId)?.blocks);
  }

  /** Newest first, across articles (or of one), each with its page when its article has pages. */
  list(filter: AnnotationFilter = {}): Annotation[] {
    const annotations = this.#store.listAll(filter);
    const { pagedBlocks } = this.#library;
    return pagedBlocks ? withPagesAcross(annotations, (ids) => pagedBlocks.call(this.#library, ids)) : annotations;
  }

  colorLabels(): ColorLabels {
    return this.#store.colorLabels();
  }

  renameColor(color: AnnotationColor, label: string): ColorLabels {
    return this.#store.renameColor(color, label);
  }

  /**
   * A record an import runner read: an `annotation` line of a library export, or an annotation read
   * back from a Markdown or JSON-LD export. Null for records that are not annotations.
   */
  restoreRecord(record: { type: string }): AnnotationRestoreResult | null {
    if (record.type === ANNOTATION_IMPORT_RECORD) {
      const { article, annotation } = record as AnnotationImportRecord;
      return this.#importOne(article, annotation);
    }
    if (record.type !== 'annotation') return null;
    return this.#library.write(() => {
      const result = this.#store.restoreRecord(record);
      const articleId = (record as { articleId?: unknown }).articleId;
      return { result, changed: result.status === 'imported' && typeof articleId === 'string' ? [articleId] : [] };
    });
  }

  /** After the article's text changed: places its annotations in the new text, inside the library's own write. */
  reanchor(articleId: string, newBody: string): ReanchorReport {
    return this.#store.reanchorArticle(articleId, newBody);
  }

  /** Every annotation as NDJSON export records, article by article in reading order. */
  exportRecords(): ExportedAnnotation[] {
    return this.#store.exportRecords();
  }

  /** Quotes and notes of an article, for its search document. */
  searchTexts(articleId: string): string[] {
    return this.#store.searchTexts(articleId);
  }

  /** One annotation read back from a Markdown or JSON-LD export, placed in the article the file names. */
  #importOne(reference: ArticleReference, annotation: Omit<ImportedAnnotation, 'articleId'>): AnnotationRestoreResult {
    const articleId =
      (reference.id && this.#library.article(reference.id) ? reference.id : null) ?? (reference.url ? this.#library.articleIdForUrl(reference.url) : null);
    if (!articleId) throw new Error(`the article this highlight belongs to is not in the library (${reference.url ?? reference.id ?? 'no reference'})`);
    return this.#library.write(() => {
      const report = this.#store.importAnnotations([{ ...annotation, articleId }]);
      if (report.failed.length) throw new Error(report.failed[0]!.error);
      const status = report.unchanged.length ? 'duplicate' : 'imported';
      return { result: { status, id: annotation.id } as AnnotationRestoreResult, changed: status === 'imported' ? [articleId] : [] };
    });
  }
}
