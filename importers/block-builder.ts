// Assembles the stored body and its block offsets from structural pieces.
import type { Block, BlockKind } from '../library/model.ts';
import type { FigureSource } from './figure-pieces.ts';
import { tidyInline } from './text-normalize.ts';

export interface BlockPiece {
  kind: BlockKind;
  text: string;
  /** Heading level 1–6, only for headings. */
  level?: number;
  /** The page of a paged document the piece starts on. */
  page?: number;
  /** Only for figures, whose text is empty: the photo the page names. */
  figure?: FigureSource;
  /** The text is already what tidyInline makes of it, so it is not scanned a third time. */
  tidy?: true;
}

/** Where a figure block's photo is to be fetched or read from (http(s), data: or file: next to a saved page). */
export interface ImageSource {
  block: number;
  url: string;
}

export interface BuiltBody {
  body: string;
  blocks: Block[];
  /** One per figure block, for the step that downloads and stores the photos. */
  imageSources: ImageSource[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Tidies each piece, drops empty ones, and joins them with "\n\n"; offsets are UTF-16 units into the body.
 * A figure is an empty block where it stands (its caption follows as caption blocks, as it always did),
 * so photos never move the text that highlights are anchored to.
 */
export function buildBody(pieces: readonly BlockPiece[]): BuiltBody {
  const blocks: Block[] = [];
  const imageSources: ImageSource[] = [];
  const seen = new Set<string>();
  let body = '';
  for (const piece of pieces) {
    if (piece.kind === 'figure') {
      const figure = piece.figure;
      if (!figure || seen.has(figure.source)) continue;
      seen.add(figure.source);
      const src = /^https?:/i.test(figure.source) ? figure.source : null;
      imageSources.push({ block: blocks.length, url: figure.source });
      blocks.push({ kind: 'figure', start: body.length, end: body.length, figure: { image: null, src, alt: figure.alt, credit: figure.credit } });
      continue;
    }
    const text = piece.tidy ? piece.text : tidyInline(piece.text);
    if (text.length === 0) continue;
    if (body.length > 0) body += PARAGRAPH_SEPARATOR;
    const block: Block = { kind: piece.kind, start: body.length, end: body.length + text.length };
    if (piece.kind === 'heading') block.level = Math.min(6, Math.max(1, piece.level ?? 2));
    if (piece.page !== undefined) block.page = piece.page;
    blocks.push(block);
    body += text;
  }
  return { body, blocks, imageSources };
}
