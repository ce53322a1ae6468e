import { describe, expect, it } from 'vitest';
import { usePooledLibrary } from './pooled-library.ts';
import { pageAt } from '../../../contract/document-pages.ts';
import type { ImportProgress } from '../../../contract/index.ts';
import { OCR_TAG } from '../../../importers/documents/image-importer.ts';
import { findVietnameseModel } from '../../../importers/documents/ocr.ts';
import { MAX_SCAN_PIXELS, recognisePdfPages, scanScale } from '../../../importers/documents/pdf-ocr.ts';
import { readPdfText } from '../../../importers/documents/pdf-text.ts';
import { ImportInputError } from '../../../importers/import-types.ts';
import { runImport } from '../../../importers/index.ts';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { pdfImporter } from '../../../importers/documents/pdf-importer.ts';
import { pictureCoverage, readsAsScan, SCAN_TEXT_CHARACTERS } from '../../../importers/documents/scan-detection.ts';
import { LETTERHEAD_LINES, makeScannedPdf, makeStampedScanPdf, STAMPED_PAGE_NUMBER, TYPED_PAGE_LINE } from '../../fixtures/documents/ocr-fixtures.ts';
import { makeStructuredPdf } from '../../fixtures/documents/pdf-fixtures.ts';

const model = findVietnameseModel();

describe('scanned PDF pages', () => {
  it('finds the pages with a picture and no text, and only those', async () => {
    const scanned = await readPdfText(await makeScannedPdf());
    // Page 1 is typed, 2 and 3 are scans, 4 is blank (no picture: nothing to read).
    expect(scanned.pageCount).toBe(4);
    expect(scanned.scannedPages).toEqual([2, 3]);
    expect((await readPdfText(await makeStructuredPdf())).scannedPages).toEqual([]);
  });

  it('draws pages at 300 dpi, and a huge page smaller, within the pixel cap', () => {
    expect(scanScale(595, 842)).toBeCloseTo(300 / 72);
    const poster = scanScale(2384, 3370);
    expect(poster).toBeLessThan(300 / 72);
    expect(2384 * poster * 3370 * poster).toBeCloseTo(MAX_SCAN_PIXELS, -3);
  });

  it('says the model is missing before drawing any page', async () => {
    const error = await recognisePdfPages(await makeScannedPdf(), [2, 3], { modelFolder: null }).catch((caught: unknown) => caught);
    expect((error as ImportInputError).reason).toEqual({ kind: 'ocr-model-missing', language: 'vie' });
  });
});

// Skipped where Debian's tesseract-ocr-vie (or NEWSROOM_TESSDATA) gives no vie.traineddata: .ci/run installs it.
describe.skipIf(model === null)('a scanned PDF imported through the pool (needs the Vietnamese OCR model)', () => {
  const pooled = usePooledLibrary('nr-pdf-ocr-');

  it('recognises the scanned pages, keeps their page numbers, makes their words searchable and reports page k of n', { timeout: 240_000 }, async () => {
    const { library, pool } = pooled;
    const progress: ImportProgress[] = [];
    const report = await runImport([{ kind: 'bytes', name: 'cong-van-scan.pdf', bytes: await makeScannedPdf() }], library, {
      parsePool: pool,
      onProgress: (event) => progress.push(event),
    });
    expect(report.failed).toEqual([]);
    const article = library.get(report.imported[0]!.id)!;
    expect(article.tags).toContain(OCR_TAG);

    // Each page's text on its own page: the reader's "Trang N" separators come from these.
    expect(article.blocks.map((block) => block.page)).toEqual([1, 2, 3]);
    const pageOf = (text: string): number | null => pageAt(article.blocks, article.body.indexOf(text));
    expect(pageOf(TYPED_PAGE_LINE)).toBe(1);
    expect(pageOf('Đà Nẵng')).toBe(2);
    expect(pageOf('đường sắt')).toBe(3);

    // Found by the Vietnamese search, with and without diacritics, on the page the scan was.
    const engine = SearchEngine.build(library.searchDocuments([article.id]));
    const foundOn = (query: string): (number | null)[] => {
      const result = runSearch(query, { engines: [engine], removed: new Set(), documents: (ids) => library.searchDocuments(ids) });
      return result.hits.flatMap((hit) => hit.matches.filter((match) => match.field === 'body').map((match) => pageAt(article.blocks, match.start)));
    };
    expect(foundOn('tiếp công dân')).toContain(2);
    expect(foundOn('duong sat toc do cao')).toContain(3);

    // Progress names the file and counts its pages: all four read, then the two scans recognised one by one.
    const pages = progress.filter((event) => event.pages).map((event) => ({ current: event.current, ...event.pages }));
    expect(pages.every((event) => event.current === 'cong-van-scan.pdf')).toBe(true);
    expect(pages.filter((event) => !event.ocr).at(-1)).toMatchObject({ done: 4, total: 4 });
    expect(pages.filter((event) => event.ocr).map((event) => `${event.done}/${event.total}`)).toEqual(['0/2', '1/2', '2/2']);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 });
  });

  it('reads a PDF that is nothing but scans, its title from the first recognised line', { timeout: 240_000 }, async () => {
    const { library, pool } = pooled;
    const report = await runImport([{ kind: 'bytes', name: 'chi-scan.pdf', bytes: await makeScannedPdf({ typedFirstPage: false, scans: [['Quyết định về giá điện', 'áp dụng từ tháng tư.']] }) }], library, {
      parsePool: pool,
    });
    expect(report.failed).toEqual([]);
    const article = library.get(report.imported[0]!.id)!;
    expect(article.title + article.body).toContain('giá điện');
    expect(article.blocks.every((block) => block.page === 1)).toBe(true);
  });
});

describe('a scan with a little typed text over it (a fax header, a page number)', () => {
  it('is read by OCR, while a page of text over a page-sized letterhead picture is read as text', async () => {
    const pdf = await readPdfText(await makeStampedScanPdf());
    expect(pdf.scannedPages).toEqual([2]);
    // The stamp is in the text layer of page 2: it would have been taken as the page's text.
    expect(pdf.pages[1]!.items.map((item) => item.text).join(' ')).toContain(STAMPED_PAGE_NUMBER);
  });

  it('decides by how much of the page the picture and the text cover', () => {
    const a4Line = (535 * 12) / (595 * 842);
    expect(readsAsScan({ picture: 1, text: a4Line * 2, characters: 45 })).toBe(true);
    expect(readsAsScan({ picture: 0.08, text: 0, characters: 0 })).toBe(true);
    // A photo on a page of text, a full page of text on a background, a searchable scan's OCR layer.
    expect(readsAsScan({ picture: 0.4, text: a4Line, characters: 60 })).toBe(false);
    expect(readsAsScan({ picture: 1, text: 0.3, characters: 2500 })).toBe(false);
    expect(readsAsScan({ picture: 1, text: 0.04, characters: SCAN_TEXT_CHARACTERS })).toBe(false);
    expect(readsAsScan({ picture: 0, text: 0, characters: 0 })).toBe(false);
  });

  it('measures a picture through the transforms it is painted under, clipped to the page', () => {
    const ops = { save: 1, restore: 2, transform: 3, paintFormXObjectBegin: 4, paintFormXObjectEnd: 5, images: new Set([6]) };
    const view = [0, 0, 600, 800];
    // A page-sized image: cm 600 0 0 800 0 0, then paint.
    expect(pictureCoverage(ops, [1, 3, 6, 2], [null, [600, 0, 0, 800, 0, 0], null, null], view)).toBeCloseTo(1);
    // A form XObject scaling by a half, the image inside it drawn at 600×800: a quarter of the page.
    expect(pictureCoverage(ops, [4, 3, 6, 5], [[[0.5, 0, 0, 0.5, 0, 0], null], [600, 0, 0, 800, 0, 0], null, null], view)).toBeCloseTo(0.25);
    // Half of it off the page.
    expect(pictureCoverage(ops, [3, 6], [[600, 0, 0, 800, 300, 0], null], view)).toBeCloseTo(0.5);
    // After a restore the scale is gone: a 1×1 image is nothing.
    expect(pictureCoverage(ops, [1, 3, 2, 6], [null, [600, 0, 0, 800, 0, 0], null, null], view)).toBeCloseTo(1 / (600 * 800));
  });
});

describe.skipIf(model === null)('a stamped scan imported (needs the Vietnamese OCR model)', () => {
  it('reads the scan by OCR, not its stamp as the page, and keeps the typed page as text', { timeout: 240_000 }, async () => {
    const [item] = await pdfImporter.parse({ name: 'cong-van-fax.pdf', bytes: await makeStampedScanPdf(), origin: 'cong-van-fax.pdf' });
    if (item?.kind !== 'draft') throw new Error('expected a draft');
    const { draft } = item;
    expect(draft.tags).toContain(OCR_TAG);
    const pageOf = (text: string): number | null => pageAt(draft.blocks, draft.body.indexOf(text));
    expect(draft.body).toContain(LETTERHEAD_LINES[10]);
    expect(pageOf(LETTERHEAD_LINES[10]!)).toBe(1);
    expect(draft.body).toMatch(/Bạch Đằng/u);
    expect(pageOf('Bạch Đằng')).toBe(2);
  });
});
