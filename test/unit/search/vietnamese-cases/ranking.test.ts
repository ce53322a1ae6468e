import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../../search/run-search.ts';
import { SearchEngine } from '../../../../search/search-engine.ts';
import { RANKING_CASES } from './ranking.cases.ts';

describe('Vietnamese ranking cases (issue 14)', () => {
  for (const c of RANKING_CASES) {
    it(c.name, () => {
      const docs = [...c.articles, ...(c.background?.() ?? [])];
      const engine = SearchEngine.build(docs);
      const byId = new Map(docs.map((d) => [d.id, d]));
      const result = runSearch(c.query, { engines: [engine], removed: new Set(), documents: (ids) => ids.map((id) => byId.get(id)!) }, { limit: 1000 });
      const ranked = result.hits.map((hit) => hit.id);
      for (const [higher, lower] of c.above ?? []) {
        expect(ranked, `${higher} found`).toContain(higher);
        expect(ranked, `${lower} found`).toContain(lower);
        expect(ranked.indexOf(higher), `${higher} above ${lower} in ${ranked.slice(0, 10).join(', ')}`).toBeLessThan(ranked.indexOf(lower));
      }
      if (c.first) expect(new Set(ranked.slice(0, c.first.length))).toEqual(new Set(c.first));
      for (const id of c.found ?? []) expect(ranked).toContain(id);
      for (const id of c.absent ?? []) expect(ranked).not.toContain(id);
      if (c.total !== undefined) expect(result.total).toBe(c.total);
    });
  }
});
