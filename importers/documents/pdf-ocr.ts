// Scanned pages of a PDF (no text layer, only a picture): each is drawn by pdfjs onto a canvas and read
// by Tesseract (ocr.ts). In Node, pdfjs draws with @napi-rs/canvas (Skia, prebuilt per platform), which
// pdfjs-dist installs as its own optional dependency; its canvas factory is used as is, so the canvas
// version is always the one pdfjs was made for.
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api.js';
import { openRecogniser } from './ocr.ts';
import { openPdf } from './pdf-text.ts';

/** Tesseract reads printed text best at about 300 dots per inch. */
export const SCAN_DPI = 300;
/** A page drawn larger than this (a poster, a map) is drawn smaller instead: 1.4 × an A4 page at 300 dpi. */
export const MAX_SCAN_PIXELS = 12_000_000;

/** What pdfjs's Node canvas factory makes: an @napi-rs/canvas canvas and its 2D context. */
interface NodeCanvasAndContext {
  canvas: { toBuffer(mediaType: 'image/png'): Uint8Array };
  context: RenderParameters['canvasContext'];
}
interface NodeCanvasFactory {
  create(width: number, height: number): NodeCanvasAndContext;
  destroy(canvasAndContext: NodeCanvasAndContext): void;
}

export interface PdfOcrOptions {
  /** The model's folder; found with findVietnameseModel when absent. */
  modelFolder?: string | null;
  /** Before the first page and after each: `done` of `total` scanned pages recognised. */
  onPage?: (done: number, total: number) => void;
}

/** The scale that draws a page of `width` × `height` points at SCAN_DPI, within MAX_SCAN_PIXELS. */
export function scanScale(width: number, height: number): number {
  const scale = SCAN_DPI / 72;
  const pixels = width * scale * height * scale;
  return pixels > MAX_SCAN_PIXELS ? scale * Math.sqrt(MAX_SCAN_PIXELS / pixels) : scale;
}

/**
 * The recognised text of each of `pageNumbers`, by page. Rejects with `ocr-model-missing` before
 * drawing anything when there is no model, and with the PDF's own reasons when it cannot be opened.
 */
export async function recognisePdfPages(bytes: Uint8Array, pageNumbers: readonly number[], options: PdfOcrOptions = {}): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  if (pageNumbers.length === 0) return texts;
  const recogniser = await openRecogniser(options.modelFolder);
  try {
    const { document } = await openPdf(bytes);
    try {
      const factory = document.canvasFactory as NodeCanvasFactory;
      options.onPage?.(0, pageNumbers.length);
      for (const [index, number] of pageNumbers.entries()) {
        const page = await document.getPage(number);
        const [, , width, height] = page.view as [number, number, number, number];
        const viewport = page.getViewport({ scale: scanScale(width, height) });
        const drawing = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
        let png: Uint8Array;
        try {
          await page.render({ canvasContext: drawing.context, canvas: null, viewport, background: 'white' }).promise;
          png = drawing.canvas.toBuffer('image/png');
        } finally {
          factory.destroy(drawing);
          page.cleanup();
        }
        texts.set(number, await recogniser.recognise(png));
        options.onPage?.(index + 1, pageNumbers.length);
      }
    } finally {
      await document.destroy();
    }
  } finally {
    await recogniser.close();
  }
  return texts;
}
