// Scanned pages as images (PNG, JPEG, TIFF): recognised with Tesseract's Vietnamese model (ocr.ts).
// The article is tagged "OCR", so readers know its text was recognised, not typed.
import { imageSize } from 'image-size';
import { createDraft } from '../article-draft.ts';
import type { BlockPiece } from '../block-builder.ts';
import { ImportInputError, type ImportInput, type Importer, type ParseContext, type ParsedItem } from '../import-types.ts';
import { acceptsImage } from './document-choice.ts';
import { recogniseImages } from './ocr.ts';

/** The tag every article made by OCR carries. */
export const OCR_TAG = 'OCR';

/** Tesseract's text: blank lines between paragraphs; lines inside one are joined, hyphenated breaks too. */
export function ocrPieces(text: string): BlockPiece[] {
  return text
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2').replace(/\s*\n\s*/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ kind: 'paragraph' as const, text: paragraph }));
}

function hasImageSize(bytes: Uint8Array): boolean {
  try {
    const { width, height } = imageSize(bytes);
    return (width ?? 0) > 0 && (height ?? 0) > 0;
  } catch {
    return false;
  }
}

export const imageImporter: Importer = {
  id: 'image',
  accepts: acceptsImage,
  async parse(input: ImportInput, context: ParseContext = {}): Promise<ParsedItem[]> {
    // A header that does not say its size is no image to read; Tesseract would fail on it outside the
    // promise it returns, as an unexpected error rather than the damaged image it is.
    if (!hasImageSize(input.bytes)) throw new ImportInputError({ kind: 'corrupt-document', format: 'image' });
    context.onProgress?.({ done: 0, total: 1, ocr: true });
    const [text] = await recogniseImages([input.bytes]);
    context.onProgress?.({ done: 1, total: 1, ocr: true });
    const pieces = ocrPieces(text ?? '');
    if (pieces.length === 0) throw new ImportInputError({ kind: 'no-text' });
    return [{ kind: 'draft', draft: createDraft({ origin: input.origin, pieces, tags: [OCR_TAG] }) }];
  },
};
