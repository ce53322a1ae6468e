import { describe, expect, it } from 'vitest';
import { WARM_QUERIES, warmSearch } from '../../../commands/search-warmup.ts';
import { parseQuery } from '../../../search/query-parser.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { allowsConfusions } from '../../../search/typo-model.ts';
import { CORPUS } from '../search/search-fixtures.ts';
import type { SearchResult } from '../../../search/types.ts';

const EMPTY: SearchResult = { query: '', total: 0, tookMs: 0, hits: [] };

describe('the search warm-up at start', () => {
  it('runs every warm-up query once, in order, asking for one hit', async () => {
    const asked: [string, number | undefined][] = [];
    await warmSearch({ search: async (query, options) => (asked.push([query, options?.limit]), EMPTY) });
    expect(asked).toEqual(WARM_QUERIES.map((query) => [query, 1]));
  });

  it('touches each lazy part: two words, a prefix being typed, and a word the library lacks (the typo vocabulary)', () => {
    const engine = SearchEngine.build(CORPUS);
    const parsed = WARM_QUERIES.map((query) => parseQuery(query));
    expect(parsed.some((query) => query.words.length >= 2)).toBe(true);
    expect(parsed.some((query) => query.prefix)).toBe(true);
    const unknown = parsed.flatMap((query) => query.words).filter((word) => !engine.hasTerm(word.folded) && allowsConfusions(word.folded));
    expect(unknown.length).toBeGreaterThan(0);
  });

  it('logs a failure instead of throwing: a real query will report it', async () => {
    const logged: string[] = [];
    await warmSearch({ search: () => Promise.reject(new Error('index gone')) }, (line) => logged.push(line));
    expect(logged).toEqual(['search warm-up failed: index gone']);
  });
});
