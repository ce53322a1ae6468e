// An annotation's page, derived from where it starts and the article's blocks (see contract/document-pages.ts).
import type { DatabaseSync } from 'node:sqlite';
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
 * Annotations of many articles (the All annotations view) with their pages: the blocks of each paged
 * article they are on are read once, in one statement; articles without pages (nearly all) have no
 * `"page"` key in their blocks and are not even parsed.
 */
export function withPagesAcross(db: DatabaseSync, annotations: Annotation[]): Annotation[] {
  if (annotations.length === 0) return annotations;
  const ids = JSON.stringify([...new Set(annotations.map((annotation) => annotation.articleId))]);
  const rows = db
    .prepare(`SELECT article_id, blocks FROM article_content WHERE article_id IN (SELECT value FROM json_each(?)) AND instr(blocks, '"page":') > 0`)
    .all(ids) as { article_id: string; blocks: string }[];
  if (rows.length === 0) return annotations;
  const blocksOf = new Map(rows.map((row) => [row.article_id, JSON.parse(row.blocks) as Block[]]));
  return annotations.map((annotation) => {
    const blocks = blocksOf.get(annotation.articleId);
    const page = blocks && hasPages(blocks) ? pageAt(blocks, annotation.position.start) : null;
    return page === null ? annotation : { ...annotation, page };
  });
}
