// The inverted index. lunr's own index keeps one object per posting and could not hold 20,000
// 600-syllable articles in under a gigabyte or load them in seconds. Built in memory, it is flat typed
// arrays (six bytes a posting, two or four a position); on disk, each term's postings are coded
// blocks (posting-encoding.ts), under a third of that, decoded term by term when a query needs them.
import type { SearchDocument } from './search-document.ts';
import { GrowableUint32 } from './growable-array.ts';
import { TermGrouping } from './term-grouping.ts';
import { FIELD_NAMES, FIELDS, toIndexedDocument, type FieldName } from './index-fields.ts';
import { ByteWriter, decodeUints, encodeUints } from './integer-codec.ts';
import { decodePostings, encodePostings, type EncodedPostings, type FlatPostings } from './posting-encoding.ts';
import { EncodedPostingReader, FlatPostingReader, type PostingReader } from './posting-readers.ts';

/** 5: positions with sentence gaps, compound parts at successive positions, number, i/y and abbreviation terms. 4: coded posting blocks, exact fields sharing their folded partner's equal lists. 3 was flat arrays. */
export const COMPACT_FORMAT = 5;

/** The folded field whose posting list an exact field's term reuses when the two are equal. */
const FOLDED_PARTNER: Partial<Record<FieldName, FieldName>> = { title: 'titleFolded', body: 'bodyFolded' };

/** One field's postings as built, CSR-style (see FlatPostings), with what BM25 needs besides. */
export interface FieldPostings extends FlatPostings {
  /** Tokens per document, for BM25 length normalisation. */
  lengths: Uint32Array;
  averageLength: number;
  /** Positional fields: posting p's positions are positions[posStart[p], posStart[p + 1]). */
  posStart: Uint32Array | null;
  /** 16-bit when every position in the field fits: half the bytes to read at start for usual articles. */
  positions: Uint16Array | Uint32Array | null;
}

export interface CompactIndex {
  terms: string[];
  termIds: Map<string, number>;
  /** Term ids in string order, for prefix ranges. */
  sortedTerms: Uint32Array;
  ids: string[];
  dates: string[];
  fields: Record<FieldName, FieldPostings>;
}

/** A term's id by its text: a Map for a built index, a search of the sorted vocabulary for a loaded one. */
export interface TermLookup {
  get(term: string): number | undefined;
  has(term: string): boolean;
}

/** What the engine searches: an index built in memory or loaded from its bytes, read the same way. */
export interface SearchableIndex {
  terms: string[];
  termIds: TermLookup;
  sortedTerms: Uint32Array;
  ids: string[];
  dates: string[];
  fields: Record<FieldName, PostingReader>;
}

/** The position in `sortedTerms` of the first term at or after `text` in string order (a prefix range starts there). */
export function firstSortedAtOrAfter(index: Pick<SearchableIndex, 'terms' | 'sortedTerms'>, text: string): number {
  const { terms, sortedTerms } = index;
  let lo = 0;
  let hi = sortedTerms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[sortedTerms[mid]!]! < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function searchable(index: CompactIndex): SearchableIndex {
  const fields = Object.fromEntries(
    FIELD_NAMES.map((name): [FieldName, PostingReader] => {
      const field = index.fields[name];
      return [name, new FlatPostingReader(field, field.lengths, field.averageLength)];
    }),
  ) as Record<FieldName, PostingReader>;
  return { ...index, fields };
}

interface FieldBuffers {
  term: GrowableUint32;
  doc: GrowableUint32;
  tf: GrowableUint32;
  posCount: GrowableUint32;
  positions: GrowableUint32 | null;
  lengths: GrowableUint32;
}

export function buildCompactIndex(documents: Iterable<SearchDocument>): CompactIndex {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      termIds.set(term, id);
    }
    return id;
  };
  const buffers = Object.fromEntries(
    FIELD_NAMES.map((name) => [
      name,
      {
        term: new GrowableUint32(),
        doc: new GrowableUint32(),
        tf: new GrowableUint32(),
        posCount: new GrowableUint32(),
        positions: FIELDS[name].positional ? new GrowableUint32() : null,
        lengths: new GrowableUint32(),
      },
    ]),
  ) as Record<FieldName, FieldBuffers>;
  const ids: string[] = [];
  const dates: string[] = [];

  const grouping = new TermGrouping();
  for (const source of documents) {
    const doc = toIndexedDocument(source);
    const docIndex = ids.length;
    ids.push(doc.id);
    dates.push(doc.date);
    for (const name of FIELD_NAMES) {
      const { terms: fieldTerms, positions } = doc.fields[name];
      const out = buffers[name];
      out.lengths.push(fieldTerms.length);
      // This document's occurrences by term, in order of first occurrence, positions in text order.
      for (let i = 0; i < fieldTerms.length; i++) grouping.add(idOf(fieldTerms[i]!), positions[i]!);
      const outPositions = out.positions;
      grouping.flush(outPositions !== null, (term, count, grouped, from) => {
        out.term.push(term);
        out.doc.push(docIndex);
        out.tf.push(count);
        out.posCount.push(count);
        if (outPositions) for (let k = from; k < from + count; k++) outPositions.push(grouped[k]!);
      });
    }
  }

  const fields = Object.fromEntries(FIELD_NAMES.map((name) => [name, toPostings(buffers[name], terms.length, ids.length)])) as Record<FieldName, FieldPostings>;
  const sortedTerms = Uint32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  return { terms, termIds, sortedTerms, ids, dates, fields };
}

/** A stable counting sort of the (term, doc) pairs by term: each term's postings stay in document order. */
function toPostings(buffers: FieldBuffers, vocabulary: number, documents: number): FieldPostings {
  const count = buffers.term.length;
  const termStart = new Uint32Array(vocabulary + 1);
  for (let i = 0; i < count; i++) termStart[buffers.term.get(i) + 1]!++;
  for (let t = 0; t < vocabulary; t++) termStart[t + 1]! += termStart[t]!;
  const cursor = termStart.slice(0, vocabulary);
  const docs = new Uint32Array(count);
  const tf = new Uint16Array(count);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const slot = cursor[buffers.term.get(i)]!++;
    docs[slot] = buffers.doc.get(i);
    tf[slot] = Math.min(buffers.tf.get(i), 0xffff);
    order[slot] = i;
  }
  const lengths = buffers.lengths.toArray();
  let total = 0;
  for (const length of lengths) total += length;
  let posStart: Uint32Array | null = null;
  let positions: Uint16Array | Uint32Array | null = null;
  if (buffers.positions) {
    // Where each posting's positions begin in the build order, then copied into term order.
    const sourceStart = new Uint32Array(count + 1);
    for (let i = 0; i < count; i++) sourceStart[i + 1] = sourceStart[i]! + buffers.posCount.get(i);
    posStart = new Uint32Array(count + 1);
    let largest = 0;
    for (let k = 0; k < buffers.positions.length; k++) largest = Math.max(largest, buffers.positions.get(k));
    positions = largest <= 0xffff ? new Uint16Array(sourceStart[count]!) : new Uint32Array(sourceStart[count]!);
    let written = 0;
    for (let slot = 0; slot < count; slot++) {
      posStart[slot] = written;
      const from = order[slot]!;
      for (let k = sourceStart[from]!; k < sourceStart[from + 1]!; k++) positions[written++] = buffers.positions.get(k);
    }
    posStart[count] = written;
  }
  return { termStart, docs, tf, lengths, averageLength: documents ? total / documents : 0, posStart, positions };
}

// --- Serialization: a JSON header, then sections of bytes, each 8-byte aligned ---
//
// Per field: its coded posting blocks, each term's block size and document count (coded, read at
// load: the vocabulary is thousands of terms, the postings millions), and its document lengths in
// the narrowest integer width that holds them.

interface Section {
  name: string;
  offset: number;
  /** In elements of `width` bytes. */
  length: number;
  width: 1 | 2 | 4;
}

interface Header {
  format: number;
  averageLengths: Record<string, number>;
  /** Per field, its terms' numbers of postings and of bytes, decoded at load. */
  vocabulary: number;
  partners: Partial<Record<FieldName, FieldName>>;
  sections: Section[];
}

type Packed = Uint8Array | Uint16Array | Uint32Array;

const SEPARATOR = '\u0000';

function narrowest(values: Uint32Array): Packed {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, value);
  return largest <= 0xff ? Uint8Array.from(values) : largest <= 0xffff ? Uint16Array.from(values) : values;
}

function coded(values: Uint32Array): Uint8Array {
  const out = new ByteWriter();
  encodeUints(values, 0, values.length, out);
  return out.toArray();
}

export function serializeCompactIndex(index: CompactIndex): Uint8Array {
  const encoder = new TextEncoder();
  const arrays: [string, Packed][] = [
    ['terms', encoder.encode(index.terms.join(SEPARATOR))],
    ['ids', encoder.encode(index.ids.join(SEPARATOR))],
    ['dates', encoder.encode(index.dates.join(SEPARATOR))],
    ['sortedTerms', coded(index.sortedTerms)],
  ];
  for (const name of FIELD_NAMES) {
    const field = index.fields[name];
    const partner = FOLDED_PARTNER[name];
    const encoded: EncodedPostings = encodePostings(field, partner ? index.fields[partner] : null);
    const sizes = new Uint32Array(encoded.counts.length);
    for (let t = 0; t < sizes.length; t++) sizes[t] = encoded.offsets[t + 1]! - encoded.offsets[t]!;
    arrays.push([`${name}.data`, encoded.data], [`${name}.counts`, coded(encoded.counts)], [`${name}.sizes`, coded(sizes)], [`${name}.lengths`, narrowest(field.lengths)]);
  }
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    sections.push({ name, offset, length: array.length, width: array.BYTES_PER_ELEMENT as Section['width'] });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const header: Header = {
    format: COMPACT_FORMAT,
    averageLengths: Object.fromEntries(FIELD_NAMES.map((name) => [name, index.fields[name].averageLength])),
    vocabulary: index.terms.length,
    partners: FOLDED_PARTNER,
    sections,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const dataStart = Math.ceil((4 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(dataStart + offset);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  arrays.forEach(([, array], i) => out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + sections[i]!.offset));
  return out;
}

/** A serialized index read up to its coded posting blocks, which stay bytes. */
interface StoredIndex {
  terms: string[];
  ids: string[];
  dates: string[];
  sortedTerms: Uint32Array;
  fields: Record<FieldName, { encoded: EncodedPostings; lengths: Packed; averageLength: number; partner: FieldName | undefined }>;
}

function readStoredIndex(input: Uint8Array): StoredIndex {
  // Typed-array views need aligned offsets; a pooled Buffer may start anywhere.
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
  if (header.format !== COMPACT_FORMAT) throw new Error(`search index format ${header.format} is not ${COMPACT_FORMAT}`);
  const dataStart = Math.ceil((4 + headerLength) / 8) * 8;
  const sections = new Map(header.sections.map((section) => [section.name, section]));
  const section = (name: string): Section => {
    const found = sections.get(name);
    if (!found) throw new Error(`search index has no ${name}`);
    if (dataStart + found.offset + found.length * found.width > bytes.byteLength) throw new Error('search index is truncated');
    return found;
  };
  const packed = (name: string): Packed => {
    const { offset, length, width } = section(name);
    const at = bytes.byteOffset + dataStart + offset;
    if (width === 1) return new Uint8Array(bytes.buffer, at, length);
    if (width === 2) return new Uint16Array(bytes.buffer, at, length);
    return new Uint32Array(bytes.buffer, at, length);
  };
  const byteSection = (name: string): Uint8Array => {
    const found = packed(name);
    if (!(found instanceof Uint8Array)) throw new Error(`search index section ${name} is not bytes`);
    return found;
  };
  const decoded = (name: string, count: number): Uint32Array => {
    const values = new Uint32Array(count);
    const source = byteSection(name);
    if (decodeUints(source, 0, count, values, 0) !== source.length) throw new Error(`search index section ${name} is inconsistent`);
    return values;
  };
  const strings = (name: string): string[] => {
    const text = new TextDecoder().decode(byteSection(name));
    return text === '' ? [] : text.split(SEPARATOR);
  };
  const terms = strings('terms');
  const ids = strings('ids');
  if (terms.length !== header.vocabulary) throw new Error('search index is inconsistent');
  const field = (name: FieldName): StoredIndex['fields'][FieldName] => {
    const sizes = decoded(`${name}.sizes`, terms.length);
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + sizes[t]!;
    const data = byteSection(`${name}.data`);
    const lengths = packed(`${name}.lengths`);
    if (offsets[terms.length] !== data.length || lengths.length !== ids.length) throw new Error('search index is inconsistent');
    const encoded = { data, offsets, counts: decoded(`${name}.counts`, terms.length) };
    return { encoded, lengths, averageLength: header.averageLengths[name] ?? 0, partner: header.partners[name] };
  };
  return {
    terms,
    ids,
    dates: strings('dates'),
    sortedTerms: decoded('sortedTerms', terms.length),
    fields: Object.fromEntries(FIELD_NAMES.map((name) => [name, field(name)])) as StoredIndex['fields'],
  };
}

/**
 * Reads the header, the vocabulary and the document ids; posting blocks stay as bytes, decoded when a
 * query first needs a term.
 */
export function deserializeCompactIndex(input: Uint8Array): SearchableIndex {
  const stored = readStoredIndex(input);
  const readers = new Map<FieldName, EncodedPostingReader>();
  const reader = (name: FieldName): EncodedPostingReader => {
    const known = readers.get(name);
    if (known) return known;
    const { encoded, lengths, averageLength, partner } = stored.fields[name];
    const made = new EncodedPostingReader({ encoded, lengths, averageLength, positional: FIELDS[name].positional, partner: partner ? reader(partner) : null });
    readers.set(name, made);
    return made;
  };
  const fields = Object.fromEntries(FIELD_NAMES.map((name): [FieldName, PostingReader] => [name, reader(name)])) as Record<FieldName, PostingReader>;
  const { terms, ids, dates, sortedTerms } = stored;
  return { terms, termIds: new SortedTermLookup(terms, sortedTerms), sortedTerms, ids, dates, fields };
}

/**
 * Term ids by binary search of the vocabulary in string order. A query looks up a few dozen terms,
 * while a Map of the whole vocabulary (35,000 terms at 20,000 articles) was built at every load: most
 * of what a CLI search paid before its first query.
 */
class SortedTermLookup implements TermLookup {
  readonly #terms: readonly string[];
  readonly #sorted: Uint32Array;

  constructor(terms: readonly string[], sorted: Uint32Array) {
    this.#terms = terms;
    this.#sorted = sorted;
  }

  get(term: string): number | undefined {
    const terms = this.#terms;
    const sorted = this.#sorted;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = sorted[mid]!;
      const found = terms[id]!;
      if (found === term) return id;
      if (found < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }
}

/**
 * Every posting list decoded, shared exact lists expanded: the flat index a build gives, for merging
 * segments posting by posting (segment-merge.ts). A query never needs it; it reads lists one by one.
 */
export function decodeCompactIndex(input: Uint8Array): CompactIndex {
  const stored = readStoredIndex(input);
  const fields = new Map<FieldName, FieldPostings>();
  const decode = (name: FieldName): FieldPostings => {
    const known = fields.get(name);
    if (known) return known;
    const { encoded, lengths, averageLength, partner } = stored.fields[name];
    const postings = decodePostings(encoded, { positional: FIELDS[name].positional, documents: stored.ids.length, partner: partner ? decode(partner) : null });
    const made: FieldPostings = { ...postings, lengths: Uint32Array.from(lengths), averageLength };
    fields.set(name, made);
    return made;
  };
  const { terms, ids, dates, sortedTerms } = stored;
  return { terms, termIds: termIdsOf(terms), sortedTerms, ids, dates, fields: Object.fromEntries(FIELD_NAMES.map((name) => [name, decode(name)])) as Record<FieldName, FieldPostings> };
}

function termIdsOf(terms: readonly string[]): Map<string, number> {
  const termIds = new Map<string, number>();
  for (let t = 0; t < terms.length; t++) termIds.set(terms[t]!, t);
  return termIds;
}
