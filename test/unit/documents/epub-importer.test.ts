import { describe, expect, it } from 'vitest';
import { epubImporter } from '../../../importers/documents/epub-importer.ts';
import { chooseImporterId } from '../../../importers/importer-choice.ts';
import { ImportInputError } from '../../../importers/import-types.ts';
import type { ArticleDraft } from '../../../library/model.ts';
import { chartPng } from '../../fixtures/documents/docx-fixtures.ts';
import { EPUB_TEXT as T, makeEpub, makeEpubZipBomb } from '../../fixtures/documents/epub-fixtures.ts';

async function draftOf(bytes: Uint8Array): Promise<ArticleDraft> {
  const [item] = await epubImporter.parse({ name: 'so-tay.epub', bytes, origin: '/in/so-tay.epub' });
  if (item?.kind !== 'draft') throw new Error('expected a draft');
  return item.draft;
}

describe('EPUB import', () => {
  it('reads chapters in spine order with the table of contents as chapter headings, and metadata from the OPF', async () => {
    const draft = await draftOf(makeEpub());
    expect(draft.title).toBe(T.title);
    expect(draft.author).toBe(T.authors.join(', '));
    expect(draft.language).toBe('vi');
    expect(draft.publishedAt).toBe('2023-05-04');
    const blocks = draft.blocks.map((block) => ({ kind: block.kind, level: block.level, text: draft.body.slice(block.start, block.end) }));
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: T.chapters[0].toc },
      ...T.chapters[0].paragraphs.map((text) => ({ kind: 'paragraph', level: undefined, text })),
      // Chapter 2 has no heading of its own: its table-of-contents title becomes one.
      { kind: 'heading', level: 1, text: T.chapters[1].toc },
      { kind: 'paragraph', level: undefined, text: T.chapters[1].paragraphs[0] },
      { kind: 'figure', level: undefined, text: '' },
      { kind: 'caption', level: undefined, text: T.imageAlt },
      { kind: 'heading', level: 1, text: T.chapters[2].toc },
      { kind: 'paragraph', level: undefined, text: T.chapters[2].paragraphs[0] },
    ]);
  });

  it('hands the book’s picture (a file in the zip, named relative to its chapter) to the photo step, as a data: URI', async () => {
    const draft = await draftOf(makeEpub());
    const figure = draft.blocks.findIndex((block) => block.kind === 'figure');
    expect(draft.blocks[figure]!.figure!.alt).toBe(T.imageAlt);
    expect(draft.imageSources).toEqual([{ block: figure, url: `data:image/png;base64,${chartPng().toString('base64')}` }]);
  });

  it('keeps no script text and runs nothing', async () => {
    const draft = await draftOf(makeEpub());
    expect(draft.body).not.toContain('document.title');
    expect(draft.body).not.toContain('alert');
  });

  it('is chosen by its name or by its mimetype entry', () => {
    expect(chooseImporterId({ name: 'so-tay.epub', bytes: makeEpub(), origin: '' })).toBe('epub');
    expect(chooseImporterId({ name: 'download', bytes: makeEpub(), origin: '' })).toBe('epub');
  });

  it('refuses a zip bomb and a file without a package, each with its reason', async () => {
    const bomb = await epubImporter.parse({ name: 'b.epub', bytes: makeEpubZipBomb(), origin: 'b.epub' }).catch((error: unknown) => error);
    expect((bomb as ImportInputError).reason).toEqual({ kind: 'unpacks-too-large', maxBytes: 256 * 1024 * 1024 });
    const { writeZip } = await import('../../fixtures/documents/zip-fixtures.ts');
    const empty = writeZip([{ name: 'mimetype', data: new TextEncoder().encode('application/epub+zip'), method: 0 }]);
    const broken = await epubImporter.parse({ name: 'e.epub', bytes: empty, origin: 'e.epub' }).catch((error: unknown) => error);
    expect((broken as ImportInputError).reason).toEqual({ kind: 'corrupt-document', format: 'epub' });
  });
});
