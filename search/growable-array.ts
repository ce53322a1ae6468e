/** An append-only Uint32 buffer: postings are counted in the millions, so they never live in JS arrays. */
export class GrowableUint32 {
  #data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.#data = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.#data.length) {
      const next = new Uint32Array(this.#data.length * 2);
      next.set(this.#data);
      this.#data = next;
    }
    this.#data[this.length++] = value;
  }

  get(index: number): number {
    return this.#data[index]!;
  }

  /** A right-sized copy. */
  toArray(): Uint32Array {
    return this.#data.slice(0, this.length);
  }
}
