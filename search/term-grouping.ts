// One document field's occurrences grouped by term, for the index build (compact-index.ts). Counters
// over the vocabulary, reset after each field, instead of a Map and an array per term and document:
// a sixth less CPU per build, and the same bytes.

/** Grows a counter array to hold index `needed`, keeping its values. */
function grown(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed < array.length) return array;
  const bigger = new Uint32Array(Math.max(2 * array.length, needed + 1));
  bigger.set(array);
  return bigger;
}

export class TermGrouping {
  /** Per term id: occurrences in the current field (zero between fields). */
  #count = new Uint32Array(1024);
  /** Per term id: where its positions go in #grouped. */
  #cursor = new Uint32Array(1024);
  /** The field's occurrences in text order: term ids and positions. */
  #terms = new Uint32Array(1024);
  #positions = new Uint32Array(1024);
  #grouped = new Uint32Array(1024);
  #length = 0;
  /** Terms in order of first occurrence. */
  readonly #distinct: number[] = [];

  add(term: number, position: number): void {
    if (this.#length === this.#terms.length) {
      this.#terms = grown(this.#terms, this.#length);
      this.#positions = grown(this.#positions, this.#length);
      this.#grouped = new Uint32Array(this.#terms.length);
    }
    if (term >= this.#count.length) {
      this.#count = grown(this.#count, term);
      this.#cursor = new Uint32Array(this.#count.length);
    }
    this.#terms[this.#length] = term;
    this.#positions[this.#length++] = position;
    if (this.#count[term]++ === 0) this.#distinct.push(term);
  }

  /**
   * Each term of the field in order of first occurrence, with its count and (when `withPositions`)
   * its positions in text order at grouped[from, from + count); then starts the next field.
   */
  flush(withPositions: boolean, onTerm: (term: number, count: number, grouped: Uint32Array, from: number) => void): void {
    const count = this.#count;
    if (withPositions) {
      let offset = 0;
      for (const term of this.#distinct) {
        this.#cursor[term] = offset;
        offset += count[term]!;
      }
      for (let i = 0; i < this.#length; i++) this.#grouped[this.#cursor[this.#terms[i]!]!++] = this.#positions[i]!;
    }
    let from = 0;
    for (const term of this.#distinct) {
      const n = count[term]!;
      count[term] = 0;
      onTerm(term, n, this.#grouped, from);
      from += n;
    }
    this.#distinct.length = 0;
    this.#length = 0;
  }
}
