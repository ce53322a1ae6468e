// Issue 16 §5: a brief from a filter of All annotations, through the command, as Markdown and DOCX.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { Annotation, BriefFile, CommandArgs } from '../../../contract/index.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

describe('briefs.export and the All annotations filter', () => {
  const folder = temporaryFolder();
  let context: AppContext;
  let power: string;
  let talks: string;
  let undated: string;

  beforeAll(async () => {
    context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
    power = context.library.addArticle(
      draft({
        title: 'Giá điện tăng từ tháng sau',
        author: 'Nguyễn Văn An',
        url: 'https://vnexpress.net/gia-dien-4720001.html',
        // 01:30 on 4 March in Hà Nội; 3 March in UTC.
        publishedAt: '2024-03-03T18:30:00.000Z',
        body: 'Bộ Công Thương công bố biểu giá điện mới.\n\nGiá bán lẻ bình quân tăng 4,8% từ tháng sau.',
        tags: ['kinh tế'],
      }),
    ).id;
    talks = context.library.addArticle(draft({ author: null, source: 'Tuổi Trẻ', publishedAt: '2024-02-01T02:00:00.000Z', tags: ['thế giới'] })).id;
    undated = context.library.addArticle(draft({ title: 'Ghi chép <!-- ẩn --> tại chỗ', author: null, publishedAt: null, body: 'Người dân xếp hàng từ sáng sớm để mua vé.', tags: ['kinh tế'] })).id;
    const create = (articleId: string, quote: string, note: string, color: Annotation['color']) => context.library.annotations.create({ articleId, quote, note, color });
    create(power, 'tăng 4,8%', 'Cần xác minh con số với EVN', 'green');
    create(power, 'biểu giá điện mới', '', 'yellow');
    create(talks, 'đàm phán ngừng bắn', 'Bối cảnh cho bài Doha', 'yellow');
    create(undated, 'xếp hàng từ sáng sớm', 'Ảnh minh hoạ', 'yellow');
  });

  afterAll(async () => {
    await context.close();
    folder.remove();
  });

  const value = async <T>(name: string, args: unknown): Promise<T> => {
    const outcome = await context.dispatch(name, args);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as T;
  };
  const brief = (args: Partial<CommandArgs<'briefs.export'>>) =>
    value<BriefFile>('briefs.export', { filter: {}, format: 'md', style: 'vi-press', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', ...args });

  it('annotations.list filters by text the way search reads a query (no marks, prefix)', async () => {
    const found = await value<Annotation[]>('annotations.list', { text: 'xac minh con s' });
    expect(found.map((a) => a.note)).toEqual(['Cần xác minh con số với EVN']);
    // The quote counts too, and other filters combine with it.
    expect((await value<Annotation[]>('annotations.list', { text: 'sang som', articleTag: 'kinh tế' })).map((a) => a.articleId)).toEqual([undated]);
    expect(await value<Annotation[]>('annotations.list', { text: 'sang som', source: 'Tuổi Trẻ' })).toEqual([]);
  });

  it('annotations.list filters by the article’s tag, source and date', async () => {
    expect(new Set((await value<Annotation[]>('annotations.list', { articleTag: 'kinh tế' })).map((a) => a.articleId))).toEqual(new Set([power, undated]));
    expect((await value<Annotation[]>('annotations.list', { source: 'tuổi trẻ' })).map((a) => a.articleId)).toEqual([talks]);
    expect((await value<Annotation[]>('annotations.list', { from: '2024-02-01', to: '2024-02-29' })).map((a) => a.articleId)).toEqual([talks]);
  });

  it('writes Markdown with Vietnamese headings, local times, every quote with its note and a citation', async () => {
    const file = await brief({ filter: { articleTag: 'kinh tế' }, order: 'published-desc' });
    expect(file).toMatchObject({ mediaType: 'text/markdown', encoding: 'utf-8', articles: 2, quotes: 3 });
    expect(file.filename).toMatch(/^brief-\d{4}-\d{2}-\d{2}\.md$/u);
    const md = file.content;
    expect(md).toMatch(/^# Tập hợp trích dẫn\n/u);
    expect(md).toContain('**Bộ lọc:** thẻ “kinh tế”');
    expect(md).toContain('## 1. Giá điện tăng từ tháng sau');
    expect(md).toContain('- **Tác giả:** Nguyễn Văn An');
    // The reader's local time (Hà Nội), not UTC's 18:30 on the 3rd.
    expect(md).toContain('- **Xuất bản:** 01:30, 04/03/2024 (GMT+7)');
    expect(md).toContain('- **Liên kết:** <https://vnexpress.net/gia-dien-4720001.html>');
    // Reading order within the article: "biểu giá" stands before "tăng 4,8%".
    expect(md.indexOf('> biểu giá điện mới')).toBeLessThan(md.indexOf('> tăng 4,8%'));
    expect(md).toContain('**Ghi chú:** Cần xác minh con số với EVN');
    // The default colour labels in the brief's language, as the UI words them (stored as 'verify').
    expect(md).toContain('> — *Kiểm chứng*');
    expect(md).toContain('**Trích nguồn:** Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024. https://vnexpress.net/gia-dien-4720001.html');
    // The undated article says so, and is last in a newest-first brief.
    expect(md).toMatch(/## 2\. Ghi chép \\<\\!-- ẩn --\\> tại chỗ/u);
    expect(md).toContain('không rõ ngày xuất bản (lưu lúc');
    // No machine comments, and a title cannot smuggle one in.
    expect(md).not.toContain('<!--');
    expect(md).not.toContain(talks);
  });

  it('orders articles as chosen, and speaks English when asked', async () => {
    const file = await brief({ order: 'published-asc', language: 'en', style: 'apa' });
    expect(file.content).toMatch(/^# Brief\n/u);
    expect(file.content).toContain('**Filter:** every annotation');
    const titles = [...file.content.matchAll(/^## \d+\. (.*)$/gmu)].map((m) => m[1]);
    expect(titles).toEqual(['Nối lại đàm phán ngừng bắn', 'Giá điện tăng từ tháng sau', 'Ghi chép \\<\\!-- ẩn --\\> tại chỗ']);
    expect(file.content).toContain('- **Published:** 4 March 2024, 01:30 (GMT+7)');
    expect(file.content).toContain('> — *Verify*');
    expect(file.content).toContain('**Citation:** Giá điện tăng từ tháng sau'.replace('Giá', 'Nguyễn Văn An. (2024, March 4). Giá'));
  });

  it('writes a DOCX that mammoth reads back with the same content', async () => {
    const file = await brief({ filter: { text: 'xac minh' }, format: 'docx' });
    expect(file).toMatchObject({ encoding: 'base64', articles: 1, quotes: 1, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(file.filename).toMatch(/\.docx$/u);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.content, 'base64') });
    expect(html).toContain('<h1>Tập hợp trích dẫn</h1>');
    expect(html).toContain('<h2>1. Giá điện tăng từ tháng sau</h2>');
    expect(html).toContain('01:30, 04/03/2024 (GMT+7)');
    expect(html).toContain('“tăng 4,8%”');
    expect(html).toContain('Cần xác minh con số với EVN');
    expect(html).toContain('chữ “xac minh”');
    expect(html).toContain('<a href="https://vnexpress.net/gia-dien-4720001.html">');
  });

  it('refuses an unknown time zone with a clear message', async () => {
    const outcome = await context.dispatch('briefs.export', { filter: {}, format: 'md', style: 'apa', language: 'vi', timeZone: 'Mars/Olympus' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('unknown time zone');
  });

  it('APA and Chicago citations follow the brief’s language, in the brief and in briefs.cite', async () => {
    const vi = await brief({ order: 'published-asc', language: 'vi', style: 'apa' });
    expect(vi.content).toContain('Nguyễn Văn An. (2024, ngày 4 tháng 3). Giá điện tăng từ tháng sau.');
    expect(vi.content).not.toContain('March');
    const cite = (language: 'vi' | 'en') => value('briefs.cite', { articleId: power, style: 'chicago', language, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(((await cite('en')) as { text: string }).text).toContain('VnExpress, March 4, 2024.');
    expect(((await cite('vi')) as { text: string }).text).toContain('VnExpress, ngày 4 tháng 3 năm 2024.');
  });

  it('briefs.cite gives the article’s citation in a style, with a page', async () => {
    expect(await value('briefs.cite', { articleId: power, style: 'vi-press', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', page: '3' })).toEqual({
      text: 'Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024, tr. 3. https://vnexpress.net/gia-dien-4720001.html',
    });
  });
});
