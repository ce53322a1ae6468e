// Assembles the stored body and its block offsets from structural pieces.
import type { Block, BlockKind } from '../library/model.ts';
import { tidyInline } from './text-normalize.ts';

export interface BlockPiece {
  kind: BlockKind;
  text: string;
  /** Heading level 1–6, only for headings. */
  level?: number;
  /** The page of a paged document the piece starts on. */
  page?: number;
}

export interface BuiltBody {
  body: string;
  blocks: Block[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Tidies each piece, drops empty ones, and joins them with "\n\n"; offsets are UTF-16 units into the body. */
export function buildBody(pieces: readonly BlockPiece[]): BuiltBody {
  const blocks: Block[] = [];
  let body = '';
  for (const piece of pieces) {
    const text = tidyInline(piece.text);
    if (text.length === 0) continue;
    if (body.length > 0) body += PARAGRAPH_SEPARATOR;
    const block: Block = { kind: piece.kind, start: body.length, end: body.length + text.length };
    if (piece.kind === 'heading') block.level = Math.min(6, Math.max(1, piece.level ?? 2));
    if (piece.page !== undefined) block.page = piece.page;
    blocks.push(block);
    body += text;
  }
  return { body, blocks };
}
