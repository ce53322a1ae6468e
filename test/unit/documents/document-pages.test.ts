import { describe, expect, it } from 'vitest';
import { usePooledLibrary } from './pooled-library.ts';
import { exportArticleMarkdown } from '../../../annotations/markdown-export.ts';
import { parseAnnotationsMarkdown } from '../../../annotations/markdown-import.ts';
import { pageAt } from '../../../contract/document-pages.ts';
import { briefHandlers } from '../../../commands/brief-handlers.ts';
import { runImport } from '../../../importers/index.ts';
import { makeCorruptPdf, makeStructuredPdf, STRUCTURED_PDF_TEXT as T } from '../../fixtures/documents/pdf-fixtures.ts';

describe('pageAt', () => {
  const blocks = [
    { start: 0, end: 10, page: 1 },
    { start: 12, end: 20, page: 1 },
    { start: 22, end: 40, page: 3 },
  ];
  it('gives the page of the block an offset lies in, or of the gap before the next block', () => {
    expect(pageAt(blocks, 0)).toBe(1);
    expect(pageAt(blocks, 21)).toBe(1);
    expect(pageAt(blocks, 22)).toBe(3);
    expect(pageAt(blocks, 39)).toBe(3);
  });
  it('is null for an article without pages', () => {
    expect(pageAt([{ start: 0 }], 2)).toBeNull();
    expect(pageAt([], 0)).toBeNull();
  });
});

describe('a PDF imported through the pool: pages for annotations and their export', () => {
  const pooled = usePooledLibrary('nr-pdf-pages-');

  it('imports the PDF in a parse worker beside a corrupt one, then cites a highlight on page 3 as "tr. 3"', { timeout: 120_000 }, async () => {
    const { library, pool } = pooled;
    const report = await runImport(
      [
        { kind: 'bytes', name: 'hong.pdf', bytes: makeCorruptPdf() },
        { kind: 'bytes', name: 'bao-cao.pdf', bytes: await makeStructuredPdf() },
      ],
      library,
      { parsePool: pool },
    );
    expect(report.failed).toEqual([{ path: 'hong.pdf', error: 'the PDF file is damaged or not really a PDF file', reason: { kind: 'corrupt-document', format: 'pdf' } }]);
    expect(report.imported.map((item) => item.title)).toEqual([T.title]);
    const article = library.get(report.imported[0]!.id)!;
    const word = 'thủy điện';
    const start = article.body.indexOf(word);
    expect(pageAt(article.blocks, start)).toBe(3);

    const created = library.annotations.create({ articleId: article.id, start, end: start + word.length, color: 'yellow', note: '' });
    const [listed] = library.annotations.forArticle(article.id);
    expect(listed).toMatchObject({ id: created.id, page: 3 });

    const markdown = exportArticleMarkdown(article, library.annotations.forArticle(article.id), library.annotations.colorLabels());
    expect(markdown).toContain('· yellow · tr. 3');
    // The page on the label line does not stop the export from being read back.
    const parsed = parseAnnotationsMarkdown(markdown);
    expect(parsed.annotations.map((annotation) => [annotation.quote.exact, annotation.color])).toEqual([[word, 'yellow']]);

    // A brief of the view's filter (here: this article) cites the page too, in Markdown and in its data.
    const brief = await briefHandlers(() => library)['briefs.export'](
      { filter: { articleId: article.id }, format: 'md', style: 'vi-press', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' },
      {},
    );
    expect(brief.content).toContain('tr. 3');
  });
});
