import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { exportAnnotationsJsonLd } from '../../../annotations/jsonld-export.ts';
import { parseAnnotationsJsonLd } from '../../../annotations/jsonld-import.ts';
import { exportArticleMarkdown } from '../../../annotations/markdown-export.ts';
import { parseAnnotationsMarkdown } from '../../../annotations/markdown-import.ts';
import type { AnnotationStore } from '../../../annotations/annotation-store.ts';
import { BODY, openTestLibrary, rangeOf } from './annotation-fixtures.ts';

const TRICKY_PARAGRAPH = '# Không phải tiêu đề\n- không phải danh sách\n1. cũng không\n> không phải trích dẫn *sao* _gạch_ `mã` [liên kết](x) <b>thẻ</b> --> &amp; \\ gạch chéo';
const ARTICLE_BODY = `${BODY}\n\n${TRICKY_PARAGRAPH}`;
const ARTICLE = { id: 'a1', title: 'Đàm phán ngừng bắn: ngày thứ ba', source: 'Báo Mẫu', url: 'https://example.vn/dam-phan?id=1&p=2', publishedAt: '2025-01-01T07:00:00.000Z' };

/** A library holding every kind of annotation the formats must carry. */
function annotatedLibrary(): AnnotationStore {
  const { store } = openTestLibrary({ a1: ARTICLE_BODY });
  const create = (text: string, color: 'yellow' | 'green' | 'blue' | 'pink', note: string) =>
    store.create({ articleId: 'a1', ...rangeOf(ARTICLE_BODY, text), color, note });
  create('Người dân Hà Nội theo dõi sát sao', 'pink', '');
  create('Đàm phán ngừng bắn', 'yellow', 'Mở bài — dùng làm trích dẫn');
  create('12 giờ liên tục. Một quan chức giấu tên cho biết "mọi thứ vẫn còn trên bàn".\n\nBộ Ngoại giao', 'green', '## Cần xác minh\n\n- gọi lại nguồn\n- đối chiếu *biên bản*\n\n> trích ghi chú\n<!-- /newsroom-reader:annotation -->\n');
  create(TRICKY_PARAGRAPH, 'blue', '\n  thụt lề đầu dòng');
  create('gạch chéo', 'yellow', 'ngữ cảnh chứa -->');
  const doomed = create('thỏa thuận bền vững', 'green', 'ghi chú của bài bị mất');
  store.update(doomed.id, { color: 'pink' });
  store.reanchorArticle('a1', ARTICLE_BODY.replace('thỏa thuận bền vững', 'kết quả'));
  store.reanchorArticle('a1', ARTICLE_BODY.replace('thỏa thuận bền vững', 'kết quả').normalize('NFD'));
  return store;
}

describe('Markdown export', () => {
  it('shows title, source, URL, date, then highlights in reading order with notes and colour labels', () => {
    const store = annotatedLibrary();
    const markdown = exportArticleMarkdown(ARTICLE, store.listAll(), store.colorLabels());
    expect(markdown).toMatch(/^# Đàm phán ngừng bắn: ngày thứ ba\n\n- Source: Báo Mẫu\n- URL: <https:\/\/example\.vn\/dam-phan\?id=1&p=2>\n- Date: 2025-01-01T07:00:00\.000Z\n/);
    const quotes = [...markdown.matchAll(/^> (.+)$/gm)].map((match) => match[1]);
    expect(quotes.slice(0, 3)).toEqual(['Đàm phán ngừng bắn', '12 giờ liên tục. Một quan chức giấu tên cho biết "mọi thứ vẫn còn trên bàn".', 'Bộ Ngoại giao']);
    expect(markdown).toContain('**quote** · yellow\n\nMở bài — dùng làm trích dẫn\n');
    expect(markdown).toContain('> \\# Không phải tiêu đề\n> \\- không phải danh sách\n> 1\\. cũng không\n> \\> không phải');
    expect(markdown.indexOf('## Not found in the current text')).toBeGreaterThan(markdown.indexOf('> Người dân Hà Nội'));
    expect(markdown).toContain('> thỏa thuận bền vững');
  });

  it('renders as Markdown: quotes are blockquotes shown literally, and the hidden details stay hidden', () => {
    const store = annotatedLibrary();
    const html = marked.parse(exportArticleMarkdown(ARTICLE, store.listAll(), store.colorLabels()), { async: false });
    const visible = html.replace(/<!--[\s\S]*?-->/g, '');
    // Only the note that quotes the end marker shows it, as the user's own text.
    expect(visible.match(/newsroom-reader/g)).toEqual(['newsroom-reader']);
    expect(visible).toContain('&lt;!-- /newsroom-reader:annotation --&gt;');
    // A browser ends a comment at the first -->, so context containing one must not cut it short.
    expect(visible).not.toMatch(/"(id|color|prefix|suffix|start|end)":/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('# Không phải tiêu đề');
    expect(html).toContain('*sao* _gạch_ `mã` [liên kết](x) &lt;b&gt;thẻ&lt;/b&gt; --&gt; &amp;amp; \\ gạch chéo');
  });

  it('round-trips through the parser into another library without loss', () => {
    const store = annotatedLibrary();
    const markdown = exportArticleMarkdown(ARTICLE, store.listAll(), store.colorLabels());
    const parsed = parseAnnotationsMarkdown(markdown);
    expect(parsed.article).toEqual({ id: 'a1', url: ARTICLE.url, title: ARTICLE.title });
    expect(parsed.annotations).toHaveLength(6);

    const copy = openTestLibrary({ a1: ARTICLE_BODY.replace('thỏa thuận bền vững', 'kết quả') });
    const report = copy.store.importAnnotations(parsed.annotations);
    expect(report).toMatchObject({ failed: [], orphaned: ['ann-6'] });
    expect(copy.store.listForArticle('a1')).toEqual(store.listForArticle('a1'));
    // Importing the same file again changes nothing.
    expect(copy.store.importAnnotations(parseAnnotationsMarkdown(markdown).annotations).unchanged).toHaveLength(6);
  });

  it('survives Windows line endings and finds the article by URL through a resolver', () => {
    const store = annotatedLibrary();
    const markdown = exportArticleMarkdown(ARTICLE, store.listAll(), store.colorLabels()).replace(/\n/g, '\r\n');
    const parsed = parseAnnotationsMarkdown(markdown, (reference) => (reference.url === ARTICLE.url ? 'local-7' : null));
    expect(parsed.articleId).toBe('local-7');
    expect(parsed.annotations.map((annotation) => annotation.note)).toEqual(store.listForArticle('a1').map((annotation) => annotation.note));
    expect(() => parseAnnotationsMarkdown(markdown, () => null)).toThrow(/not in the library: https:\/\/example\.vn/);
  });
});

describe('JSON-LD export', () => {
  it('writes W3C Web Annotations with a commenting body, a classifying colour and both selectors', () => {
    const store = annotatedLibrary();
    const document = exportAnnotationsJsonLd(store.listAll(), store.colorLabels(), () => ARTICLE.url);
    expect(document).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 6 });
    const first = document.first.items[0]!;
    expect(first).toEqual({
      id: 'urn:newsroom-reader:annotation:ann-2',
      type: 'Annotation',
      motivation: 'commenting',
      created: expect.any(String),
      modified: expect.any(String),
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Mở bài — dùng làm trích dẫn', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'classifying', value: 'yellow' },
        { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
      ],
      target: {
        source: ARTICLE.url,
        selector: [
          { type: 'TextQuoteSelector', exact: 'Đàm phán ngừng bắn', prefix: '', suffix: BODY.slice(18, 50) },
          { type: 'TextPositionSelector', start: 0, end: 18 },
        ],
      },
    });
    const noUrl = exportAnnotationsJsonLd(store.listAll(), store.colorLabels(), () => null);
    expect(noUrl.first.items[0]!.target.source).toBe('urn:newsroom-reader:article:a1');
  });

  it('round-trips through the parser into another library without loss', () => {
    const store = annotatedLibrary();
    // Renamed labels must not matter: the colour travels in its own classifying body.
    store.renameColor('green', 'Kiểm chứng');
    store.renameColor('pink', 'Ý tưởng');
    const text = JSON.stringify(exportAnnotationsJsonLd(store.listAll(), store.colorLabels(), () => null));
    const parsed = parseAnnotationsJsonLd(text);
    expect(parsed.failed).toEqual([]);
    const copy = openTestLibrary({ a1: ARTICLE_BODY.replace('thỏa thuận bền vững', 'kết quả') });
    copy.store.importAnnotations(parsed.annotations);
    expect(copy.store.listForArticle('a1')).toEqual(store.listForArticle('a1'));
  });

  it('resolves URL targets and reads annotations written by other tools', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc',
      type: 'Annotation',
      bodyValue: 'Ghi chú từ công cụ khác',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Verify' },
      target: [{ source: 'https://example.vn/dam-phan?id=1&p=2', selector: { type: 'TextQuoteSelector', exact: 'lộ trình rút quân'.normalize('NFD') } }],
      created: '2024-12-31T10:00:00Z',
    };
    const parsed = parseAnnotationsJsonLd([foreign, { type: 'Annotation', target: { source: 'x' } }], {
      resolveArticle: (reference) => (reference.url === ARTICLE.url ? 'a1' : null),
    });
    expect(parsed.failed).toEqual([{ index: 1, error: 'the target has no selector' }]);
    expect(parsed.annotations[0]).toMatchObject({ id: 'https://hypothes.is/a/abc', articleId: 'a1', color: 'green', note: 'Ghi chú từ công cụ khác', position: null, created: '2024-12-31T10:00:00.000Z' });

    const { store } = openTestLibrary();
    store.importAnnotations(parsed.annotations);
    const [placed] = store.listForArticle('a1');
    expect(placed).toMatchObject({ status: 'anchored', position: { ...rangeOf(BODY, 'lộ trình rút quân') }, quote: { exact: 'lộ trình rút quân' } });
  });
});
