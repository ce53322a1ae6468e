// How one field's posting lists are laid out in bytes. Term t's block is bytes[offsets[t], offsets[t + 1]):
// its document ids (the first as it is, then gaps minus one), its occurrence counts minus one, and, in
// positional fields, every posting's positions (the first as it is, then gaps), each run coded by
// integer-codec. An exact field's term whose postings equal those of the same term in its folded
// partner (a syllable without marks: "tin" written only as "tin", numbers) has an empty block and a
// nonzero document count: its postings are read from the partner's block.
import { ByteWriter, decodeUints, encodeUints } from './integer-codec.ts';

/** One field's postings in build order (CSR): term t's postings are [termStart[t], termStart[t + 1]). */
export interface FlatPostings {
  termStart: Uint32Array;
  docs: Uint32Array;
  /**
   * Occurrences in the document, capped at 65,535: beyond that BM25 no longer tells them apart. The
   * true count is posStart[p + 1] − posStart[p] in positional fields.
   */
  tf: Uint16Array;
  posStart: Uint32Array | null;
  positions: Uint16Array | Uint32Array | null;
}

export interface EncodedPostings {
  data: Uint8Array;
  offsets: Uint32Array;
  /** Documents per term: for BM25's idf and the typo guard, without decoding anything. */
  counts: Uint32Array;
}

function occurrences(field: FlatPostings, p: number): number {
  return field.posStart ? field.posStart[p + 1]! - field.posStart[p]! : field.tf[p]!;
}

/** Whether term t has the same documents and counts in both fields. */
function samePostings(field: FlatPostings, partner: FlatPostings, t: number): boolean {
  const from = field.termStart[t]!;
  const to = field.termStart[t + 1]!;
  const partnerFrom = partner.termStart[t]!;
  if (partner.termStart[t + 1]! - partnerFrom !== to - from) return false;
  for (let i = 0; i < to - from; i++) {
    if (field.docs[from + i] !== partner.docs[partnerFrom + i]) return false;
    if (occurrences(field, from + i) !== occurrences(partner, partnerFrom + i)) return false;
  }
  return true;
}

/**
 * Encodes a field. A non-positional field's counts are its capped tf, as they were stored before;
 * a positional field's are the true occurrence counts, which its positions need.
 */
export function encodePostings(field: FlatPostings, partner: FlatPostings | null = null): EncodedPostings {
  const vocabulary = field.termStart.length - 1;
  const out = new ByteWriter();
  const offsets = new Uint32Array(vocabulary + 1);
  const counts = new Uint32Array(vocabulary);
  let scratch = new Uint32Array(1024);
  const room = (size: number): Uint32Array => (scratch.length >= size ? scratch : (scratch = new Uint32Array(size * 2)));
  for (let t = 0; t < vocabulary; t++) {
    offsets[t] = out.length;
    const from = field.termStart[t]!;
    const to = field.termStart[t + 1]!;
    const n = to - from;
    counts[t] = n;
    if (n === 0 || (partner && samePostings(field, partner, t))) continue;
    const values = room(n);
    for (let i = 0; i < n; i++) values[i] = i === 0 ? field.docs[from]! : field.docs[from + i]! - field.docs[from + i - 1]! - 1;
    encodeUints(values, 0, n, out);
    for (let i = 0; i < n; i++) values[i] = occurrences(field, from + i) - 1;
    encodeUints(values, 0, n, out);
    if (field.posStart && field.positions) {
      const { posStart, positions } = field;
      const total = posStart[to]! - posStart[from]!;
      const gaps = room(total);
      let k = 0;
      for (let p = from; p < to; p++) {
        for (let i = posStart[p]!; i < posStart[p + 1]!; i++) gaps[k++] = i === posStart[p] ? positions[i]! : positions[i]! - positions[i - 1]!;
      }
      encodeUints(gaps, 0, total, out);
    }
  }
  if (out.length > 0xffffffff) throw new RangeError('a search index field is over 4 GB');
  offsets[vocabulary] = out.length;
  return { data: out.toArray(), offsets, counts };
}

/**
 * The inverse of encodePostings: a field's every list as flat arrays again, for a posting-level merge
 * (segment-merge.ts) rather than a query. A shared exact list is copied out of its partner's, decoded
 * first. Positions come back 16-bit when every one fits, as a build stores them.
 */
export function decodePostings(encoded: EncodedPostings, options: { positional: boolean; documents: number; partner: FlatPostings | null }): FlatPostings {
  const { data, offsets, counts } = encoded;
  const { positional, documents, partner } = options;
  const vocabulary = counts.length;
  const termStart = new Uint32Array(vocabulary + 1);
  for (let t = 0; t < vocabulary; t++) termStart[t + 1] = termStart[t]! + counts[t]!;
  const total = termStart[vocabulary]!;
  const docs = new Uint32Array(total);
  const tf = new Uint16Array(total);
  // Positional fields keep every posting's true count, which says where its positions begin.
  const occurrenceCounts = positional ? new Uint32Array(total) : null;
  const positionsAt = positional ? new Uint32Array(vocabulary) : null;
  let scratch = new Uint32Array(1024);
  for (let t = 0; t < vocabulary; t++) {
    const from = termStart[t]!;
    const n = counts[t]!;
    if (n === 0) continue;
    let values: Uint32Array;
    if (offsets[t] === offsets[t + 1]) {
      if (!partner || positional || partner.termStart[t + 1]! - partner.termStart[t]! !== n) throw new RangeError('search index shares a posting list it cannot');
      const partnerFrom = partner.termStart[t]!;
      docs.set(partner.docs.subarray(partnerFrom, partnerFrom + n), from);
      values = scratch.length >= n ? scratch : (scratch = new Uint32Array(n * 2));
      for (let i = 0; i < n; i++) values[i] = occurrences(partner, partnerFrom + i);
    } else {
      let at = decodeUints(data, offsets[t]!, n, docs, from);
      for (let i = from + 1; i < from + n; i++) docs[i] = docs[i - 1]! + docs[i]! + 1;
      values = occurrenceCounts ?? (scratch.length >= n ? scratch : (scratch = new Uint32Array(n * 2)));
      const valuesAt = occurrenceCounts ? from : 0;
      at = decodeUints(data, at, n, values, valuesAt);
      for (let i = valuesAt; i < valuesAt + n; i++) values[i]!++;
      if (positionsAt) positionsAt[t] = at;
      else if (at !== offsets[t + 1]) throw new RangeError('search index posting list does not fill its block');
      if (occurrenceCounts) values = occurrenceCounts.subarray(from, from + n);
    }
    if (docs[from + n - 1]! >= documents || (n > 1 && docs[from + n - 1]! < docs[from]!)) throw new RangeError('search index posting list names no document');
    for (let i = 0; i < n; i++) tf[from + i] = Math.min(values[i]!, 0xffff);
  }
  if (!occurrenceCounts || !positionsAt) return { termStart, docs, tf, posStart: null, positions: null };

  const posStart = new Uint32Array(total + 1);
  for (let p = 0; p < total; p++) posStart[p + 1] = posStart[p]! + occurrenceCounts[p]!;
  const wide = new Uint32Array(posStart[total]!);
  let largest = 0;
  for (let t = 0; t < vocabulary; t++) {
    const first = posStart[termStart[t]!]!;
    const last = posStart[termStart[t + 1]!]!;
    if (first === last) continue;
    if (decodeUints(data, positionsAt[t]!, last - first, wide, first) !== offsets[t + 1]) throw new RangeError('search index positions do not fill their block');
    // The first position of a posting is stored as it is, the others as gaps from the one before.
    for (let p = termStart[t]!; p < termStart[t + 1]!; p++) {
      for (let k = posStart[p]! + 1; k < posStart[p + 1]!; k++) wide[k]! += wide[k - 1]!;
      if (posStart[p + 1]! > posStart[p]!) largest = Math.max(largest, wide[posStart[p + 1]! - 1]!);
    }
  }
  return { termStart, docs, tf, posStart, positions: largest <= 0xffff ? Uint16Array.from(wide) : wide };
}
