import { describe, expect, it } from 'vitest';
import { chooseCandidate, creditInText, parseSrcset } from '../../../importers/figure-pieces.ts';
import { parseHtmlArticle } from '../../../importers/html-importer.ts';
import { feedImporter } from '../../../importers/feed-importer.ts';
import { validateDraft } from '../../../library/draft-validation.ts';
import { blockTexts } from '../importers/importer-test-helpers.ts';
import { newsPage } from './photo-fixtures.ts';

const ORIGIN = 'https://baomoi.example/thoi-su/tau-dien.html';

function figures(page: string, origin = ORIGIN) {
  const draft = parseHtmlArticle(page, origin);
  return { draft, figures: draft.blocks.filter((block) => block.kind === 'figure').map((block) => block.figure!) };
}

describe('srcset', () => {
  it('splits candidates as the HTML standard does, commas inside URLs included', () => {
    expect(parseSrcset('a.jpg 600w, https://cdn.example/w_1200,h_800/b.jpg 1200w,c.jpg 2x')).toEqual([
      { url: 'a.jpg', width: 600, density: null },
      { url: 'https://cdn.example/w_1200,h_800/b.jpg', width: 1200, density: null },
      { url: 'c.jpg', width: null, density: 2 },
    ]);
  });

  it('keeps the narrowest candidate at least 1200 px wide, else the widest, else by density', () => {
    expect(chooseCandidate(parseSrcset('s.jpg 480w, xl.jpg 2400w, l.jpg 1280w, m.jpg 800w'), 'src.jpg')).toBe('l.jpg');
    expect(chooseCandidate(parseSrcset('s.jpg 480w, m.jpg 800w'), 'src.jpg')).toBe('m.jpg');
    expect(chooseCandidate(parseSrcset('a.jpg 1x, b.jpg 2x, c.jpg 3x'), 'src.jpg')).toBe('b.jpg');
    expect(chooseCandidate([], 'src.jpg')).toBe('src.jpg');
  });
});

describe('figures from pages', () => {
  it('turns <picture>, lazy <img> and srcset into one figure with alt, credit and an absolute address', () => {
    const { figures: found, draft } = figures(
      newsPage({
        figure: `<figure><picture><source type="image/svg+xml" srcset="/x.svg"><source type="image/webp" srcset="/a-600.webp 600w, /a-1600.webp 1600w, /a-1200.webp 1200w">
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/a.jpg" alt="Đoàn tàu rời ga"></picture>
          <figcaption>Đoàn tàu rời ga Cát Linh sáng 6/11. Ảnh: <em>Giang Huy</em></figcaption></figure>`,
      }),
    );
    expect(found).toEqual([{ image: null, src: 'https://baomoi.example/a-1200.webp', alt: 'Đoàn tàu rời ga', credit: 'Ảnh: Giang Huy' }]);
    expect(draft.imageSources).toEqual([{ block: draft.blocks.findIndex((block) => block.kind === 'figure'), url: 'https://baomoi.example/a-1200.webp' }]);
    validateDraft(draft);
  });

  it('leaves out tracking pixels, icons, hidden and vector images', () => {
    const { figures: found } = figures(
      newsPage({
        figure: `<p>Chữ <img src="/pixel.gif" width="1" height="1"> và <img src="https://www.google-analytics.com/collect?v=1" alt="">
          <img src="/icon-share.png" class="icon share"> <img src="/deco.png" aria-hidden="true"> <img src="/logo.svg" alt="Logo">
          <img src="/thumb.jpg" width="32" height="32"> <img src="/anh-that.jpg" alt="Ảnh thật"></p>`,
      }),
    );
    expect(found.map((figure) => figure.src)).toEqual(['https://baomoi.example/anh-that.jpg']);
  });

  it('never moves the text: a page with photos has the same body and text blocks as without them', () => {
    const figure = `<figure><img src="/a.jpg" alt="A"><figcaption>Chú thích ảnh. Ảnh: TTXVN</figcaption></figure>
      <p>Chữ trước <img src="/b.jpg" alt="B"> chữ sau trong cùng một đoạn văn dài.</p>`;
    const withPhotos = parseHtmlArticle(newsPage({ figure }), ORIGIN);
    const without = parseHtmlArticle(newsPage({ figure: figure.replace(/<img[^>]*>/g, '') }), ORIGIN);
    expect(withPhotos.body).toBe(without.body);
    expect(blockTexts(withPhotos)).toEqual(blockTexts(without));
    expect(blockTexts(withPhotos)).toContainEqual(['caption', 'Chú thích ảnh. Ảnh: TTXVN']);
    // The inline photo comes after its paragraph, which stays whole.
    const kinds = withPhotos.blocks.map((block) => block.kind);
    expect(kinds.filter((kind) => kind === 'figure')).toHaveLength(2);
    expect(blockTexts(withPhotos)).toContainEqual(['paragraph', 'Chữ trước chữ sau trong cùng một đoạn văn dài.']);
  });

  it('resolves a saved file’s relative photos to file: URLs beside it, and an upload’s not at all', () => {
    const page = newsPage({ figure: '<figure><img src="anh/a.png" alt="A"></figure>' });
    expect(figures(page, '/home/bt/luu/bai.html').draft.imageSources?.[0]?.url).toBe('file:///home/bt/luu/anh/a.png');
    // Stored blocks keep only web addresses: a local path is never written into the library.
    expect(figures(page, '/home/bt/luu/bai.html').figures[0]!.src).toBeNull();
    expect(figures(page, 'bai.html').figures).toEqual([]);
  });

  it('reads the credit at the end of a caption', () => {
    expect(creditInText('Người dân xếp hàng. (Ảnh: Reuters)')).toBe('Ảnh: Reuters');
    expect(creditInText('Photo: AP')).toBe('Photo: AP');
    expect(creditInText('Ảnh hưởng của bão số 3 tới mùa màng')).toBeNull();
  });

  it('keeps photos of feed items, resolved against the item link, and an item with only a photo is not an article', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Thời sự</title>
      <item><guid>1</guid><title>Tin có ảnh</title><link>https://tin.example/a/1.html</link>
        <description><![CDATA[<p>Nội dung bản tin đầy đủ.</p><figure><img src="../img/1.jpg" alt="Ảnh 1"><figcaption>Chú thích</figcaption></figure>]]></description></item>
      <item><guid>2</guid><title>Chỉ có ảnh</title><link>https://tin.example/a/2.html</link><description><![CDATA[<img src="/img/2.jpg" alt="">]]></description></item>
      </channel></rss>`;
    const items = await feedImporter.parse({ name: 'feed.xml', bytes: new TextEncoder().encode(feed), origin: 'https://tin.example/rss.xml' });
    expect(items[0]).toMatchObject({ kind: 'draft', draft: { imageSources: [{ url: 'https://tin.example/img/1.jpg' }] } });
    expect(items[1]).toMatchObject({ kind: 'failed', reason: { kind: 'feed-entry-without-text' } });
  });

  it('old articles, without figure blocks, still validate; a figure with a local address does not', () => {
    validateDraft({ title: 'Cũ', author: null, source: null, url: null, language: 'vi', publishedAt: null, body: 'Chú thích', blocks: [{ kind: 'caption', start: 0, end: 9 }], origin: 'x', tags: [] });
    const bad = { title: 'Mới', author: null, source: null, url: null, language: 'vi', publishedAt: null, body: 'Chữ', origin: 'x', tags: [] };
    expect(() => validateDraft({ ...bad, blocks: [{ kind: 'figure', start: 0, end: 0, figure: { image: null, src: 'file:///etc/passwd', alt: '', credit: null } }] })).toThrow(/http/);
    expect(() => validateDraft({ ...bad, blocks: [{ kind: 'figure', start: 0, end: 0, figure: { image: '../../x.png', src: null, alt: '', credit: null } }] })).toThrow(/hash/);
  });
});
