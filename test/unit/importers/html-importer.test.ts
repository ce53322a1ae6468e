import { describe, expect, it } from 'vitest';
import { htmlImporter, selectImporter } from '../../../importers/index.ts';
import { blockTexts, fixtureInput, onlyDraft, textInput } from './importer-test-helpers.ts';

const LEAKS = ['SCRIPT_HEAD_LEAK', 'SCRIPT_BODY_LEAK', 'STYLE_LEAK', 'NAV_LEAK', 'FOOTER_LEAK', 'ASIDE_LEAK', 'ONERROR_LEAK', 'ONLOAD_LEAK', 'NOSCRIPT_LEAK', 'alert', 'document.'];

describe('html importer', () => {
  it('extracts the article with its metadata and structure', async () => {
    const draft = onlyDraft(await htmlImporter.parse(fixtureInput('article.html')));
    expect(draft).toMatchObject({
      title: 'Đàm phán ngừng bắn bước vào vòng mới',
      author: 'Lê Minh Khoa',
      source: 'Báo Thời Sự',
      url: 'https://thoisu.example.vn/the-gioi/dam-phan-ngung-ban-123.html',
      language: 'vi',
      publishedAt: '2024-03-04T01:30:00.000Z',
      tags: ['Thế giới', 'Ngoại giao'],
    });
    const blocks = blockTexts(draft);
    expect(blocks[0]).toEqual(['paragraph', expect.stringMatching(/^Các bên đã nhất trí nối lại hoà đàm tại Genève từ ngày 3\.3/)]);
    expect(blocks).toContainEqual(['caption', 'Phái đoàn các bên tại Genève hôm 3.3. Ảnh: AFP']);
    expect(blocks).toContainEqual(['heading2', 'Phản ứng quốc tế']);
    expect(blocks).toContainEqual(['quote', 'Chúng tôi hy vọng đây là bước ngoặt để người dân được sống trong hoà bình và khoẻ mạnh.']);
    expect(blocks).toContainEqual(['list-item', 'Ngừng bắn toàn diện trong 30 ngày']);
    expect(blocks).toContainEqual(['list-item', 'Mở hành lang nhân đạo']);
    // The headline is the title, not repeated as the first block.
    expect(blocks.some(([, text]) => text === draft.title)).toBe(false);
  });

  it('never lets scripts, styles, navigation, footers or event handlers into the text', async () => {
    const draft = onlyDraft(await htmlImporter.parse(fixtureInput('article.html')));
    for (const leak of LEAKS) expect(draft.body, leak).not.toContain(leak);
    expect(draft.body).not.toMatch(/[<>]/);
  });

  it('falls back to the whole body on pages Readability rejects, still without scripts or navigation', async () => {
    const page = `<html><head><title>Ghi chú</title></head><body><nav>NAV_LEAK</nav><p>Một dòng ngắn.</p><script>SCRIPT_LEAK()</script><footer>FOOTER_LEAK</footer></body></html>`;
    const draft = onlyDraft(await htmlImporter.parse(textInput('short.htm', page)));
    expect(draft.title).toBe('Ghi chú');
    expect(draft.body).toBe('Một dòng ngắn.');
  });

  it('detects HTML without an extension by content type and by sniffing', () => {
    const page = '<!DOCTYPE html><html><body><p>x</p></body></html>';
    expect(selectImporter(textInput('index', page))?.id).toBe('html');
    expect(selectImporter(textInput('view', 'x', { contentType: 'text/html; charset=utf-8' }))?.id).toBe('html');
  });
});

describe('html metadata fallbacks', () => {
  it('reads JSON-LD and <time datetime> when Open Graph is missing', async () => {
    const paragraph = '<p>The committee approved the budget after a long debate that lasted well into the night, officials said.</p>';
    const page = `<!doctype html><html><head><title>Budget approved | Example News</title>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Budget approved","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],"publisher":{"name":"Example News"},"keywords":"budget, politics"}]}</script>
      <meta property="og:url" content="https://news.example.com/budget"></head>
      <body><article><time datetime="2024-03-06T10:00:00Z">6 March</time>${paragraph.repeat(4)}</article></body></html>`;
    const draft = onlyDraft(await htmlImporter.parse(textInput('budget.htm', page)));
    expect(draft).toMatchObject({
      title: 'Budget approved',
      author: 'Ann Lee, Bo Chan',
      source: 'Example News',
      url: 'https://news.example.com/budget',
      publishedAt: '2024-03-06T10:00:00.000Z',
      language: 'en',
      tags: ['budget', 'politics'],
    });
  });
});
