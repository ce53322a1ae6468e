// An annotation's page, derived from where it starts and the article's blocks (see contract/document-pages.ts).
import type { Block } from '../contract/article.ts';
import { hasPages, pageAt } from '../contract/document-pages.ts';
import type { Annotation } from './model.ts';

/** The annotations with `page` set when the article has pages; unchanged otherwise. */
export function withPages(annotations: Annotation[], blocks: readonly Block[] | undefined): Annotation[] {
  if (!blocks || !hasPages(blocks)) return annotations;
  return annotations.map((annotation) => {
    const page = pageAt(blocks, annotation.position.start);
    return page === null ? annotation : { ...annotation, page };
  });
}

/**
 * Annotations of many articles (the All annotations view) with their pages: `pagedBlocks` gives the
 * blocks of those of their articles that have pages (the library reads them in one statement).
 */
export function withPagesAcross(annotations: Annotation[], pagedBlocks: (articleIds: readonly string[]) => ReadonlyMap<string, readonly Block[]>): Annotation[] {
  if (annotations.length === 0) return annotations;
  const blocksOf = pagedBlocks([...new Set(annotations.map((annotation) => annotation.articleId))]);
  if (blocksOf.size === 0) return annotations;
  return annotations.map((annotation) => {
    const blocks = blocksOf.get(annotation.articleId);
    const page = blocks && hasPages(blocks) ? pageAt(blocks, annotation.position.start) : null;
    return page === null ? annotation : { ...annotation, page };
  });
}
