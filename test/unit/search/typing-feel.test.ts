// Issue 16 §3: typo expansion is a fallback. `rao can cuoi cung` found the right article, but its
// snippet and first highlight landed on loose matches (cuộc, xung, cũng) instead of the phrase.
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { CORPUS, doc } from './search-fixtures.ts';

const LOOSE_OPENING =
  'Cuộc họp sáng nay kéo dài. Xung quanh cuộc họp cũng có nhiều ý kiến, cũng như nhiều cuộc trao đổi khác. ' +
  'Các bên cũng nêu những điểm xung đột trong cuộc đàm phán kéo dài nhiều tháng, và cuộc thảo luận cũng chưa ngã ngũ. ';
const TARGET = doc(
  'barrier',
  'Thương lượng thương mại bước sang giai đoạn mới',
  `${LOOSE_OPENING}Theo nhà đàm phán, thuế nhập khẩu là rào cản cuối cùng trước khi hai nước ký hiệp định.`,
);
const OTHERS = Array.from({ length: 20 }, (_, i) =>
  doc(`other-${i}`, `Tin tổng hợp số ${i + 1}`, `Cuộc sống ở thành phố cũng có nhiều thay đổi; cuộc thi số ${i + 1} cũng xung quanh chủ đề cuối năm.`),
);
const DOCS = [...CORPUS, TARGET, ...OTHERS];
const engine = SearchEngine.build(DOCS);
const byId = new Map(DOCS.map((d) => [d.id, d]));
const search = (query: string) => runSearch(query, { engines: [engine], removed: new Set(), documents: (ids) => ids.map((id) => byId.get(id)!) }, { limit: 10 });

describe('rao can cuoi cung: the phrase, not the loose matches', () => {
  const result = search('rao can cuoi cung');
  const hit = result.hits.find((h) => h.id === 'barrier');
  const phrase = 'rào cản cuối cùng';

  it('finds the article first', () => {
    expect(result.hits[0]?.id).toBe('barrier');
  });

  it('centres the snippet on the phrase, marked as one run', () => {
    const { text, matches } = hit!.snippet;
    // The snippet opens shortly before the phrase, not at the article's first loose match.
    expect(text).not.toContain('Cuộc họp sáng nay');
    const marked = matches.map((m) => text.slice(m.start, m.end).toLowerCase());
    expect(marked).toContain(phrase);
    expect(matches.some((m) => m.typo)).toBe(false);
  });

  it('marks no typo stand-in: cuộc and xung are never marked, and no mark is a typo', () => {
    const body = TARGET.body;
    const marks = hit!.matches.filter((m) => m.field === 'body');
    expect(marks.some((m) => m.typo)).toBe(false);
    expect(result.corrections).toBeUndefined();
    const words = marks.map((m) => body.slice(m.start, m.end).toLowerCase());
    for (const loose of ['cuộc', 'xung']) expect(words).not.toContain(loose);
    // The longest mark is the phrase: the words typed side by side are marked together.
    expect(words.reduce((a, b) => (b.length > a.length ? b : a))).toBe(phrase);
  });
});
