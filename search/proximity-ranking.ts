// How closely a document holds the query's words, scored for every candidate (not only the best few
// by BM25): each consecutive pair of query words earns a tier, and the tiers are summed.
//   4  side by side with the typed tones (a pair with at least one marked word), or, for an unmarked
//      pair, with the marks the library writes it with in most (RESTORED_TIER_SHARE) of its documents;
//   3  side by side with other tones (an unmarked pair otherwise treats all tones alike);
//   2  near each other (within NEAR_WINDOW syllables, which a sentence gap does not bridge);
//   1  side by side only inside a stronger reversed pair ("học sinh | học" for "sinh học");
//   0  scattered.
// Where no form is written in most documents, the most frequent one only boosts the score, by its share
// of the votes: a library's statistics can be skewed or split (software manuals' "bản hành", "bắt đầu
// từ"), and a weak majority should not outrank BM25 altogether.
import { hasExact, restoreAccents, type ExactForms, type RestoredPair } from './accent-restoration.ts';
import type { SearchableIndex } from './compact-index.ts';
import { PAIR_ADJACENT, PAIR_NEAR, PAIR_REVERSED, PAIR_STRADDLED, pairFlagsAndCount } from './position-runs.ts';
import type { QueryWord } from './query-parser.ts';
import { GALLOP_RATIO, gallopTo } from './sequence-walk.ts';

export const TIER_EXACT = 4;
export const TIER_ADJACENT = 3;
export const TIER_NEAR = 2;
export const TIER_STRADDLED = 1;
/**
 * The restored marks rank like typed ones when they have this share of the votes (accent-restoration.ts),
 * or this many times the runner-up's: votes spread over many forms (long articles holding đầu, đấu,
 * từ, tư, tự…) leave a clear favourite with well under half.
 */
export const RESTORED_TIER_SHARE = 0.6;
export const RESTORED_TIER_LEAD = 2;

const FIELDS = [
  { folded: 'titleFolded', exact: 'title', shift: 0 },
  { folded: 'bodyFolded', exact: 'body', shift: 4 },
] as const;

/** Two folded terms walked along their posting lists in the title and the body together. */
export interface PairWalk {
  /** Per document: the title's flags in the low four bits, the body's in the high four. */
  flags: Uint8Array;
  /** Documents where the pair stands side by side, ascending. */
  adjacentDocs: Uint32Array;
  /** Per document, how many times the pair stands side by side in the title and in the body. */
  titleCount: Uint16Array;
  bodyCount: Uint16Array;
  /** In how many documents the pair stands side by side, and reversed. */
  forward: number;
  reversed: number;
  /**
   * The documents whose body holds both terms, anywhere, ascending: accent restoration's chance
   * level is sampled from those where they do not stand together, and the walk has just merged them.
   */
  bodyBoth: Uint32Array;
}

/** One walk along both posting lists per positional field: positions are read only where both terms are. */
export function walkPair(index: SearchableIndex, a: number, b: number): PairWalk {
  const flags = new Uint8Array(index.ids.length);
  const counts = [new Uint16Array(index.ids.length), new Uint16Array(index.ids.length)];
  // The documents holding both terms, so that counting reads those, not every document.
  const both: number[] = [];
  const bodyBoth: number[] = [];
  for (const [f, { folded, shift }] of FIELDS.entries()) {
    const field = index.fields[folded];
    const count = counts[f]!;
    if (field.count(a) === 0 || field.count(b) === 0) continue;
    const docsA = field.postings(a).docs;
    const docsB = field.postings(b).docs;
    const posA = field.positions(a);
    const posB = field.positions(b);
    // The shorter list leads. A much longer one is searched forward by galloping (a rare syllable
    // beside one in nearly every article reads a few hundred postings, not twenty thousand); one of
    // like length is merged step by step, which is cheaper there.
    const aLeads = docsA.length <= docsB.length;
    const leading = aLeads ? docsA : docsB;
    const other = aLeads ? docsB : docsA;
    const gallop = other.length > GALLOP_RATIO * leading.length;
    let o = 0;
    for (let l = 0; l < leading.length; l++) {
      const doc = leading[l]!;
      if (gallop) o = gallopTo(other, o, doc);
      else while (o < other.length && other[o]! < doc) o++;
      if (o === other.length) break;
      if (other[o] !== doc) continue;
      if (f === 1) bodyBoth.push(doc);
      const i = aLeads ? l : o;
      const j = aLeads ? o : l;
      posA.load(i);
      posB.load(j);
      const flagsAndCount = pairFlagsAndCount(posA.positions, posA.posStart[i]!, posA.posStart[i + 1]!, posB.positions, posB.posStart[j]!, posB.posStart[j + 1]!);
      const found = flagsAndCount & 0xf;
      if (found && !flags[doc]) both.push(doc);
      flags[doc]! |= found << shift;
      if (found & PAIR_ADJACENT) count[doc] = flagsAndCount >>> 4;
    }
  }
  let forward = 0;
  let reversed = 0;
  const adjacent: number[] = [];
  for (const d of both) {
    const f = flags[d]! | (flags[d]! >> 4);
    if (f & PAIR_ADJACENT) {
      forward++;
      adjacent.push(d);
    }
    if (f & PAIR_REVERSED) reversed++;
  }
  return { flags, adjacentDocs: Uint32Array.from(adjacent).sort(), titleCount: counts[0]!, bodyCount: counts[1]!, forward, reversed, bodyBoth: Uint32Array.from(bodyBoth) };
}

/**
 * The walks and restorations of the last few pairs asked about, per index segment (segments never
 * change). Typing "thu tuong ha" re-ranks at every key, and each keystroke walked "thu tuong" again.
 */
export class PairCache {
  readonly #walks = new Map<string, PairWalk>();
  readonly #restored = new Map<string, RestoredPair | null>();
  readonly #size: number;

  constructor(size = 12) {
    this.#size = size;
  }

  walk(index: SearchableIndex, a: number, b: number): PairWalk {
    return this.#remember(this.#walks, `${a} ${b}`, () => walkPair(index, a, b));
  }

  restored(index: SearchableIndex, forms: ExactForms, a: number, b: number, walk: PairWalk): RestoredPair | null {
    return this.#remember(this.#restored, `${a} ${b}`, () => restoreAccents(index, forms, a, b, walk.adjacentDocs, walk.bodyBoth));
  }

  #remember<T>(map: Map<string, T>, key: string, make: () => T): T {
    if (map.has(key)) {
      const value = map.get(key)!;
      // Most recently used last, so the first key is the one to drop.
      map.delete(key);
      map.set(key, value);
      return value;
    }
    const value = make();
    map.set(key, value);
    if (map.size > this.#size) map.delete(map.keys().next().value!);
    return value;
  }
}

/** One consecutive pair of query words, ready to grade documents. */
export class QueryPair {
  readonly #index: SearchableIndex;
  readonly #walk: PairWalk;
  /** The idf of the pair standing side by side, as if it were one term (occurrenceScore). */
  readonly #idf: number;
  /** The exact term each word must have for the top tier: typed, restored, or null for any form. */
  readonly #exactA: number | null | undefined;
  readonly #exactB: number | null | undefined;
  readonly #reversedStronger: boolean;
  readonly #restored: RestoredPair | null = null;
  /** Extra documents where the pair stands side by side (the last word's prefix expansions). */
  readonly #alsoAdjacent: Uint8Array | null;

  constructor(index: SearchableIndex, forms: ExactForms, a: QueryWord, b: QueryWord, alsoAdjacent: Uint8Array | null = null, cache: PairCache = new PairCache(0)) {
    this.#index = index;
    const idA = index.termIds.get(a.folded);
    const idB = index.termIds.get(b.folded);
    this.#walk = idA === undefined || idB === undefined ? { flags: new Uint8Array(index.ids.length), adjacentDocs: new Uint32Array(0), titleCount: new Uint16Array(index.ids.length), bodyCount: new Uint16Array(index.ids.length), forward: 0, reversed: 0, bodyBoth: new Uint32Array(0) } : cache.walk(index, idA, idB);
    // "học sinh" is far more often written than "sinh học" in most libraries: where "sinh học" only
    // stands inside "học sinh học", it is the reversed word that is there, not the query's. Both
    // pairs share their syllables' frequencies, so comparing their counts compares their PMI.
    const n = index.ids.length;
    this.#idf = Math.log(1 + (n - this.#walk.forward + 0.5) / (this.#walk.forward + 0.5));
    this.#reversedStronger = this.#walk.reversed > this.#walk.forward && a.folded !== b.folded;
    this.#alsoAdjacent = alsoAdjacent;
    if (a.accented || b.accented) {
      // A typed form absent from the library can never be matched exactly (undefined).
      this.#exactA = a.accented ? index.termIds.get(a.exact) : null;
      this.#exactB = b.accented ? index.termIds.get(b.exact) : null;
      if (this.#exactA === null && this.#exactB === null) this.#exactA = undefined;
    } else {
      const restored = idA !== undefined && idB !== undefined ? cache.restored(index, forms, idA, idB, this.#walk) : null;
      const dominant = restored !== null && (restored.share >= RESTORED_TIER_SHARE || restored.lead >= RESTORED_TIER_LEAD);
      this.#exactA = dominant ? restored.a : undefined;
      this.#exactB = dominant ? restored.b : undefined;
      this.#restored = dominant ? null : restored;
    }
  }

  /** What an unmarked pair's score is multiplied by in the document: 1 + the restored pair's share where it stands. */
  boost(doc: number): number {
    const restored = this.#restored;
    if (!restored) return 1;
    const all = this.#walk.flags[doc]!;
    for (const { exact, shift } of FIELDS) {
      if (((all >> shift) & PAIR_ADJACENT) === 0) continue;
      if (hasExact(this.#index, exact, restored.a, doc) && hasExact(this.#index, exact, restored.b, doc)) return 1 + restored.share;
    }
    return 1;
  }

  /**
   * BM25 of the pair itself, as if the two syllables side by side were one term (a word): how often
   * the document writes them together, weighed by how rare that is in the library and normalised by
   * the field's length. Scores of common syllables say little about which of two documents is about
   * "đầu tư"; the one writing it three times in 120 syllables is, not the one where "đầu" and "từ"
   * meet once in 700 (the sequential dependence model of Metzler and Croft, with BM25 for each part).
   * `norms` are each field's K1 · (1 − B + B · length / average), as for single terms.
   */
  occurrenceScore(doc: number, titleNorm: Float32Array, bodyNorm: Float32Array, weights: { title: number; body: number; k1: number }): number {
    const walk = this.#walk;
    const t = walk.titleCount[doc]!;
    const b = walk.bodyCount[doc]!;
    if (t === 0 && b === 0) return 0;
    const k1 = weights.k1 + 1;
    const title = t === 0 ? 0 : (weights.title * t * k1) / (t + titleNorm[doc]!);
    const body = b === 0 ? 0 : (weights.body * b * k1) / (b + bodyNorm[doc]!);
    return this.#idf * (title + body);
  }

  /** Whether the pair stands near or side by side in the document at all: if not, its tier is 0, its boost 1 and its occurrence score 0. */
  touches(doc: number): boolean {
    return this.#walk.flags[doc] !== 0 || this.#alsoAdjacent?.[doc] === 1;
  }

  tier(doc: number): number {
    const all = this.#walk.flags[doc]!;
    let best = 0;
    for (const { exact, shift } of FIELDS) {
      const f = (all >> shift) & 0xf;
      if (f & PAIR_ADJACENT) {
        if (f & PAIR_STRADDLED && this.#reversedStronger) best = Math.max(best, TIER_STRADDLED);
        else if (this.#exactHere(exact, doc)) return TIER_EXACT;
        else best = Math.max(best, TIER_ADJACENT);
      }
      if (f & PAIR_NEAR && best < TIER_NEAR && !(f & PAIR_STRADDLED && this.#reversedStronger)) best = TIER_NEAR;
    }
    if (best < TIER_ADJACENT && this.#alsoAdjacent?.[doc]) best = TIER_ADJACENT;
    return best;
  }

  #exactHere(field: 'title' | 'body', doc: number): boolean {
    const a = this.#exactA;
    const b = this.#exactB;
    if (a === undefined || b === undefined) return false;
    return (a === null || hasExact(this.#index, field, a, doc)) && (b === null || hasExact(this.#index, field, b, doc));
  }
}
