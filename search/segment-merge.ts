// Merges index segments posting by posting, as Lucene and Tantivy merge theirs: no text is read or
// tokenised again, so folding a delta into a 20,000-article main segment costs a pass over the
// postings rather than a rebuild. Works on the flat CompactIndex (a segment's bytes go through
// decodeCompactIndex), so it follows whatever encoding compact-index.ts writes.
import type { CompactIndex, FieldPostings } from './compact-index.ts';
import { FIELD_NAMES, type FieldName } from './index-fields.ts';

export interface MergeInput {
  index: CompactIndex;
  /** Documents left out of the merge: removed from the library or indexed again in a newer segment. */
  drop: ReadonlySet<string>;
}

/**
 * One index holding every kept document of the inputs, oldest input first. With nothing dropped the
 * result is exactly what building the concatenated documents would give (the tests compare bytes).
 */
export function mergeCompactIndexes(inputs: readonly MergeInput[]): CompactIndex {
  // Per input, each document's new number or -1 when dropped.
  const ids: string[] = [];
  const dates: string[] = [];
  const docMaps = inputs.map(({ index, drop }) => {
    const map = new Int32Array(index.ids.length);
    index.ids.forEach((id, d) => {
      if (drop.has(id)) map[d] = -1;
      else {
        map[d] = ids.length;
        ids.push(id);
        dates.push(index.dates[d]!);
      }
    });
    return map;
  });

  // Provisional vocabulary in first-occurrence order, as a build over the documents would number it.
  const provisional = new Map<string, number>();
  const provisionalTerms: string[] = [];
  const termMaps = inputs.map(({ index }) =>
    Uint32Array.from(index.terms, (term) => {
      let id = provisional.get(term);
      if (id === undefined) {
        id = provisionalTerms.length;
        provisionalTerms.push(term);
        provisional.set(term, id);
      }
      return id;
    }),
  );

  // Terms left only in dropped documents disappear; the others are numbered again, in the same order.
  const live = new Uint8Array(provisionalTerms.length);
  const counts = Object.fromEntries(FIELD_NAMES.map((name) => [name, countPostings(inputs, name, docMaps, termMaps, provisionalTerms.length, live)])) as Record<FieldName, PostingCounts>;
  const finalId = new Int32Array(provisionalTerms.length).fill(-1);
  const terms: string[] = [];
  for (let t = 0; t < provisionalTerms.length; t++) {
    if (live[t]) {
      finalId[t] = terms.length;
      terms.push(provisionalTerms[t]!);
    }
  }
  const fields = Object.fromEntries(
    FIELD_NAMES.map((name) => [name, mergeField(inputs, name, docMaps, termMaps, finalId, terms.length, ids.length, counts[name])]),
  ) as Record<FieldName, FieldPostings>;
  const sortedTerms = Uint32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  return { terms, termIds: new Map(terms.map((term, i) => [term, i])), sortedTerms, ids, dates, fields };
}

interface PostingCounts {
  /** Kept postings per provisional term. */
  postings: Uint32Array;
  /** Kept positions per provisional term (positional fields). */
  positions: Uint32Array;
  wide: boolean;
}

function countPostings(inputs: readonly MergeInput[], name: FieldName, docMaps: Int32Array[], termMaps: Uint32Array[], vocabulary: number, live: Uint8Array): PostingCounts {
  const postings = new Uint32Array(vocabulary);
  const positions = new Uint32Array(vocabulary);
  let wide = false;
  inputs.forEach(({ index }, i) => {
    const field = index.fields[name];
    const docMap = docMaps[i]!;
    const termMap = termMaps[i]!;
    if (field.positions instanceof Uint32Array) wide = true;
    for (let t = 0; t + 1 < field.termStart.length; t++) {
      const target = termMap[t]!;
      for (let p = field.termStart[t]!; p < field.termStart[t + 1]!; p++) {
        if (docMap[field.docs[p]!]! < 0) continue;
        postings[target]!++;
        live[target] = 1;
        if (field.posStart) positions[target]! += field.posStart[p + 1]! - field.posStart[p]!;
      }
    }
  });
  return { postings, positions, wide };
}

function mergeField(
  inputs: readonly MergeInput[],
  name: FieldName,
  docMaps: Int32Array[],
  termMaps: Uint32Array[],
  finalId: Int32Array,
  vocabulary: number,
  documents: number,
  counts: PostingCounts,
): FieldPostings {
  const positional = inputs.length > 0 ? inputs.every(({ index }) => index.fields[name].posStart !== null) : false;
  const termStart = new Uint32Array(vocabulary + 1);
  const positionStart = new Uint32Array(vocabulary + 1);
  for (let t = 0; t < finalId.length; t++) {
    const id = finalId[t]!;
    if (id < 0) continue;
    termStart[id + 1] = counts.postings[t]!;
    positionStart[id + 1] = counts.positions[t]!;
  }
  for (let t = 0; t < vocabulary; t++) {
    termStart[t + 1]! += termStart[t]!;
    positionStart[t + 1]! += positionStart[t]!;
  }
  const total = termStart[vocabulary]!;
  const docs = new Uint32Array(total);
  const tf = new Uint16Array(total);
  const posStart = positional ? new Uint32Array(total + 1) : null;
  const positions = positional ? (counts.wide ? new Uint32Array(positionStart[vocabulary]!) : new Uint16Array(positionStart[vocabulary]!)) : null;
  const cursor = termStart.slice(0, vocabulary);
  const positionCursor = positionStart.slice(0, vocabulary);
  const lengths = new Uint32Array(documents);
  let lengthSum = 0;
  // Inputs in order, each term's postings in document order: every merged list comes out sorted by document.
  inputs.forEach(({ index }, i) => {
    const field = index.fields[name];
    const docMap = docMaps[i]!;
    const termMap = termMaps[i]!;
    for (let d = 0; d < docMap.length; d++) {
      if (docMap[d]! < 0) continue;
      lengths[docMap[d]!] = field.lengths[d]!;
      lengthSum += field.lengths[d]!;
    }
    for (let t = 0; t + 1 < field.termStart.length; t++) {
      const target = finalId[termMap[t]!]!;
      for (let p = field.termStart[t]!; p < field.termStart[t + 1]!; p++) {
        const doc = docMap[field.docs[p]!]!;
        if (doc < 0) continue;
        const slot = cursor[target]!++;
        docs[slot] = doc;
        tf[slot] = field.tf[p]!;
        if (posStart && positions && field.posStart && field.positions) {
          posStart[slot] = positionCursor[target]!;
          for (let k = field.posStart[p]!; k < field.posStart[p + 1]!; k++) positions[positionCursor[target]!++] = field.positions[k]!;
        }
      }
    }
  });
  if (posStart) posStart[total] = positionStart[vocabulary]!;
  return { termStart, docs, tf, lengths, averageLength: documents ? lengthSum / documents : 0, posStart, positions };
}
