/** One matching article, as the page of results needs it. */
export interface Candidate {
  id: string;
  score: number;
  date: string;
  /** How many plain query words the document matches (strictly, in strict selection: see select). */
  words: number;
  /**
   * How its query words stand together: the sum, over consecutive word pairs, of their tier
   * (proximity-ranking.ts: typed tones side by side, other tones side by side, near, scattered), plus
   * the typed-tone tier of each quoted phrase.
   */
  adjacent: number;
}

/** Ranking order: more query words, then how closely they stand (tones first), then score, then newer. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.words - a.words || b.adjacent - a.adjacent || b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
}

/** Which candidates count: an id filter (filter chips, trash, stale segment copies) or none. */
export type KeepId = ((id: string) => boolean) | null;

/**
 * Everything one index segment found for a query, in parallel flat arrays (entry i is document
 * docs[i]). A common word matches nearly every article; one object per match was most of a query's
 * garbage and its slowest percentile, so objects are made only for the page shown.
 */
export class CandidateSet {
  readonly #ids: readonly string[];
  readonly #dates: readonly string[];
  readonly #docs: Uint32Array;
  readonly #words: Uint8Array;
  readonly #strictWords: Uint8Array;
  readonly #adjacent: Uint8Array;
  readonly #scores: Float64Array;

  /**
   * `words` counts every way a query word matched; `strictWords` only the word as typed (not a prefix
   * expansion of the last word or a typo): "khoi to" must not count "khởi công ... toàn bộ".
   */
  constructor(ids: readonly string[], dates: readonly string[], docs: Uint32Array, words: Uint8Array, adjacent: Uint8Array, scores: Float64Array, strictWords: Uint8Array = words) {
    this.#ids = ids;
    this.#dates = dates;
    this.#docs = docs;
    this.#words = words;
    this.#strictWords = strictWords;
    this.#adjacent = adjacent;
    this.#scores = scores;
  }

  get length(): number {
    return this.#docs.length;
  }

  /** Whether any kept candidate matches at least `minWords` query words (strictly, if asked). */
  some(minWords: number, keep: KeepId, strict = false): boolean {
    const words = strict ? this.#strictWords : this.#words;
    for (let i = 0; i < this.#docs.length; i++) {
      if (words[i]! >= minWords && (!keep || keep(this.#ids[this.#docs[i]!]!))) return true;
    }
    return false;
  }

  /** How many kept candidates match at least `minWords` words, and the best `k` of them in ranking order. */
  select(minWords: number, keep: KeepId, k: number, strict = false): { total: number; top: Candidate[] } {
    const words = strict ? this.#strictWords : this.#words;
    const best = new Int32Array(Math.max(0, k));
    let size = 0;
    let total = 0;
    for (let i = 0; i < this.#docs.length; i++) {
      if (words[i]! < minWords || (keep && !keep(this.#ids[this.#docs[i]!]!))) continue;
      total++;
      if (k === 0 || (size === k && this.#compare(words, i, best[k - 1]!) >= 0)) continue;
      // Insertion into the short sorted page: a results page is 20 of perhaps 20,000.
      let at = Math.min(size, k - 1);
      while (at > 0 && this.#compare(words, i, best[at - 1]!) < 0) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = i;
      if (size < k) size++;
    }
    const top: Candidate[] = [];
    for (let j = 0; j < size; j++) top.push(this.#candidate(best[j]!, words));
    return { total, top };
  }

  #candidate(i: number, words: Uint8Array): Candidate {
    const doc = this.#docs[i]!;
    return { id: this.#ids[doc]!, score: this.#scores[i]!, date: this.#dates[doc]!, words: words[i]!, adjacent: this.#adjacent[i]! };
  }

  #compare(words: Uint8Array, a: number, b: number): number {
    const adjacent = this.#adjacent;
    const scores = this.#scores;
    if (words[a] !== words[b]) return words[b]! - words[a]!;
    if (adjacent[a] !== adjacent[b]) return adjacent[b]! - adjacent[a]!;
    if (scores[a] !== scores[b]) return scores[b]! - scores[a]!;
    const dateA = this.#dates[this.#docs[a]!]!;
    const dateB = this.#dates[this.#docs[b]!]!;
    return dateA < dateB ? 1 : dateA > dateB ? -1 : 0;
  }
}
