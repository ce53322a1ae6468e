// Reads a PDF's positioned text and metadata with Mozilla's pdfjs-dist (legacy build: the one made for
// Node). Runs in a parse worker; pdfjs's own "fake worker" then parses on that same thread.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ImportInputError } from '../import-types.ts';
import type { PdfPageText, PositionedText } from './pdf-layout.ts';
import { pictureCoverage, readsAsScan, SCAN_TEXT_CHARACTERS, type PageCoverage, type PictureOperators } from './scan-detection.ts';

/** More pages than this are refused, not read: such a file is a register or a scan, to be split first. */
export const MAX_PDF_PAGES = 1000;

export interface PdfMetadata {
  title: string | null;
  author: string | null;
  /** The info dictionary's CreationDate, as ISO 8601. */
  created: string | null;
}

export interface PdfText {
  pageCount: number;
  pages: PdfPageText[];
  /**
   * Scans, to be read by OCR (pdf-ocr.ts): pages with pictures and no text, and pages a picture
   * covers with only a little text over it (a stamp, a page number, a fax header; scan-detection.ts).
   */
  scannedPages: number[];
  metadata: PdfMetadata;
}

export interface PdfReadOptions {
  maxPages?: number;
  /** After each page: `done` of `total` read. */
  onPage?: (done: number, total: number) => void;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
/** Helvetica, Times… that a PDF names without embedding; pdfjs reads their metrics from here, not from the network. */
const STANDARD_FONTS = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

let loading: Promise<PdfJs> | null = null;
/** pdfjs loads only when a PDF is imported: a batch of web pages never pays for it. */
function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

/** A PDF date "D:20240312080000+07'00'" as ISO 8601, or null. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/u.exec(value.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone] = match;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/gu, '').slice(3, 5) || '00'}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function infoText(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  return typeof value === 'string' && value.trim() !== '' ? value.normalize('NFC').trim() : null;
}

/** Typographic ligatures (ﬁ, ﬂ…) as letters; the rest of the text is left as the PDF wrote it, then composed. */
function plainText(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/gu, (ligature) => ligature.normalize('NFKC')).normalize('NFC');
}

function failureOf(error: unknown): ImportInputError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ImportInputError({ kind: 'encrypted-document' }, { cause: error });
  return new ImportInputError({ kind: 'corrupt-document', format: 'pdf' }, { cause: error });
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Opens a PDF for reading, with nothing fetched or evaluated; rejects with ImportInputError
 * (`encrypted-document`, `corrupt-document`). The caller destroys the document.
 */
export async function openPdf(bytes: Uint8Array): Promise<{ document: PdfDocument; pdfjs: PdfJs }> {
  const library = await pdfjs();
  const task = library.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    stopAtErrors: false,
    verbosity: library.VerbosityLevel.ERRORS,
  });
  try {
    return { document: await task.promise, pdfjs: library };
  } catch (error) {
    await task.destroy();
    throw failureOf(error);
  }
}

/** The operators pictureCoverage follows, by this pdfjs's numbers. */
function pictureOperators(library: PdfJs): PictureOperators {
  const { OPS } = library;
  return {
    save: OPS.save,
    restore: OPS.restore,
    transform: OPS.transform,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd,
    images: new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask]),
  };
}

/** How much of the page its text items cover, and how many characters they hold. */
function textCoverage(items: readonly PositionedText[], width: number, height: number): Pick<PageCoverage, 'text' | 'characters'> {
  let area = 0;
  let characters = 0;
  for (const item of items) {
    const visible = item.text.replace(/\s+/gu, '').length;
    if (visible === 0) continue;
    characters += visible;
    area += Math.abs(item.width) * item.size;
  }
  return { text: width * height > 0 ? area / (width * height) : 0, characters };
}

/** Every page's text items with positions, at most MAX_PDF_PAGES pages. Rejects with ImportInputError. */
export async function readPdfText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  const { document, pdfjs: library } = await openPdf(bytes);
  try {
    const maxPages = options.maxPages ?? MAX_PDF_PAGES;
    if (document.numPages > maxPages) throw new ImportInputError({ kind: 'too-many-pages', pages: document.numPages, maxPages });
    const pages: PdfPageText[] = [];
    const scannedPages: number[] = [];
    const operators = pictureOperators(library);
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      // Normalisation off: it would turn the legacy fonts' µ and soft hyphen into μ and "-", and the
      // Windows-1252 reading that the legacy-encoding repair undoes would be lost.
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
        const size = Math.max(Math.hypot(a, b), Math.hypot(c, d));
        items.push({ text: plainText(item.str), x, y, width: item.width, size });
      }
      pages.push({ number, width, height, items });
      const text = textCoverage(items, width, height);
      // A page of text is text whatever is painted under it: its drawing operators are not even read.
      if (text.characters < SCAN_TEXT_CHARACTERS) {
        const { fnArray, argsArray } = await page.getOperatorList();
        if (readsAsScan({ ...text, picture: pictureCoverage(operators, fnArray, argsArray, page.view) })) scannedPages.push(number);
      }
      page.cleanup();
      options.onPage?.(number, document.numPages);
    }
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    const metadata = { title: infoText(info, 'Title'), author: infoText(info, 'Author'), created: pdfDate(info['CreationDate']) };
    return { pageCount: document.numPages, pages, scannedPages, metadata };
  } catch (error) {
    throw error instanceof ImportInputError ? error : failureOf(error);
  } finally {
    await document.destroy();
  }
}
