import type { AnnotationFilter, AnnotationPatch, AnnotationStore, NewAnnotation, NewQuoteAnnotation } from '../annotations/annotation-store.ts';
import { exportAnnotationsJsonLd, type JsonLdAnnotationCollection } from '../annotations/jsonld-export.ts';
import { exportArticleMarkdown } from '../annotations/markdown-export.ts';
import type { Annotation, AnnotationColor, ArticleReference, ColorLabels, ImportedAnnotation } from '../annotations/model.ts';
import { sortInReadingOrder } from '../annotations/reading-order.ts';
import { NotFoundError } from './library-errors.ts';
import type { AddResult } from './model.ts';
import type { Article } from '../contract/article.ts';

/** A library write that tells search and listeners which articles changed, once it is committed. */
export type ChangeWrite = <T>(work: () => { result: T; changed: string[] }) => T;

/**
 * Highlights and notes, through the library: each change is one committed transaction
 * (synchronous=FULL) and re-indexes its article, because notes and quotes are searchable.
 */
export class LibraryAnnotations {
  readonly #store: AnnotationStore;
  readonly #write: ChangeWrite;
  readonly #article: (id: string) => Article | null;
  readonly #resolveUrl: (url: string) => string | null;

  constructor(store: AnnotationStore, write: ChangeWrite, article: (id: string) => Article | null, resolveUrl: (url: string) => string | null) {
    this.#store = store;
    this.#write = write;
    this.#article = article;
    this.#resolveUrl = resolveUrl;
  }

  create(input: NewAnnotation | NewQuoteAnnotation): Annotation {
    return this.#write(() => {
      const annotation = 'quote' in input ? this.#store.createFromQuote(input) : this.#store.create(input);
      return { result: annotation, changed: [annotation.articleId] };
    });
  }

  update(id: string, patch: AnnotationPatch): Annotation {
    return this.#write(() => {
      const annotation = this.#store.update(id, patch);
      return { result: annotation, changed: [annotation.articleId] };
    });
  }

  delete(id: string): Annotation {
    return this.#write(() => {
      const annotation = this.#store.delete(id);
      return { result: annotation, changed: [annotation.articleId] };
    });
  }

  /** Undo of a delete or an edit: puts the annotation back exactly as it was. */
  restore(annotation: Annotation): Annotation {
    return this.#write(() => {
      const restored = this.#store.restore(annotation);
      return { result: restored, changed: [restored.articleId] };
    });
  }

  forArticle(articleId: string): Annotation[] {
    return sortInReadingOrder(this.#store.listForArticle(articleId));
  }

  list(filter: AnnotationFilter = {}): Annotation[] {
    return this.#store.listAll(filter);
  }

  colorLabels(): ColorLabels {
    return this.#store.colorLabels();
  }

  renameColor(color: AnnotationColor, label: string): ColorLabels {
    return this.#store.renameColor(color, label);
  }

  /** The article as Markdown: title, source, URL, date, then each highlight as a quote with its note. */
  markdown(articleId: string): string {
    const article = this.#require(articleId);
    return exportArticleMarkdown(article, this.#store.listForArticle(articleId), this.#store.colorLabels());
  }

  /** W3C Web Annotation JSON-LD for one article, or for the whole library. */
  jsonLd(articleId?: string): JsonLdAnnotationCollection {
    const annotations = articleId ? this.#store.listForArticle(this.#require(articleId).id) : this.#store.listAll();
    return exportAnnotationsJsonLd(annotations, this.#store.colorLabels(), (id) => this.#article(id)?.url ?? null);
  }

  /** One annotation read back from a Markdown or JSON-LD export, placed in the article the file names. */
  importOne(reference: ArticleReference, annotation: Omit<ImportedAnnotation, 'articleId'>): AddResult {
    const articleId =
      (reference.id && this.#article(reference.id) ? reference.id : null) ?? (reference.url ? this.#resolveUrl(reference.url) : null);
    if (!articleId) throw new Error(`the article this highlight belongs to is not in the library (${reference.url ?? reference.id ?? 'no reference'})`);
    return this.#write(() => {
      const report = this.#store.importAnnotations([{ ...annotation, articleId }]);
      if (report.failed.length) throw new Error(report.failed[0]!.error);
      const status = report.unchanged.length ? 'duplicate' : 'imported';
      return { result: { status, id: annotation.id } as AddResult, changed: status === 'imported' ? [articleId] : [] };
    });
  }

  #require(articleId: string): Article {
    const article = this.#article(articleId);
    if (!article) throw new NotFoundError(`No article with id ${articleId}`);
    return article;
  }
}
