import { describe, expect, it, vi } from 'vitest';
import { pdfImporter } from '../../../importers/documents/pdf-importer.ts';
import type { ImportInputError } from '../../../importers/import-types.ts';
import { FAX_HEADER, LETTERHEAD_LINES, makeScannedPdf, makeStampedScanPdf, TYPED_PAGE_LINE } from '../../fixtures/documents/ocr-fixtures.ts';

// This computer may have the model; these tests are about one that has none.
vi.mock('../../../importers/documents/ocr.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../importers/documents/ocr.ts')>();
  return { ...actual, openRecogniser: () => actual.openRecogniser(null) };
});

describe('scanned PDF pages without an OCR model', () => {
  it('imports the typed pages of a PDF that also has scans, not tagged OCR', async () => {
    const [item] = await pdfImporter.parse({ name: 'mixed.pdf', bytes: await makeScannedPdf(), origin: 'mixed.pdf' });
    if (item?.kind !== 'draft') throw new Error('expected a draft');
    expect(item.draft.title).toBe(TYPED_PAGE_LINE);
    expect(item.draft.tags ?? []).not.toContain('OCR');
  });

  it('keeps the text layer of a stamped scan as it is when it cannot be read by OCR, beside the typed page', async () => {
    const [item] = await pdfImporter.parse({ name: 'fax.pdf', bytes: await makeStampedScanPdf(), origin: 'fax.pdf' });
    if (item?.kind !== 'draft') throw new Error('expected a draft');
    expect(item.draft.body).toContain(LETTERHEAD_LINES[0]);
    expect(item.draft.body).toContain(FAX_HEADER);
    expect(item.draft.tags ?? []).not.toContain('OCR');
  });

  it('refuses a PDF of nothing but scans with the reason that the model is missing', async () => {
    const error = await pdfImporter
      .parse({ name: 'scan.pdf', bytes: await makeScannedPdf({ typedFirstPage: false }), origin: 'scan.pdf' })
      .catch((caught: unknown) => caught);
    expect((error as ImportInputError).reason).toEqual({ kind: 'ocr-model-missing', language: 'vie' });
  });
});
