// PDF: text with its pages, structure rebuilt from positions and font sizes (pdf-layout.ts), legacy
// font text repaired, scanned pages recognised by OCR (pdf-ocr.ts), title/author/date from the
// document's metadata or else from its first page.
import { createDraft } from '../article-draft.ts';
import type { BlockPiece } from '../block-builder.ts';
import { ImportInputError, type ImportInput, type Importer, type ParseContext, type ParsedItem } from '../import-types.ts';
import { findPublishedDate } from '../published-date.ts';
import { tidyInline } from '../text-normalize.ts';
import { acceptsPdf } from './document-choice.ts';
import { repairLegacyFontText } from './legacy-font-repair.ts';
import { piecesFromPages, type PdfPageText } from './pdf-layout.ts';
import { readPdfText } from './pdf-text.ts';
import { OCR_TAG, ocrPieces } from './image-importer.ts';
import { recognisePdfPages } from './pdf-ocr.ts';

/** Titles that word processors write into the metadata on their own and that name no document. */
const MACHINE_TITLE = /^(?:microsoft word\s*-|untitled\b|document\d*$|.*\.(?:docx?|pdf|odt|rtf)$)/iu;

function usableTitle(title: string | null): string | null {
  return title && !MACHINE_TITLE.test(title) ? title : null;
}

/** The title: the metadata's, or else the first page's leading heading (taken out of the body). */
function takeTitle(pieces: BlockPiece[], declared: string | null): string | null {
  const first = pieces[0];
  if (declared) {
    if (first?.kind === 'heading' && tidyInline(first.text) === tidyInline(declared)) pieces.shift();
    return declared;
  }
  if (first?.kind === 'heading' && first.page === 1) return pieces.shift()!.text;
  return null;
}

/** Pieces of the text pages and of the recognised ones, in page order (each list is in page order already). */
function inPageOrder(typed: readonly BlockPiece[], recognised: readonly BlockPiece[]): BlockPiece[] {
  const merged: BlockPiece[] = [];
  let next = 0;
  for (const piece of typed) {
    while (next < recognised.length && (recognised[next]!.page ?? 0) < (piece.page ?? 0)) merged.push(recognised[next++]!);
    merged.push(piece);
  }
  return merged.concat(recognised.slice(next));
}

/**
 * The scanned pages' text as pieces. Without a model, a PDF that also has typed pages is imported
 * without the scans' OCR (null: every page's text layer as it is, a stamp over a scan included); one
 * that is nothing but scans is refused with `ocr-model-missing`.
 */
async function scannedPieces(bytes: Uint8Array, pages: readonly number[], hasTypedText: boolean, context: ParseContext): Promise<BlockPiece[] | null> {
  if (pages.length === 0) return [];
  let texts: Map<number, string>;
  try {
    texts = await recognisePdfPages(bytes, pages, { onPage: (done, total) => context.onProgress?.({ done, total, ocr: true }) });
  } catch (error) {
    if (hasTypedText && error instanceof ImportInputError && error.reason.kind === 'ocr-model-missing') return null;
    throw error;
  }
  return pages.flatMap((page) => ocrPieces(texts.get(page) ?? '').map((piece) => ({ ...piece, page })));
}

/** The pages with the scans' text layers left out: OCR reads a stamp or header typed over a scan along with the rest. */
function withoutScans(pages: readonly PdfPageText[], scanned: readonly number[]): PdfPageText[] {
  const scans = new Set(scanned);
  return pages.map((page) => (scans.has(page.number) ? { ...page, items: [] } : page));
}

export const pdfImporter: Importer = {
  id: 'pdf',
  accepts: acceptsPdf,
  async parse(input: ImportInput, context: ParseContext = {}): Promise<ParsedItem[]> {
    const pdf = await readPdfText(input.bytes, { onPage: (done, total) => context.onProgress?.({ done, total, ocr: false }) });
    // Typed pages besides the scans: without a model the document is still worth importing.
    const scans = new Set(pdf.scannedPages);
    const typedPages = pdf.pages.some((page) => !scans.has(page.number) && page.items.some((item) => item.text.trim() !== ''));
    const ocr = await scannedPieces(input.bytes, pdf.scannedPages, typedPages, context);
    const typed = repairLegacyFontText(piecesFromPages(ocr === null ? pdf.pages : withoutScans(pdf.pages, pdf.scannedPages)));
    const recognised = ocr ?? [];
    const { encoding } = typed;
    const pieces = inPageOrder(typed.pieces, recognised);
    if (pieces.length === 0) throw new ImportInputError({ kind: 'no-text' });
    const title = takeTitle(pieces, usableTitle(pdf.metadata.title));
    const firstPageText = pieces.filter((piece) => piece.page === 1).map((piece) => piece.text).join('\n');
    const draft = createDraft({
      title,
      author: pdf.metadata.author,
      publishedAt: pdf.metadata.created ?? findPublishedDate(firstPageText),
      origin: input.origin,
      pieces,
      ...(recognised.length > 0 ? { tags: [OCR_TAG] } : {}),
    });
    return [{ kind: 'draft', draft, ...(encoding ? { encoding } : {}) }];
  },
};
