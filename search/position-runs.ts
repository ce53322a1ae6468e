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
