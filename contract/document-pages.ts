// Pages of paged documents (PDF): blocks carry the page they start on; an offset's page is the page
// of the last block starting at or before it. Plain functions on plain data, so the core (annotations,
// exports) and the renderer (citations, the reader's "Trang 3") agree on one rule.
import type { Block } from './article.ts';

/** The page an offset into the body lies on, or null for an article without pages. */
export function pageAt(blocks: readonly Pick<Block, 'start' | 'page'>[], offset: number): number | null {
  let page: number | null = null;
  // Blocks are in body order; the last one starting at or before the offset holds it (or the gap after it).
  for (const block of blocks) {
    if (block.start > offset) break;
    if (block.page !== undefined) page = block.page;
  }
  if (page === null) return blocks.find((block) => block.page !== undefined)?.page ?? null;
  return page;
}

/** Whether an article came from a paged document. */
export function hasPages(blocks: readonly Pick<Block, 'page'>[]): boolean {
  return blocks.some((block) => block.page !== undefined);
}

/** "tr. 3": the page as Vietnamese citations write it (trang = page). */
export function pageCitation(page: number): string {
  return `tr. ${page}`;
}
