// Where a run of terms stands side by side in one document: the check behind quoted phrases and the
// adjacency bonus of unquoted words.
import type { PostingReader, TermPositions } from './posting-readers.ts';

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
  for (let j = 0; j < postings.length; j++) terms[j]!.load(postings[j]!);
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

/**
 * hasRun for two terms (postings i and j): whether some position of the first is followed right
 * away by one of the second. Pairs are most runs asked about (a last word's completions, the typo
 * model's pair counts), and this merge keeps everything in locals.
 */
export function hasPair(first: TermPositions, i: number, second: TermPositions, j: number): boolean {
  first.load(i);
  second.load(j);
  const a = first.positions;
  const b = second.positions;
  const aEnd = first.posStart[i + 1]!;
  const bEnd = second.posStart[j + 1]!;
  let k = second.posStart[j]!;
  for (let m = first.posStart[i]!; m < aEnd; m++) {
    const wanted = a[m]! + 1;
    while (k < bEnd && b[k]! < wanted) k++;
    if (k === bEnd) return false;
    if (b[k] === wanted) return true;
  }
  return false;
}

/**
 * A run of terms in one positional field, asked about document after document: each term's list is
 * looked up once, and its positions only when some document holds every term.
 */
export class TermRun {
  readonly #field: PostingReader;
  readonly #terms: readonly number[];
  readonly #docs: Uint32Array[];
  #positions: TermPositions[] | null = null;
  readonly #postings: number[];
  readonly #at: Uint32Array;

  private constructor(field: PostingReader, terms: readonly number[]) {
    this.#field = field;
    this.#terms = terms;
    this.#docs = terms.map((term) => field.postings(term).docs);
    this.#postings = terms.map(() => 0);
    this.#at = new Uint32Array(terms.length);
  }

  /** Null when a term is in no document of the field. */
  static of(field: PostingReader, terms: readonly number[]): TermRun | null {
    return terms.every((term) => field.count(term) > 0) ? new TermRun(field, terms) : null;
  }

  /** Whether the terms stand side by side, in order, in the document. */
  has(doc: number): boolean {
    for (let k = 0; k < this.#docs.length; k++) {
      const posting = postingOf(this.#docs[k]!, doc);
      if (posting < 0) return false;
      this.#postings[k] = posting;
    }
    this.#positions ??= this.#terms.map((term) => this.#field.positions(term));
    return hasRun(this.#positions, this.#postings, this.#at);
  }
}

/** How two terms stand in one document's field, as flags (see pairFlags). */
export const PAIR_ADJACENT = 1;
/** Every side-by-side occurrence sits inside the reversed pair ("học sinh học" for "sinh học"). */
export const PAIR_STRADDLED = 2;
/** Within NEAR_WINDOW positions of each other, either order: a sentence gap (vn-forms) is wider. */
export const PAIR_NEAR = 4;
/** The second term stands right before the first somewhere: the reversed pair, for its frequency. */
export const PAIR_REVERSED = 8;
export const NEAR_WINDOW = 6;

/**
 * One merge along the two position lists of one document: whether b follows a (cleanly, or only
 * where the reversed pair "b a" or "a b" ... "a" surrounds it), whether they are near, and whether b
 * comes right before a. Both lists are ascending.
 */
export function pairFlags(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): number {
  return pairFlagsAndCount(a, aFrom, aTo, b, bFrom, bTo) & 0xf;
}

/**
 * pairFlags in the low four bits and, above them (`>> 4`), how many times b stands right after a
 * (adjacentCount, at most 65,535): the adjacency walk of every query pair needs both, and the count
 * comes out of the same merge instead of a second one.
 */
export function pairFlagsAndCount(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): number {
  let flags = 0;
  let clean = false;
  let straddled = false;
  let count = 0;
  let j = bFrom;
  let k = aFrom;
  let i = aFrom;
  for (; i < aTo; i++) {
    const p = a[i]!;
    // b positions below p - NEAR_WINDOW can no longer matter for this or any later p.
    while (j < bTo && b[j]! < p - NEAR_WINDOW) j++;
    let reversedLeft = false;
    for (let m = j; m < bTo; m++) {
      const q = b[m]!;
      if (q > p + NEAR_WINDOW) break;
      flags |= PAIR_NEAR;
      if (q === p - 1) {
        flags |= PAIR_REVERSED;
        reversedLeft = true;
      } else if (q === p + 1) {
        count++;
        // "a b a": a again right after b.
        while (k < aTo && a[k]! < p + 2) k++;
        const reversedRight = k < aTo && a[k] === p + 2;
        if (reversedLeft || reversedRight) straddled = true;
        else clean = true;
      }
    }
    // Clean and reversed, every flag is known (near too): the rest is only counted, by a plain merge.
    if (clean && flags & PAIR_REVERSED) {
      i++;
      break;
    }
  }
  for (; i < aTo; i++) {
    const wanted = a[i]! + 1;
    while (j < bTo && b[j]! < wanted) j++;
    if (j === bTo) break;
    if (b[j] === wanted) count++;
  }
  if (clean) flags |= PAIR_ADJACENT;
  else if (straddled) flags |= PAIR_ADJACENT | PAIR_STRADDLED;
  return flags | (Math.min(count, 0xffff) << 4);
}

/** How many times b stands right after a in one document (both position lists ascending). */
export function adjacentCount(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): number {
  let count = 0;
  let j = bFrom;
  for (let i = aFrom; i < aTo; i++) {
    const wanted = a[i]! + 1;
    while (j < bTo && b[j]! < wanted) j++;
    if (j === bTo) break;
    if (b[j] === wanted) count++;
  }
  return count;
}
