// The inverted index in flat typed arrays. lunr's own index keeps one object per posting and could
// not hold 20,000 600-syllable articles in under a gigabyte or load them in seconds; this layout
// holds each posting in six bytes (plus two or four per position) and loads by mapping the file's bytes.
import type { SearchDocument } from './search-document.ts';
import { GrowableUint32 } from './growable-array.ts';
import { FIELD_NAMES, FIELDS, toIndexedDocument, type FieldName } from './index-fields.ts';

export const COMPACT_FORMAT = 3;

/** One field's postings, CSR-style: term t's postings are [termStart[t], termStart[t + 1]). */
export interface FieldPostings {
  termStart: Uint32Array;
  docs: Uint32Array;
  /** Occurrences in the document, capped at 65,535: beyond that BM25 no longer tells them apart. */
  tf: Uint16Array;
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

  for (const source of documents) {
    const doc = toIndexedDocument(source);
    const docIndex = ids.length;
    ids.push(doc.id);
    dates.push(doc.date);
    for (const name of FIELD_NAMES) {
      const { terms: fieldTerms, positions } = doc.fields[name];
      const out = buffers[name];
      out.lengths.push(fieldTerms.length);
      // Group this document's occurrences by term, keeping positions in text order.
      const byTerm = new Map<number, number[]>();
      for (let i = 0; i < fieldTerms.length; i++) {
        const id = idOf(fieldTerms[i]!);
        const list = byTerm.get(id);
        if (list) list.push(positions[i]!);
        else byTerm.set(id, [positions[i]!]);
      }
      for (const [term, list] of byTerm) {
        out.term.push(term);
        out.doc.push(docIndex);
        out.tf.push(list.length);
        out.posCount.push(list.length);
        if (out.positions) for (const p of list) out.positions.push(p);
      }
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

// --- Serialization: a JSON header, then every array as raw little-endian bytes, 8-byte aligned ---

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
  sections: Section[];
}

const SEPARATOR = '\u0000';

export function serializeCompactIndex(index: CompactIndex): Uint8Array {
  const encoder = new TextEncoder();
  const arrays: [string, Uint32Array | Uint16Array | Uint8Array][] = [
    ['terms', encoder.encode(index.terms.join(SEPARATOR))],
    ['ids', encoder.encode(index.ids.join(SEPARATOR))],
    ['dates', encoder.encode(index.dates.join(SEPARATOR))],
    ['sortedTerms', index.sortedTerms],
  ];
  for (const name of FIELD_NAMES) {
    const field = index.fields[name];
    arrays.push([`${name}.termStart`, field.termStart], [`${name}.docs`, field.docs], [`${name}.tf`, field.tf], [`${name}.lengths`, field.lengths]);
    if (field.posStart && field.positions) arrays.push([`${name}.posStart`, field.posStart], [`${name}.positions`, field.positions]);
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

/** Maps the arrays straight onto the bytes read from disk: no parsing of postings at all. */
export function deserializeCompactIndex(input: Uint8Array): CompactIndex {
  // Typed-array views need 4-byte alignment; a pooled Buffer may start anywhere.
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
  const array = (name: string): Uint32Array | Uint16Array => {
    const { offset, length, width } = section(name);
    const at = bytes.byteOffset + dataStart + offset;
    if (width === 2) return new Uint16Array(bytes.buffer, at, length);
    if (width === 4) return new Uint32Array(bytes.buffer, at, length);
    throw new Error(`search index section ${name} has ${width}-byte elements`);
  };
  const u32 = (name: string): Uint32Array => {
    const found = array(name);
    if (!(found instanceof Uint32Array)) throw new Error(`search index section ${name} is not 32-bit`);
    return found;
  };
  const u16 = (name: string): Uint16Array => {
    const found = array(name);
    if (!(found instanceof Uint16Array)) throw new Error(`search index section ${name} is not 16-bit`);
    return found;
  };
  const strings = (name: string): string[] => {
    const { offset, length } = section(name);
    const text = new TextDecoder().decode(bytes.subarray(dataStart + offset, dataStart + offset + length));
    return text === '' ? [] : text.split(SEPARATOR);
  };
  const terms = strings('terms');
  const ids = strings('ids');
  const fields = Object.fromEntries(
    FIELD_NAMES.map((name) => {
      const positional = sections.has(`${name}.posStart`);
      const postings: FieldPostings = {
        termStart: u32(`${name}.termStart`),
        docs: u32(`${name}.docs`),
        tf: u16(`${name}.tf`),
        lengths: u32(`${name}.lengths`),
        averageLength: header.averageLengths[name] ?? 0,
        posStart: positional ? u32(`${name}.posStart`) : null,
        positions: positional ? array(`${name}.positions`) : null,
      };
      if (postings.termStart.length !== terms.length + 1 || postings.lengths.length !== ids.length) throw new Error('search index is inconsistent');
      return [name, postings];
    }),
  ) as Record<FieldName, FieldPostings>;
  return {
    terms,
    termIds: new Map(terms.map((term, i) => [term, i])),
    sortedTerms: u32('sortedTerms'),
    ids,
    dates: strings('dates'),
    fields,
  };
}
