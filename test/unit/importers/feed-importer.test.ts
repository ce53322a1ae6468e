import { describe, expect, it } from 'vitest';
import { feedImporter, selectImporter } from '../../../importers/index.ts';
import { blockTexts, drafts, fixtureInput, textInput } from './importer-test-helpers.ts';

describe('feed importer', () => {
  it('turns each RSS item into an article with the feed title as source', async () => {
    const input = fixtureInput('feed-rss.xml');
    expect(selectImporter(input)?.id).toBe('feed');
    const items = await feedImporter.parse(input);
    expect(items.map((item) => item.kind)).toEqual(['draft', 'draft', 'failed']);
    const [first, second] = drafts(items);
    expect(first).toMatchObject({
      title: 'Hội nghị thượng đỉnh khai mạc',
      url: 'https://thoisu.example.vn/the-gioi/hoi-nghi-1.html',
      author: 'Trần Hoà',
      source: 'Báo Thời Sự - Thế giới',
      publishedAt: '2024-03-04T01:00:00.000Z',
      language: 'vi',
      tags: ['Thế giới', 'Ngoại giao'],
      origin: input.origin,
    });
    expect(blockTexts(first!)).toEqual([
      ['paragraph', 'Hội nghị khai mạc sáng nay với sự tham dự của 20 nguyên thủ.'],
      ['heading2', 'Chương trình'],
      ['paragraph', 'Phiên toàn thể diễn ra vào buổi chiều.'],
    ]);
    expect(first!.body).not.toMatch(/LEAK|alert/);
    expect(second!.body).toBe('Markets rose in Asia on Tuesday.');
    expect(items[2]).toMatchObject({ kind: 'failed', error: 'feed entry "No text at all" has no text', position: 3 });
  });

  it('reads Atom entries, stripping markup from html titles', async () => {
    const items = await feedImporter.parse(fixtureInput('feed-atom.xml'));
    const [rates, plain] = drafts(items);
    expect(rates).toMatchObject({
      title: 'Rates held steady',
      url: 'https://wire.example.com/rates',
      author: 'John Smith',
      source: 'Example Wire',
      publishedAt: '2024-03-05T09:00:00.000Z',
      language: 'en',
      tags: ['economy'],
    });
    expect(blockTexts(rates!)).toEqual([
      ['paragraph', 'The central bank held rates steady on Tuesday.'],
      ['quote', 'We remain vigilant.'],
    ]);
    expect(plain).toMatchObject({ author: 'Wire Desk', publishedAt: '2024-03-05T12:00:00.000Z' });
    expect(blockTexts(plain!).map(([, text]) => text)).toEqual(['First paragraph of the summary.', 'Second paragraph of the summary.']);
  });

  it('fails a malformed feed with a clear reason', async () => {
    await expect(feedImporter.parse(fixtureInput('feed-malformed.xml'))).rejects.toThrow(/^malformed feed: /);
  });

  it('does not take generic XML for a feed but does sniff feeds without an extension', () => {
    expect(selectImporter(fixtureInput('not-a-feed.xml'))).toBeNull();
    expect(selectImporter(textInput('rss', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>'))?.id).toBe('feed');
  });

  it('reads a JSON Feed saved as .json', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Blog Ghi Chép',
      language: 'vi',
      items: [{ id: '1', url: 'https://blog.example.vn/1', title: 'Ghi chép', content_text: 'Dòng một.\n\nDòng hai.', date_published: '2024-03-01T00:00:00Z', tags: ['du lịch'] }],
    };
    const input = textInput('feed.json', JSON.stringify(feed));
    expect(selectImporter(input)?.id).toBe('feed');
    const [draft] = drafts(await feedImporter.parse(input));
    expect(draft).toMatchObject({ title: 'Ghi chép', source: 'Blog Ghi Chép', tags: ['du lịch'], publishedAt: '2024-03-01T00:00:00.000Z' });
    expect(draft!.body).toBe('Dòng một.\n\nDòng hai.');
  });
});
