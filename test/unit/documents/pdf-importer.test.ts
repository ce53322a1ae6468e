import { describe, expect, it } from 'vitest';
import { pdfImporter } from '../../../importers/documents/pdf-importer.ts';
import { ImportInputError, type ParsedItem } from '../../../importers/import-types.ts';
import type { ArticleDraft } from '../../../library/model.ts';
import {
  LEGACY_PDF_TEXT,
  makeCorruptPdf,
  makeEncryptedPdf,
  makeLegacyEncodedPdf,
  makeManyPagePdf,
  makeStructuredPdf,
  STRUCTURED_PDF_TEXT as T,
} from '../../fixtures/documents/pdf-fixtures.ts';

// Embedding and subsetting the font takes seconds on a busy machine: each fixture is made once.
const structured = makeStructuredPdf();

async function draftOf(bytes: Uint8Array, name = 'bao-cao.pdf'): Promise<{ draft: ArticleDraft; item: ParsedItem }> {
  const [item] = await pdfImporter.parse({ name, bytes, origin: `/in/${name}` });
  if (item?.kind !== 'draft') throw new Error(`expected a draft, got ${JSON.stringify(item)}`);
  return { draft: item.draft, item };
}

const blockText = (draft: ArticleDraft): { kind: string; text: string; page?: number; level?: number }[] =>
  draft.blocks.map((block) => ({ kind: block.kind, text: draft.body.slice(block.start, block.end), page: block.page, ...(block.level ? { level: block.level } : {}) }));

async function failureOf(bytes: Uint8Array): Promise<unknown> {
  const error = await pdfImporter.parse({ name: 'x.pdf', bytes, origin: 'x.pdf' }).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportInputError);
  return (error as ImportInputError).reason;
}

describe('PDF import: structure', () => {
  it('rebuilds headings, paragraphs and list items with their pages, without running headers or page numbers', async () => {
    const { draft } = await draftOf(await structured);
    expect(draft.title).toBe(T.title);
    expect(draft.author).toBe(T.author);
    expect(draft.publishedAt).toBe('2024-03-12T08:00:00.000Z');
    const blocks = blockText(draft);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, text: T.heading1, page: 1 });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: T.intro, page: 1 });
    // The hyphen that broke "nghiệp" across two lines is gone.
    expect(blocks).toContainEqual({ kind: 'paragraph', text: `Nhiều doanh nghiệp đã mở rộng sản xuất và tuyển thêm lao động.`, page: 1 });
    for (const item of T.list) expect(blocks).toContainEqual({ kind: 'list-item', text: item, page: 1 });
    expect(blocks).toContainEqual({ kind: 'heading', level: 2, text: T.heading3, page: 3 });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: T.page3[0], page: 3 });
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: T.page4[0], page: 4 });
    expect(draft.body).not.toMatch(/CÔNG BÁO|Trang \d/u);
    expect(draft.body).toBe(draft.body.normalize('NFC'));
  });

  it('reads two columns one after the other, each paragraph whole', async () => {
    const { draft } = await draftOf(await structured);
    const page2 = blockText(draft).filter((block) => block.page === 2).map((block) => block.text);
    expect(page2).toEqual([T.heading2, ...T.left, ...T.right]);
  });

  it('takes the title from the first page when the metadata has none', async () => {
    const { draft } = await draftOf(await makeStructuredPdf({ withMetadata: false }));
    expect(draft.title).toBe(T.title);
    expect(draft.author).toBeNull();
    expect(draft.body.startsWith(T.heading1)).toBe(true);
  });
});

describe('PDF import: legacy fonts and bad input', () => {
  it('repairs text drawn in a TCVN3 font with the legacy-encoding converter and says so', async () => {
    const { draft, item } = await draftOf(await makeLegacyEncodedPdf());
    expect(draft.body).toContain('Đà Nẵng');
    expect(draft.body).toContain(LEGACY_PDF_TEXT[1]);
    expect(item.encoding).toEqual({ name: 'tcvn3', how: 'detected', garbled: true });
  });

  it('refuses an encrypted PDF, a corrupt one and one over the page cap, each with its reason', async () => {
    expect(await failureOf(await makeEncryptedPdf())).toEqual({ kind: 'encrypted-document' });
    expect(await failureOf(makeCorruptPdf())).toEqual({ kind: 'corrupt-document', format: 'pdf' });
    const { readPdfText } = await import('../../../importers/documents/pdf-text.ts');
    const error = await readPdfText(await makeManyPagePdf(12), { maxPages: 10 }).catch((caught: unknown) => caught);
    expect((error as ImportInputError).reason).toEqual({ kind: 'too-many-pages', pages: 12, maxPages: 10 });
  });
});
