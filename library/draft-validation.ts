import { isSafeArticleUrl } from '../contract/article-url.ts';
import { InvalidArticleError } from './library-errors.ts';
import type { ArticleDraft, Block, ExportedArticle } from './model.ts';

const BLOCK_KINDS = new Set(['paragraph', 'heading', 'quote', 'list-item', 'caption', 'figure']);
/** A stored photo's name: its sha256 and the extension of its sniffed type. */
export const IMAGE_REF = /^[0-9a-f]{64}\.(jpg|png|gif|webp|avif)$/;

function checkFigure(block: Block): void {
  const figure = block.figure;
  if (block.kind !== 'figure') {
    if (figure !== undefined) throw new InvalidArticleError('Only figure blocks carry a photo');
    return;
  }
  if (!figure || typeof figure.alt !== 'string' || (figure.credit !== null && typeof figure.credit !== 'string')) throw new InvalidArticleError('A figure block needs its photo fields');
  if (figure.image !== null && !IMAGE_REF.test(String(figure.image))) throw new InvalidArticleError('A figure names its photo by content hash');
  if (figure.src !== null && !isSafeArticleUrl(String(figure.src))) throw new InvalidArticleError('A photo address must be an http or https URL');
}

function checkBlocks(blocks: readonly Block[], bodyLength: number): void {
  for (const block of blocks) {
    if (!BLOCK_KINDS.has(block.kind)) throw new InvalidArticleError(`Unknown block kind "${String(block.kind)}"`);
    if (!Number.isInteger(block.start) || !Number.isInteger(block.end) || block.start < 0 || block.end > bodyLength || block.start > block.end) {
      throw new InvalidArticleError(`Block ${block.start}–${block.end} lies outside the body (${bodyLength} characters)`);
    }
    checkFigure(block);
    if (block.page !== undefined && (!Number.isInteger(block.page) || block.page < 1)) throw new InvalidArticleError(`Block page ${String(block.page)} is not a page number`);
  }
}

/** Refuses anything that would store text whose offsets could later shift or point nowhere. */
export function validateDraft(draft: ArticleDraft): void {
  if (typeof draft.body !== 'string' || draft.body.trim() === '') throw new InvalidArticleError('The article has no text');
  if (typeof draft.title !== 'string' || draft.title.trim() === '') throw new InvalidArticleError('The article has no title');
  if (draft.body !== draft.body.normalize('NFC')) throw new InvalidArticleError('The body must be NFC-normalised before it is stored');
  if (draft.url !== null && draft.url !== undefined && !isSafeArticleUrl(draft.url)) throw new InvalidArticleError('An article link must be an http or https URL');
  checkBlocks(draft.blocks, draft.body.length);
}

export function validateRecord(record: ExportedArticle): void {
  validateDraft({ ...record, tags: [] });
  if (!record.id || !record.importedAt) throw new InvalidArticleError('An exported article needs its id and import time');
}
