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
