import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../../search/run-search.ts';
import { SearchEngine } from '../../../../search/search-engine.ts';
import { FORMS_CASES } from './forms.cases.ts';

describe('Vietnamese forms: input methods, spellings, abbreviations, numbers, names, sentences', () => {
  for (const c of FORMS_CASES) {
    it(c.name, () => {
      // Through the serialized index, as the app loads it.
      const engine = SearchEngine.deserialize(SearchEngine.build(c.articles).serialize());
      const byId = new Map(c.articles.map((a) => [a.id, a]));
      const result = runSearch(c.query, { engines: [engine], removed: new Set(), documents: (ids) => ids.map((id) => byId.get(id)!) }, { limit: 50 });
      const found = result.hits.map((hit) => hit.id);
      expect(found, c.query).toEqual(expect.arrayContaining(c.found));
      if (c.first) expect(found[0], `${c.query} ranks ${c.first} first`).toBe(c.first);
      for (const id of c.notFound ?? []) expect(found, `${c.query} must not find ${id}`).not.toContain(id);
      if (c.marked) {
        const hit = result.hits.find((h) => h.id === c.found[0])!;
        const body = byId.get(hit.id)!.body;
        const marks = hit.matches.filter((m) => m.field === 'body').map((m) => body.slice(m.start, m.end));
        expect(marks, `${c.query} marks`).toEqual(expect.arrayContaining(c.marked));
      }
      // Every hit's marks lie inside the text they point at.
      for (const hit of result.hits) {
        const article = byId.get(hit.id)!;
        for (const m of hit.matches) expect(m.end).toBeLessThanOrEqual((m.field === 'title' ? article.title : article.body).length);
      }
    });
  }
});
