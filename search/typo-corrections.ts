import type { CorrectedForms, WordCorrections } from './highlight.ts';
import type { ParsedQuery } from './query-parser.ts';
import type { SearchEngine } from './search-engine.ts';
import type { TypoCorrection } from './typo-model.ts';
import type { SearchCorrection } from '../contract/search-result.ts';

/** How many corrected forms a notice names per word. */
const SHOWN_FORMS = 3;

/**
 * The corrections each segment's engine searched for each query word, together: each segment judges
 * scarcity by its own articles, and any of them may have put a hit on the page.
 */
export function segmentCorrections(query: ParsedQuery, engines: readonly SearchEngine[]): WordCorrections {
  return query.words.slice(0, 32).map((_, index) => {
    const all = new Map<string, TypoCorrection>();
    for (const engine of engines) for (const correction of engine.typoCorrections(query.words, index)) all.set(correction.term, correction);
    return [...all.values()];
  });
}

/** The words the page shows typo corrections for, with the forms marked, most frequent first. */
export function pageCorrections(query: ParsedQuery, perHit: readonly CorrectedForms[]): SearchCorrection[] {
  const totals = new Map<number, Map<string, number>>();
  for (const forms of perHit) {
    for (const [word, counts] of forms) {
      const total = totals.get(word) ?? new Map<string, number>();
      for (const [form, count] of counts) total.set(form, (total.get(form) ?? 0) + count);
      totals.set(word, total);
    }
  }
  return [...totals]
    .sort((a, b) => a[0] - b[0])
    .map(([word, counts]) => ({
      typed: query.words[word]!.exact,
      shown: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SHOWN_FORMS).map(([form]) => form),
    }));
}
