// Where a run of terms stands side by side in one document: the check behind quoted phrases and the
// adjacency bonus of unquoted words.
import type { TermPositions } from './posting-readers.ts';

/** The index of `doc` in an ascending list of documents, or -1. */
export function postingOf(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = docs[mid]!;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Whether, within one document, some position of the first posting is followed by a position of
 * each next posting one step further each: a merge along the sorted position lists, in which every
 * read pointer (`at`, reused scratch) only moves forward. Posting j is postings[j] in terms[j]'s lists.
 */
export function hasRun(terms: readonly TermPositions[], postings: readonly number[], at: Uint32Array): boolean {
  for (let j = 1; j < postings.length; j++) at[j] = terms[j]!.posStart[postings[j]!]!;
  const { posStart: firstStart, positions: firstPositions } = terms[0]!;
  const firstEnd = firstStart[postings[0]! + 1]!;
  next: for (let i = firstStart[postings[0]!]!; i < firstEnd; i++) {
    const start = firstPositions[i]!;
    for (let j = 1; j < postings.length; j++) {
      const { posStart, positions } = terms[j]!;
      const end = posStart[postings[j]! + 1]!;
      const wanted = start + j;
      while (at[j]! < end && positions[at[j]!]! < wanted) at[j]!++;
      // No position left at or after this one: no later start can be followed either.
      if (at[j] === end) return false;
      if (positions[at[j]!] !== wanted) continue next;
    }
    return true;
  }
  return false;
}
