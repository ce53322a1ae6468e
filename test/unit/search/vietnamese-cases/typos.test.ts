import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../search/query-parser.ts';
import { runSearch } from '../../../../search/run-search.ts';
import { SearchEngine } from '../../../../search/search-engine.ts';
import type { SearchResult } from '../../../../search/types.ts';
import { BACKGROUND_ARTICLES, CORRECTION_CASES, FOLDED_MARK_CASES, MARK_CASES, NOT_EXPANDED_CASES, SNIPPET_CASES, TYPO_ARTICLES, TYPO_FIND_CASES } from './typos.cases.ts';

const articles = [...TYPO_ARTICLES, ...BACKGROUND_ARTICLES];
const engine = SearchEngine.build(articles);
const byId = new Map(articles.map((d) => [d.id, d]));
const search = (query: string): SearchResult =>
  runSearch(query, { engines: [engine], removed: new Set(), documents: (ids) => ids.map((id) => byId.get(id)!) }, { limit: 20 });

describe('Vietnamese typos', () => {
  it.each(TYPO_FIND_CASES)('$name: $query', ({ query, found, within }) => {
    const ids = search(query).hits.map((hit) => hit.id);
    expect(ids.slice(0, within)).toEqual(expect.arrayContaining(found));
  });

  it.each(CORRECTION_CASES)('the result names the correction ($name): $query', ({ query, corrections, kind }) => {
    const result = search(query);
    expect(result.corrections?.map((c) => ({ typed: c.typed, shown: c.shown[0] }))).toEqual(corrections);
    if (kind) expect(engine.typoCorrections(parseQuery(query).words, kind.word)).toContainEqual(expect.objectContaining({ term: kind.term, kind: kind.kind }));
  });

  it.each(NOT_EXPANDED_CASES)('a correct common word is not expanded: $name', ({ query }) => {
    const words = parseQuery(query).words;
    expect(words.flatMap((_, i) => engine.typoCorrections(words, i))).toEqual([]);
    const result = search(query);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.corrections).toBeUndefined();
    for (const hit of result.hits) {
      expect(hit.matches.filter((m) => m.typo)).toEqual([]);
      expect(hit.snippet.matches.filter((m) => m.typo)).toEqual([]);
    }
  });
});

describe('Vietnamese marks', () => {
  it.each([...MARK_CASES, ...FOLDED_MARK_CASES])('$name: $query', ({ query, id, field, marks }) => {
    const hit = search(query).hits.find((h) => h.id === id);
    expect(hit, `${id} is found`).toBeDefined();
    const text = field === 'title' ? byId.get(id)!.title : byId.get(id)!.body;
    const shown = hit!.matches.filter((m) => m.field === field).map((m) => `${m.typo ? '~' : ''}${text.slice(m.start, m.end)}`);
    expect(shown).toEqual(marks);
  });
});

describe('Vietnamese snippets', () => {
  it.each(SNIPPET_CASES)('$name: $query', ({ query, id, contains, lacks }) => {
    const hit = search(query).hits.find((h) => h.id === id);
    expect(hit, `${id} is found`).toBeDefined();
    expect(hit!.snippet.text).toContain(contains);
    if (lacks) expect(hit!.snippet.text).not.toContain(lacks);
    for (const m of hit!.snippet.matches) expect(hit!.snippet.text.slice(m.start, m.end).length).toBeGreaterThan(0);
  });
});
