// Posting lists as the engine reads them, term by term, from an index built in memory (flat arrays,
// read in place) or loaded from disk (coded blocks, decoded on first use and kept in a bounded cache:
// decoding every list at load took seconds and held the whole index uncompressed).
import { BLOCK, decodeUints } from './integer-codec.ts';
import type { EncodedPostings, FlatPostings } from './posting-encoding.ts';

export interface TermPostings {
  /** Ascending document numbers. */
  docs: Uint32Array;
  /** Occurrences per document, capped at 65,535 for BM25. */
  tf: Uint16Array;
}

export interface TermPositions {
  /** Posting i's positions are positions[posStart[i], posStart[i + 1]), ascending, once load(i) has run. */
  posStart: Uint32Array;
  positions: Uint16Array | Uint32Array;
  load(posting: number): void;
}

const loaded = (): void => {};

export interface PostingReader {
  /** Tokens per document, for BM25 length normalisation. */
  readonly lengths: Uint8Array | Uint16Array | Uint32Array;
  readonly averageLength: number;
  /** In how many documents the term occurs. */
  count(term: number): number;
  /** The term's postings; call only for a term with a nonzero count. */
  postings(term: number): TermPostings;
  /** The term's positions, posting by posting; positional fields only. */
  positions(term: number): TermPositions;
}

export class FlatPostingReader implements PostingReader {
  readonly #field: FlatPostings;
  readonly lengths: Uint32Array;
  readonly averageLength: number;

  constructor(field: FlatPostings, lengths: Uint32Array, averageLength: number) {
    this.#field = field;
    this.lengths = lengths;
    this.averageLength = averageLength;
  }

  count(term: number): number {
    return this.#field.termStart[term + 1]! - this.#field.termStart[term]!;
  }

  postings(term: number): TermPostings {
    const { termStart, docs, tf } = this.#field;
    return { docs: docs.subarray(termStart[term]!, termStart[term + 1]!), tf: tf.subarray(termStart[term]!, termStart[term + 1]!) };
  }

  positions(term: number): TermPositions {
    const { termStart, posStart, positions } = this.#field;
    if (!posStart || !positions) throw new Error('this field keeps no positions');
    return { posStart: posStart.subarray(termStart[term]!, termStart[term + 1]! + 1), positions, load: loaded };
  }
}

/**
 * Decoded lists kept per field within a budget of values; past it, the least recently used half goes.
 * A use is a counter stamp, not a reordering: a query looks up the same few lists thousands of times.
 */
class DecodedCache<T> {
  readonly #entries = new Map<number, { value: T; size: number; used: number }>();
  readonly #budget: number;
  #size = 0;
  #clock = 0;

  constructor(budget: number) {
    this.#budget = budget;
  }

  get(term: number): T | undefined {
    const entry = this.#entries.get(term);
    if (!entry) return undefined;
    entry.used = ++this.#clock;
    return entry.value;
  }

  set(term: number, value: T, size: number): void {
    this.#entries.set(term, { value, size, used: ++this.#clock });
    this.#size += size;
    if (this.#size <= this.#budget) return;
    const byUse = [...this.#entries].sort((a, b) => a[1].used - b[1].used);
    for (const [oldest, entry] of byUse) {
      if (this.#size <= this.#budget / 2 || oldest === term) break;
      this.#entries.delete(oldest);
      this.#size -= entry.size;
    }
  }
}

// Values (4 bytes each) of decoded lists a field keeps: the frequent terms a reader types again and
// again. At most 56 MB for a field, less than the flat arrays the whole index took before.
const POSTINGS_CACHE_VALUES = 6_000_000;
const POSITIONS_CACHE_VALUES = 8_000_000;

interface DecodedPostings extends TermPostings {
  /** Occurrence counts (positional fields) and where the term's positions begin in the field's bytes. */
  occurrences: Uint32Array;
  positionsAt: number;
}

export class EncodedPostingReader implements PostingReader {
  readonly #encoded: EncodedPostings;
  readonly #partner: EncodedPostingReader | null;
  readonly #positional: boolean;
  readonly lengths: Uint8Array | Uint16Array | Uint32Array;
  readonly averageLength: number;
  readonly #postings: DecodedCache<DecodedPostings>;
  readonly #positions: DecodedCache<TermPositions>;

  constructor(options: {
    encoded: EncodedPostings;
    lengths: Uint8Array | Uint16Array | Uint32Array;
    averageLength: number;
    positional: boolean;
    /** The folded field whose blocks this exact field's empty blocks stand for. */
    partner: EncodedPostingReader | null;
    /** Decoded values kept for postings and for positions each (tests make it small to see eviction). */
    cacheValues?: number;
  }) {
    this.#encoded = options.encoded;
    this.#partner = options.partner;
    this.#positional = options.positional;
    this.lengths = options.lengths;
    this.averageLength = options.averageLength;
    this.#postings = new DecodedCache(options.cacheValues ?? POSTINGS_CACHE_VALUES);
    this.#positions = new DecodedCache(options.cacheValues ?? POSITIONS_CACHE_VALUES);
  }

  count(term: number): number {
    return this.#encoded.counts[term]!;
  }

  postings(term: number): TermPostings {
    return this.#decoded(term);
  }

  #decoded(term: number): DecodedPostings {
    const { data, offsets, counts } = this.#encoded;
    if (offsets[term] === offsets[term + 1] && this.#partner) return this.#partner.#decoded(term);
    const cached = this.#postings.get(term);
    if (cached) return cached;
    const n = counts[term]!;
    const docs = new Uint32Array(n);
    let at = decodeUints(data, offsets[term]!, n, docs, 0);
    for (let i = 1; i < n; i++) docs[i] = docs[i - 1]! + docs[i]! + 1;
    const occurrences = new Uint32Array(n);
    at = decodeUints(data, at, n, occurrences, 0);
    const tf = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const count = occurrences[i]! + 1;
      occurrences[i] = count;
      tf[i] = count > 0xffff ? 0xffff : count;
    }
    if (at > offsets[term + 1]!) throw new RangeError('search index posting list runs past its block');
    const decoded: DecodedPostings = { docs, tf, occurrences: this.#positional ? occurrences : new Uint32Array(0), positionsAt: at };
    this.#postings.set(term, decoded, this.#positional ? 2.5 * n : 1.5 * n);
    return decoded;
  }

  positions(term: number): TermPositions {
    if (!this.#positional) throw new Error('this field keeps no positions');
    const cached = this.#positions.get(term);
    if (cached) return cached;
    const { occurrences, positionsAt } = this.#decoded(term);
    const decoded = new LazyPositions(this.#encoded.data, positionsAt, this.#encoded.offsets[term + 1]!, occurrences);
    this.#positions.set(term, decoded, occurrences.length + decoded.positions.length);
    return decoded;
  }
}

/**
 * One term's positions, decoded a 128-value block at a time as postings are asked for: ranking by
 * adjacency reads the positions of a few hundred documents, not of the tens of thousands a common
 * syllable is in.
 */
class LazyPositions implements TermPositions {
  readonly posStart: Uint32Array;
  readonly positions: Uint32Array;
  readonly #data: Uint8Array;
  readonly #blockAt: Uint32Array;
  readonly #blockDecoded: Uint8Array;
  readonly #summed: Uint8Array;

  constructor(data: Uint8Array, at: number, end: number, occurrences: Uint32Array) {
    const n = occurrences.length;
    this.posStart = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) this.posStart[i + 1] = this.posStart[i]! + occurrences[i]!;
    const total = this.posStart[n]!;
    this.positions = new Uint32Array(total);
    this.#data = data;
    // Where each block starts: a full block's size follows from its width byte, so no value is decoded.
    const blocks = Math.ceil(total / BLOCK);
    this.#blockAt = new Uint32Array(blocks);
    let p = at;
    for (let b = 0; b < blocks; b++) {
      this.#blockAt[b] = p;
      if ((b + 1) * BLOCK <= total) p += 1 + (BLOCK / 8) * data[p]!;
      if (p > end) throw new RangeError('search index positions run past their block');
    }
    this.#blockDecoded = new Uint8Array(blocks);
    this.#summed = new Uint8Array(n);
  }

  load(posting: number): void {
    if (this.#summed[posting]) return;
    const from = this.posStart[posting]!;
    const to = this.posStart[posting + 1]!;
    const total = this.positions.length;
    for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b++) {
      if (this.#blockDecoded[b]) continue;
      decodeUints(this.#data, this.#blockAt[b]!, Math.min(BLOCK, total - b * BLOCK), this.positions, b * BLOCK);
      this.#blockDecoded[b] = 1;
    }
    // The first position is stored as it is, the others as gaps from the one before.
    for (let k = from + 1; k < to; k++) this.positions[k]! += this.positions[k - 1]!;
    this.#summed[posting] = 1;
  }
}
