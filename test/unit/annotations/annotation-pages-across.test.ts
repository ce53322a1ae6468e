// annotations.list across all articles (the All annotations view) carries each annotation's page when
// its article has pages (a PDF), as the per-article listing does: citations and briefs say "tr. 3".
import { describe, expect, it } from 'vitest';
import { annotationHandlers } from '../../../commands/annotation-handlers.ts';
import type { Annotation } from '../../../contract/index.ts';
import type { Library } from '../../../library/index.ts';
import { draft, freshLibraryEachTest, paragraphBlocks } from '../library/library-fixtures.ts';

describe('annotations.list across articles fills page', () => {
  let library: Library;
  freshLibraryEachTest((opened) => (library = opened));

  it('gives every annotation on a paged article its page, and none to an article without pages', async () => {
    const body = 'Trang một nói về ngân sách.\n\nTrang hai nói về giá điện.\n\nTrang ba nói về đường sắt.';
    const blocks = paragraphBlocks(body).map((block, index) => ({ ...block, page: index + 1 }));
    const pdf = library.addArticle(draft({ title: 'Báo cáo', body, blocks, origin: 'bao-cao.pdf' }));
    const web = library.addArticle(draft({ title: 'Tin', body: 'Giá điện tăng từ tháng sau.' }));
    const onPage = (articleId: string, text: string, color: Annotation['color'] = 'yellow'): Annotation => {
      const article = library.get(articleId)!;
      const start = article.body.indexOf(text);
      return library.annotations.create({ articleId, start, end: start + text.length, color });
    };
    const third = onPage(pdf.id, 'đường sắt', 'green');
    const second = onPage(pdf.id, 'giá điện');
    const plain = onPage(web.id, 'Giá điện');

    const handlers = annotationHandlers(() => library);
    const list = (filter: Parameters<(typeof handlers)['annotations.list']>[0]) => handlers['annotations.list'](filter, {});
    const all = await list({});
    const pageOf = (list: Annotation[], id: string) => list.find((annotation) => annotation.id === id)?.page;
    expect(all).toHaveLength(3);
    expect(pageOf(all, third.id)).toBe(3);
    expect(pageOf(all, second.id)).toBe(2);
    expect(all.find((annotation) => annotation.id === plain.id)).not.toHaveProperty('page');

    // Filtered views go through the same listing: colour, text.
    expect((await list({ color: 'green' })).map((annotation) => annotation.page)).toEqual([3]);
    expect(pageOf(await list({ text: 'gia dien' }), second.id)).toBe(2);
    // The same pages as the per-article listing.
    const perArticle = await list({ articleId: pdf.id });
    for (const annotation of perArticle) expect(pageOf(all, annotation.id)).toBe(annotation.page);
  });
});
