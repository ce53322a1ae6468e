import lunr from 'lunr';
import type { QueryWord } from './query-parser.ts';
import { allowsConfusions, allowsTypos, confusionVariants, toneSwapped, typoKind, type TypoCorrection } from './typo-model.ts';
import type { TermLookup } from './compact-index.ts';

// A word found in this many articles is a real word, not a typo: expanding it would only add noise.
const TYPO_FREQUENCY_LIMIT = 20;
// A common word may still be the wrong one of a confused pair ("lãi xuất"): when the query's words stand
// side by side in fewer articles than this, a confusion that does stand beside them (lãi suất) in at
// least this many, and CONTEXT_RATIO times as many as the typed pair, is searched too.
const CONTEXT_PAIR_SCARCE = 3;
const CONTEXT_RATIO = 8;
// A rare word typed alone is corrected only to words this many times as frequent: most rare words are
// meant (a name, a term), and a typo is the less likely explanation.
const LONE_WORD_RATIO = 20;
// The most frequent corrections of one word; more would only add noise.
const MAX_CORRECTIONS = 4;
// The typo clauses of a word are told apart by their edit distance: spelling corrections of a scarce
// word (1) and confusions the words beside it call for (2); the one on exact fields is the hỏi/ngã swap.
export const SPELLING_CLAUSE = 1;
export const CONTEXT_CLAUSE = 2;


// @types/lunr omits TokenSet's static constructors.
const fuzzy = (word: string, editDistance: number): lunr.TokenSet =>
  (lunr.TokenSet as unknown as { fromFuzzyString(word: string, editDistance: number): lunr.TokenSet }).fromFuzzyString(word, editDistance);

/** How many articles must hold a correction beside the query's other words, where `typed` hold the word as typed. */
function contextNeeded(typed: number): number {
  return Math.max(CONTEXT_PAIR_SCARCE, typed * CONTEXT_RATIO);
}

/** What the corrector asks of one index segment. */
export interface TypoIndex {
  termIds: TermLookup;
  /** In how many articles' folded titles or bodies a term occurs. */
  frequency(term: number): number;
  /** In how many articles' exact titles or bodies a term occurs. */
  exactFrequency(term: number): number;
  /** In how many articles the folded terms stand side by side, in order, counted up to `atMost`. */
  sequenceCount(terms: readonly number[], atMost: number): number;
  /** The syllable-like terms, as a lunr TokenSet to intersect edit automata with. */
  vocabulary(): lunr.TokenSet;
}

/**
 * The typo model applied to one index segment: which corrections of a query word to search, judged by
 * how scarce the word is here and by the words beside it in the query.
 */
export class TypoCorrector {
  readonly #index: TypoIndex;
  /** The corrections of the last few query words, by word and neighbours: a query asks for them several times. */
  readonly #corrections = new Map<string, TypoCorrection[]>();

  constructor(index: TypoIndex) {
    this.#index = index;
  }

  /**
   * What the typo model searches for query word `index` besides the word itself: nothing when the
   * word is common here, as typed and folded. A scarce word gets its cheap corrections (a confusion,
   * a neighbouring key, hỏi/ngã) when the library has any, else its other one-edit neighbours; only
   * corrections more frequent than the word itself, the most frequent first.
   */
  corrections(words: readonly QueryWord[], index: number): TypoCorrection[] {
    const word = words[index]!;
    const key = [words[index - 1]?.folded, word.exact, words[index + 1]?.folded].join(' ');
    let found = this.#corrections.get(key);
    if (!found) {
      found = [...this.#toneCorrection(word), ...this.#spellingCorrections(words, index)];
      if (this.#corrections.size >= 64) this.#corrections.clear();
      this.#corrections.set(key, found);
    }
    return found;
  }

  /** Hỏi typed for ngã or the reverse (sẳn sàng for sẵn sàng), when the typed form is scarce and the other is not. */
  #toneCorrection(word: QueryWord): TypoCorrection[] {
    const swapped = word.accented ? toneSwapped(word.exact) : null;
    if (!swapped) return [];
    const typed = this.#exactFrequency(word.exact);
    if (typed >= TYPO_FREQUENCY_LIMIT) return [];
    return this.#exactFrequency(swapped) > typed ? [{ term: swapped, kind: 'tone' }] : [];
  }

  #spellingCorrections(words: readonly QueryWord[], index: number): TypoCorrection[] {
    const { termIds } = this.#index;
    const typed = words[index]!.folded;
    if (!allowsConfusions(typed)) return [];
    const context = this.#contextCorrections(words, index);
    const typedId = termIds.get(typed);
    const typedFrequency = typedId === undefined ? 0 : this.#index.frequency(typedId);
    if (typedFrequency >= TYPO_FREQUENCY_LIMIT) return context;
    const candidates = new Set(confusionVariants(typed));
    // The vocabulary is the set walked, the edit automaton the argument: lunr follows the automaton's
    // wildcard edges only in the argument, so the other order found deletions and transpositions only.
    if (allowsTypos(typed)) for (const term of this.#index.vocabulary().intersect(fuzzy(typed, 1)).toArray()) candidates.add(term);
    candidates.delete(typed);
    for (const c of context) candidates.delete(c.term);
    let scored = [...candidates].flatMap((term) => {
      const id = termIds.get(term);
      const frequency = id === undefined ? 0 : this.#index.frequency(id);
      return frequency > typedFrequency ? [{ term, kind: typoKind(typed, term), frequency, beside: 0 }] : [];
    });
    // A correction that stands beside the query's other words (tuonh → tướng after thủ) is the likely one.
    const typedBeside = this.#besideCount(words, index, typed);
    for (const candidate of scored) candidate.beside = this.#besideCount(words, index, candidate.term);
    const neighbours = words.length > 1;
    if (typedFrequency > 0 && neighbours) {
      // A word of the library, if rare, is taken as typed unless the words beside it say otherwise:
      // it stands beside them rarely, and a correction far more often (sàng after sẳn stays sàng).
      if (typedBeside >= CONTEXT_PAIR_SCARCE) return context;
      scored = scored.filter((c) => c.kind !== 'edit' && c.beside >= contextNeeded(typedBeside));
    } else if (typedFrequency > 0) {
      // Alone, a rare word is taken as typed unless a cheap correction is far more likely than it.
      scored = scored.filter((c) => c.kind !== 'edit' && c.frequency >= typedFrequency * LONE_WORD_RATIO);
    } else if (scored.some((c) => c.beside > 0)) scored = scored.filter((c) => c.beside > 0);
    const cheap = scored.filter((c) => c.kind !== 'edit');
    const chosen = (cheap.length > 0 ? cheap : scored)
      .sort((a, b) => b.beside - a.beside || b.frequency - a.frequency || (a.term < b.term ? -1 : 1))
      .slice(0, MAX_CORRECTIONS)
      .map(({ term, kind }): TypoCorrection => ({ term, kind }));
    return [...context, ...chosen];
  }

  /** In how many articles `term` stands, in the place of query word `index`, beside a neighbouring query word. */
  #besideCount(words: readonly QueryWord[], index: number, term: string): number {
    const before = words[index - 1]?.folded;
    const after = words[index + 1]?.folded;
    return (before === undefined ? 0 : this.#sequenceCount([before, term])) + (after === undefined ? 0 : this.#sequenceCount([term, after]));
  }

  /** Confusions of a word that stand beside its query neighbours far more often than it does. */
  #contextCorrections(words: readonly QueryWord[], index: number): TypoCorrection[] {
    const typed = words[index]!.folded;
    // Only confusions that are words here at all cost a walk along posting lists.
    const variants = confusionVariants(typed).filter((variant) => this.#index.termIds.has(variant));
    if (variants.length === 0) return [];
    const found = new Set<string>();
    for (const [neighbour, before] of [[words[index - 1]?.folded, true], [words[index + 1]?.folded, false]] as const) {
      if (neighbour === undefined) continue;
      // Counted only as far as the decision needs: a common pair stops the walk after a few articles.
      const pair = (term: string, atMost: number): number => this.#sequenceCount(before ? [neighbour, term] : [term, neighbour], atMost);
      const typedPairs = pair(typed, CONTEXT_PAIR_SCARCE);
      if (typedPairs >= CONTEXT_PAIR_SCARCE) continue;
      const needed = contextNeeded(typedPairs);
      for (const variant of variants) if (pair(variant, needed) >= needed) found.add(variant);
    }
    return [...found].map((term) => ({ term, kind: 'confusion', context: true }));
  }

  /** In how many articles the folded terms stand side by side, in order (up to `atMost`). */
  #sequenceCount(folded: readonly string[], atMost = Infinity): number {
    const ids = folded.map((term) => this.#index.termIds.get(term));
    return ids.every((id) => id !== undefined) ? this.#index.sequenceCount(ids, atMost) : 0;
  }

  #exactFrequency(exact: string): number {
    const id = this.#index.termIds.get(exact);
    return id === undefined ? 0 : this.#index.exactFrequency(id);
  }
}
