// A search narrowed to named ids (a saved search's new articles), in one segment's document numbers:
// the engine skips every other document as it reads postings, and reads only the stretch of each
// posting list (kept in document order) between the first and last of them.

/** The documents a search is narrowed to, as marks by document number, and the first and last of them. */
export interface AllowedDocs {
  marks: Uint8Array;
  first: number;
  last: number;
}

/** The named ids found in a segment (`docOf`: its document number of each id); undefined when none is. */
export function allowedDocs(ids: ReadonlySet<string>, docOf: ReadonlyMap<string, number>, size: number): AllowedDocs | undefined {
  const marks = new Uint8Array(size);
  let first = Infinity;
  let last = -1;
  for (const id of ids) {
    const d = docOf.get(id);
    if (d === undefined) continue;
    marks[d] = 1;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return last < 0 ? undefined : { marks, first, last };
}
