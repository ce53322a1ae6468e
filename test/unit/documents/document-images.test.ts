import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { usePooledLibrary } from './pooled-library.ts';
import { DocumentImages } from '../../../importers/documents/document-images.ts';
import { PhotoDownloads } from '../../../importers/figure-images.ts';
import { DEFAULT_MAX_PHOTOS_PER_ARTICLE } from '../../../importers/figure-pieces.ts';
import { runImport } from '../../../importers/index.ts';
import { chartPng, DOCX_TEXT, makeDocx } from '../../fixtures/documents/docx-fixtures.ts';
import { EPUB_TEXT, makeEpub } from '../../fixtures/documents/epub-fixtures.ts';

describe('pictures of DOCX and EPUB files', () => {
  const pooled = usePooledLibrary('nr-document-images-');

  it('are kept in the library’s image store, as figures the reader shows, like a web page’s photos', { timeout: 120_000 }, async () => {
    const { library, pool } = pooled;
    const photos = new PhotoDownloads({ sink: library.images });
    const report = await runImport(
      [
        { kind: 'bytes', name: 'cong-van.docx', bytes: await makeDocx() },
        { kind: 'bytes', name: 'so-tay.epub', bytes: makeEpub() },
      ],
      library,
      { parsePool: pool, photos },
    );
    expect(report.failed).toEqual([]);
    expect(report.imported.map((item) => item.photos)).toEqual([
      { kept: 1, failed: [] },
      { kept: 1, failed: [] },
    ]);
    for (const [item, alt] of report.imported.map((entry, index) => [entry, [DOCX_TEXT.imageAlt, EPUB_TEXT.imageAlt][index]] as const)) {
      const article = library.get(item.id)!;
      const figure = article.blocks.find((block) => block.kind === 'figure')!.figure!;
      expect(figure).toMatchObject({ alt, width: 64, height: 48 });
      // The very bytes of the picture inside the document, in the store.
      expect(await readFile(library.images.pathOf(figure.image!)!)).toEqual(chartPng());
      expect(library.images.references(figure.image!)).toBeGreaterThan(0);
    }
  });

  it('are carried out of the parse only up to what one article keeps', () => {
    const images = new DocumentImages();
    const png = new Uint8Array(chartPng());
    const tokens = Array.from({ length: DEFAULT_MAX_PHOTOS_PER_ARTICLE + 2 }, () => images.add(png, 'image/png'));
    expect(tokens.filter((token) => token !== null)).toHaveLength(DEFAULT_MAX_PHOTOS_PER_ARTICLE);
    expect(images.add(new Uint8Array(), 'image/png')).toBeNull();
    const pieces = images.resolve([
      { kind: 'figure', text: '', figure: { source: tokens[0]!, alt: 'a', credit: null } },
      { kind: 'figure', text: '', figure: { source: 'https://elsewhere.example/x.png', alt: 'b', credit: null } },
      { kind: 'paragraph', text: 'chữ' },
    ]);
    expect(pieces.map((piece) => piece.figure?.source.slice(0, 22) ?? piece.text)).toEqual(['data:image/png;base64,', 'chữ']);
  });
});
