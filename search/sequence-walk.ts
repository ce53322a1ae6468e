// Documents holding terms side by side, in order: one walk along the terms' posting lists together,
// for quoted phrases, the typo model's pair counts and a last word's completions.
import { hasPair, hasRun } from './position-runs.ts';
import type { PostingReader } from './posting-readers.ts';

/**
 * Calls `found` for each document and field (bit) holding the terms in sequence, until it returns
 * false; documents `wanted` refuses are skipped before their positions are read.
 */
export function walkSequence(fields: readonly PostingReader[], terms: readonly number[], found: (doc: number, bit: number) => boolean, wanted?: (doc: number) => boolean): void {
  const at = new Uint32Array(terms.length);
  for (const [f, field] of fields.entries()) {
    const bit = 1 << f;
    if (terms.some((term) => field.count(term) === 0)) continue;
    const lists = terms.map((term) => field.postings(term).docs);
    const positions = terms.map((term) => field.positions(term));
    const cursor = terms.map(() => 0);
    // The shortest list leads; the others are searched forward by galloping, so a rare term beside
    // a syllable in every article ("dam" + a completion) reads a few hundred postings, not thousands.
    let lead = 0;
    for (let k = 1; k < lists.length; k++) if (lists[k]!.length < lists[lead]!.length) lead = k;
    const leading = lists[lead]!;
    // A list of like length is stepped through (cheaper there than galloping); both find the same place.
    const gallop = lists.map((docs) => docs.length > GALLOP_RATIO * leading.length);
    walk: for (; cursor[lead]! < leading.length; cursor[lead]!++) {
      const doc = leading[cursor[lead]!]!;
      if (wanted && !wanted(doc)) continue;
      for (let k = 0; k < lists.length; k++) {
        if (k === lead) continue;
        const docs = lists[k]!;
        let at = cursor[k]!;
        if (gallop[k]) at = gallopTo(docs, at, doc);
        else while (at < docs.length && docs[at]! < doc) at++;
        cursor[k] = at;
        if (at === docs.length) break walk;
        if (docs[at] !== doc) continue walk;
      }
      const run = lists.length === 2 ? hasPair(positions[0]!, cursor[0]!, positions[1]!, cursor[1]!) : hasRun(positions, cursor, at);
      if (run && !found(doc, bit)) return;
    }
  }
}

/**
 * How many times longer than another ascending list one must be for galloping through it (gallopTo)
 * to beat stepping through both: shared by every intersection of posting lists.
 */
export const GALLOP_RATIO = 8;

/** The first index at or after `from` whose document is ≥ `doc` (docs ascending): steps doubling, then halving. */
export function gallopTo(docs: Uint32Array, from: number, doc: number): number {
  if (from >= docs.length || docs[from]! >= doc) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < docs.length && docs[hi]! < doc) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > docs.length) hi = docs.length;
  // docs[lo] < doc, and docs[hi] ≥ doc or hi is the end.
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]! < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}
