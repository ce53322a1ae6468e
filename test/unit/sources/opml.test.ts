import { describe, expect, it } from 'vitest';
import { readOpml, writeOpml } from '../../../sources/opml.ts';

describe('OPML', () => {
  const sources = [
    { url: 'https://vnexpress.net/rss/thoi-su.rss', title: 'VnExpress – Thời sự', folder: 'Thời sự' },
    { url: 'https://tuoitre.vn/rss/kinh-te.rss', title: 'Tuổi Trẻ & Kinh tế <mới>', folder: 'Kinh tế' },
    { url: 'https://example.com/wire.xml?x=1&y=2', title: 'Wire "AP"', folder: 'Wire / Quốc tế' },
    { url: 'https://example.org/loose.atom', title: 'Không thư mục', folder: null },
  ];

  it('round-trips sources with their folders unchanged', () => {
    const { feeds, problems } = readOpml(writeOpml(sources));
    expect(problems).toEqual([]);
    const back = feeds.map(({ url, title, folder }) => ({ url, title, folder }));
    const key = (s: { url: string }) => s.url;
    expect([...back].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...sources].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('reads nested folders, and reports bad outlines by line while keeping the good ones', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<opml version="2.0"><head><title>x</title></head><body>',
      '  <outline text="Thời sự">',
      '    <outline text="Trong nước">',
      '      <outline text="A" type="rss" xmlUrl="https://a.vn/rss"/>',
      '    </outline>',
      '    <outline text="Không có địa chỉ"/>',
      '    <outline text="Tệp" xmlUrl="file:///etc/passwd"/>',
      '  </outline>',
      '  <outline text="B" XMLURL="http://b.vn/feed"/>',
      '</body></opml>',
    ].join('\n');
    const { feeds, problems } = readOpml(text);
    expect(feeds).toEqual([
      { url: 'https://a.vn/rss', title: 'A', folder: 'Thời sự / Trong nước', line: 5 },
      { url: 'http://b.vn/feed', title: 'B', folder: null, line: 10 },
    ]);
    expect(problems.map((p) => p.line)).toEqual([7, 8]);
    expect(problems[1]!.message).toContain('not an http(s) address');
  });

  it('reports malformed XML with its line, and still returns the outlines before it', () => {
    const text = '<opml version="2.0"><body>\n<outline text="A" xmlUrl="https://a.vn/rss"/>\n<outline text="B" xmlUrl="https://b.vn/rss">\n</body></opml>';
    const { feeds, problems } = readOpml(text);
    expect(feeds.map((f) => f.url)).toEqual(['https://a.vn/rss', 'https://b.vn/rss']);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(4);
    expect(problems[0]!.message).toMatch(/not well-formed XML/);
  });

  it('refuses what is not OPML, and never expands entities', () => {
    expect(readOpml('<rss version="2.0"></rss>').problems[0]).toEqual({ line: 1, reason: { kind: 'not-opml' }, message: 'not an OPML file: no <opml> element' });
    const bomb = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://a.vn/rss"/></body></opml>';
    const { feeds, problems } = readOpml(bomb);
    expect(problems.length).toBeGreaterThan(0);
    expect(feeds.every((feed) => !feed.title.includes('aaaaaaaaaa'))).toBe(true);
  });
});
