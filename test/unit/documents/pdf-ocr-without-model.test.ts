import { describe, expect, it, vi } from 'vitest';
import { pdfImporter } from '../../../importers/documents/pdf-importer.ts';
import type { ImportInputError } from '../../../importers/import-types.ts';
import { makeScannedPdf, TYPED_PAGE_LINE } from '../../fixtures/documents/ocr-fixtures.ts';

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

  it('refuses a PDF of nothing but scans with the reason that the model is missing', async () => {
    const error = await pdfImporter
      .parse({ name: 'scan.pdf', bytes: await makeScannedPdf({ typedFirstPage: false }), origin: 'scan.pdf' })
      .catch((caught: unknown) => caught);
    expect((error as ImportInputError).reason).toEqual({ kind: 'ocr-model-missing', language: 'vie' });
  });
});
