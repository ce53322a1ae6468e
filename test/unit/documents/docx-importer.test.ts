import { describe, expect, it } from 'vitest';
import { docxImporter } from '../../../importers/documents/docx-importer.ts';
import { ImportInputError } from '../../../importers/import-types.ts';
import type { ArticleDraft } from '../../../library/model.ts';
import { chartPng, DOCX_TEXT as T, makeDocx, makeDocxZipBomb } from '../../fixtures/documents/docx-fixtures.ts';

async function draftOf(bytes: Uint8Array): Promise<ArticleDraft> {
  const [item] = await docxImporter.parse({ name: 'cong-van.docx', bytes, origin: '/in/cong-van.docx' });
  if (item?.kind !== 'draft') throw new Error('expected a draft');
  return item.draft;
}

const blocks = (draft: ArticleDraft): { kind: string; text: string }[] => draft.blocks.map((block) => ({ kind: block.kind, text: draft.body.slice(block.start, block.end) }));

async function reasonOf(bytes: Uint8Array): Promise<unknown> {
  const error = await docxImporter.parse({ name: 'x.docx', bytes, origin: 'x.docx' }).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportInputError);
  return (error as ImportInputError).reason;
}

describe('DOCX import', () => {
  it('keeps headings, paragraphs, list items, table rows, the picture (a figure, its alt text as caption) and the footnote', async () => {
    const draft = await draftOf(await makeDocx());
    expect(draft.title).toBe(T.title);
    expect(draft.author).toBe(T.author);
    expect(blocks(draft)).toEqual([
      { kind: 'heading', text: T.heading },
      { kind: 'paragraph', text: T.paragraph },
      { kind: 'paragraph', text: `${T.footnoted}[1].` },
      ...T.bullets.map((text) => ({ kind: 'list-item', text })),
      ...T.table.map((row) => ({ kind: 'paragraph', text: row.join(' | ') })),
      { kind: 'figure', text: '' },
      { kind: 'caption', text: T.imageAlt },
      { kind: 'heading', text: T.heading2 },
      { kind: 'paragraph', text: T.closing },
      { kind: 'list-item', text: `[1] ${T.footnote}` },
    ]);
  });

  it('hands the picture’s own bytes to the photo step, as a data: URI', async () => {
    const draft = await draftOf(await makeDocx());
    const figure = draft.blocks.findIndex((block) => block.kind === 'figure');
    expect(draft.blocks[figure]!.figure!.alt).toBe(T.imageAlt);
    expect(draft.imageSources).toEqual([{ block: figure, url: `data:image/png;base64,${chartPng().toString('base64')}` }]);
  });

  it('takes the title from the first heading when the properties have none', async () => {
    const draft = await draftOf(await makeDocx({ withProperties: false }));
    expect(draft.title).toBe(T.title);
    expect(draft.author).toBeNull();
  });

  it('refuses a zip bomb and a damaged file, each with its reason', async () => {
    expect(await reasonOf(makeDocxZipBomb())).toEqual({ kind: 'unpacks-too-large', maxBytes: 256 * 1024 * 1024 });
    const docx = await makeDocx();
    expect(await reasonOf(docx.subarray(0, docx.length / 2))).toEqual({ kind: 'corrupt-document', format: 'docx' });
    expect(await reasonOf(new TextEncoder().encode('not a zip at all'))).toEqual({ kind: 'corrupt-document', format: 'docx' });
  });
});
