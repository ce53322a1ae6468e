// PDF: text with its pages, structure rebuilt from positions and font sizes (pdf-layout.ts), legacy
// font text repaired, title/author/date from the document's metadata or else from its first page.
import { createDraft } from '../article-draft.ts';
import type { BlockPiece } from '../block-builder.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from '../import-types.ts';
import { findPublishedDate } from '../published-date.ts';
import { tidyInline } from '../text-normalize.ts';
import { acceptsPdf } from './document-choice.ts';
import { repairLegacyFontText } from './legacy-font-repair.ts';
import { piecesFromPages } from './pdf-layout.ts';
import { readPdfText } from './pdf-text.ts';

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

export const pdfImporter: Importer = {
  id: 'pdf',
  accepts: acceptsPdf,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const pdf = await readPdfText(input.bytes);
    const { pieces, encoding } = repairLegacyFontText(piecesFromPages(pdf.pages));
    if (pieces.length === 0) throw new ImportInputError({ kind: 'no-text' });
    const title = takeTitle(pieces, usableTitle(pdf.metadata.title));
    const firstPageText = pieces.filter((piece) => piece.page === 1).map((piece) => piece.text).join('\n');
    const draft = createDraft({
      title,
      author: pdf.metadata.author,
      publishedAt: pdf.metadata.created ?? findPublishedDate(firstPageText),
      origin: input.origin,
      pieces,
    });
    return [{ kind: 'draft', draft, ...(encoding ? { encoding } : {}) }];
  },
};
