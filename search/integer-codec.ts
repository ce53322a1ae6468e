// Sequences of unsigned 32-bit integers in few bytes, the way Lucene stores postings: full blocks of
// 128 values bit-packed at the width of their largest value (frame of reference), the tail as
// variable-byte integers. Posting gaps, counts and positions are mostly small, so a block of counts
// of 1 takes 16 bytes instead of 512, and decoding a block is a few shifts per value, with no branch
// per byte as in a pure variable-byte code.

export const BLOCK = 128;

/** Bytes a bit-packed block of BLOCK values of `width` bits takes, after its width byte. */
const blockBytes = (width: number): number => (BLOCK / 8) * width;

/** An append-only byte buffer for encoding. */
export class ByteWriter {
  #bytes = new Uint8Array(1024);
  length = 0;

  #reserve(extra: number): void {
    if (this.length + extra <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#bytes.subarray(0, this.length));
    this.#bytes = next;
  }

  byte(value: number): void {
    this.#reserve(1);
    this.#bytes[this.length++] = value;
  }

  /** Seven bits a byte, low first; the high bit says another byte follows. Up to 2^32 − 1: five bytes. */
  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`${value} is not an unsigned 32-bit integer`);
    this.#reserve(5);
    let v = value;
    while (v >= 0x80) {
      this.#bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.#bytes[this.length++] = v;
  }

  /** Appends raw bytes. */
  bytes(data: Uint8Array): void {
    this.#reserve(data.length);
    this.#bytes.set(data, this.length);
    this.length += data.length;
  }

  /** A right-sized copy. */
  toArray(): Uint8Array {
    return this.#bytes.slice(0, this.length);
  }
}

const packWords = new Uint32Array(32 * (BLOCK / 32));
const packBytes = new Uint8Array(packWords.buffer);

/** Writes values[from, to) as full bit-packed blocks, then the rest as varints. */
export function encodeUints(values: ArrayLike<number>, from: number, to: number, out: ByteWriter): void {
  let i = from;
  for (; i + BLOCK <= to; i += BLOCK) {
    let any = 0;
    for (let k = 0; k < BLOCK; k++) {
      const v = values[i + k]!;
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`${v} is not an unsigned 32-bit integer`);
      any |= v;
    }
    const width = any === 0 ? 0 : 32 - Math.clz32(any);
    out.byte(width);
    if (width === 0) continue;
    const words = (BLOCK / 32) * width;
    packWords.fill(0, 0, words);
    for (let k = 0, bit = 0; k < BLOCK; k++, bit += width) {
      const v = values[i + k]! >>> 0;
      const word = bit >>> 5;
      const shift = bit & 31;
      packWords[word] = (packWords[word]! | (v << shift)) >>> 0;
      if (shift + width > 32) packWords[word + 1] = v >>> (32 - shift);
    }
    // Little-endian words, as every typed array in this index is.
    out.bytes(packBytes.subarray(0, blockBytes(width)));
  }
  for (; i < to; i++) out.varint(values[i]!);
}

const unpackWords = new Uint32Array(32 * (BLOCK / 32));
const unpackBytes = new Uint8Array(unpackWords.buffer);

/**
 * Reads `count` values written by encodeUints from bytes[at…] into out[outAt…]; returns the offset
 * just past them. Throws on bytes that end early or hold an impossible width, never reads past them.
 */
export function decodeUints(bytes: Uint8Array, at: number, count: number, out: Uint32Array, outAt: number): number {
  let p = at;
  let o = outAt;
  const end = bytes.length;
  for (let left = count; left >= BLOCK; left -= BLOCK) {
    if (p >= end) throw new RangeError('integer block is truncated');
    const width = bytes[p++]!;
    if (width === 0) {
      out.fill(0, o, o + BLOCK);
      o += BLOCK;
      continue;
    }
    if (width > 32) throw new RangeError(`integer block width ${width} is over 32`);
    const size = blockBytes(width);
    if (p + size > end) throw new RangeError('integer block is truncated');
    unpackBytes.set(bytes.subarray(p, p + size));
    p += size;
    const mask = width === 32 ? 0xffffffff : (1 << width) - 1;
    for (let k = 0, bit = 0; k < BLOCK; k++, bit += width) {
      const word = bit >>> 5;
      const shift = bit & 31;
      let v = unpackWords[word]! >>> shift;
      if (shift + width > 32) v |= unpackWords[word + 1]! << (32 - shift);
      out[o++] = v & mask;
    }
  }
  for (let k = count % BLOCK; k > 0; k--) {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (p >= end) throw new RangeError('varint is truncated');
      const b = bytes[p++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 0x10000000) throw new RangeError('varint is longer than five bytes');
    }
    if (v > 0xffffffff) throw new RangeError('varint is over 32 bits');
    out[o++] = v;
  }
  return p;
}
