import { describe, expect, it } from 'vitest';
import { BLOCK, ByteWriter, decodeUints, encodeUints } from '../../../search/integer-codec.ts';

const MAX = 2 ** 32 - 1;

function encode(values: readonly number[]): Uint8Array {
  const out = new ByteWriter();
  encodeUints(values, 0, values.length, out);
  return out.toArray();
}

function roundTrip(values: readonly number[]): number[] {
  const bytes = encode(values);
  const out = new Uint32Array(values.length);
  expect(decodeUints(bytes, 0, values.length, out, 0)).toBe(bytes.length);
  return [...out];
}

let seed = 11;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

describe('integer codec', () => {
  it('round-trips nothing, zero, the largest 32-bit value and the varint byte boundaries', () => {
    expect(encode([])).toHaveLength(0);
    const edges = [0, 1, 127, 128, 255, 256, 16_383, 16_384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31, MAX - 1, MAX];
    expect(roundTrip(edges)).toEqual(edges);
    for (const value of edges) expect(roundTrip([value])).toEqual([value]);
    // Seven bits a byte: 2^32 − 1 takes five, 127 one, 128 two.
    expect(encode([MAX])).toHaveLength(5);
    expect(encode([127])).toHaveLength(1);
    expect(encode([128])).toHaveLength(2);
  });

  it('bit-packs full blocks at every width, zero and 32 included, and keeps the tail as varints', () => {
    for (let width = 0; width <= 32; width++) {
      const top = width === 0 ? 0 : 2 ** width - 1;
      const values = Array.from({ length: BLOCK }, (_, i) => (i % 3 === 0 ? top : Math.floor(random() * (top + 1))));
      const bytes = encode(values);
      expect(bytes[0], `width ${width}`).toBe(width);
      expect(bytes.length, `width ${width}`).toBe(1 + (BLOCK / 8) * width);
      expect(roundTrip(values), `width ${width}`).toEqual(values);
    }
  });

  it('round-trips long runs of one value and lengths around the block size', () => {
    for (const value of [0, 1, 5, MAX]) {
      for (const length of [1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK, 3 * BLOCK + 77, 10_000]) {
        const values = new Array<number>(length).fill(value);
        expect(roundTrip(values), `${length} × ${value}`).toEqual(values);
      }
    }
    // A block of zeros is its width byte alone.
    expect(encode(new Array<number>(4 * BLOCK).fill(0))).toHaveLength(4);
  });

  it('round-trips random values of mixed magnitudes, and decodes from an offset into an offset', () => {
    for (let trial = 0; trial < 50; trial++) {
      const length = Math.floor(random() * 1000);
      const values = Array.from({ length }, () => Math.floor(random() * 2 ** Math.floor(random() * 33)) % (MAX + 1));
      expect(roundTrip(values)).toEqual(values);
      const out = new ByteWriter();
      out.byte(0xee);
      out.varint(length);
      encodeUints(values, 0, length, out);
      out.byte(0xff);
      const bytes = out.toArray();
      const decoded = new Uint32Array(length + 2);
      const lengthBytes = length < 128 ? 1 : 2;
      expect(decodeUints(bytes, 1 + lengthBytes, length, decoded, 2)).toBe(bytes.length - 1);
      expect([...decoded.subarray(2)]).toEqual(values);
    }
  });

  it('encodes a slice of a typed array', () => {
    const values = Uint32Array.from({ length: 300 }, (_, i) => i * 7);
    const out = new ByteWriter();
    encodeUints(values, 40, 240, out);
    const decoded = new Uint32Array(200);
    decodeUints(out.toArray(), 0, 200, decoded, 0);
    expect([...decoded]).toEqual([...values.subarray(40, 240)]);
  });

  it('refuses values that are not unsigned 32-bit integers', () => {
    for (const bad of [-1, MAX + 1, 1.5, Number.NaN]) {
      expect(() => encode([bad]), String(bad)).toThrow(RangeError);
      expect(() => encode(new Array<number>(BLOCK).fill(bad)), String(bad)).toThrow(RangeError);
    }
  });

  it('throws on bytes that end early or hold an impossible block, instead of reading past them', () => {
    const values = Array.from({ length: BLOCK + 5 }, (_, i) => i * 1000);
    const bytes = encode(values);
    const out = new Uint32Array(values.length);
    for (const cut of [0, 1, 10, bytes.length - 1]) {
      expect(() => decodeUints(bytes.subarray(0, cut), 0, values.length, out, 0), `cut at ${cut}`).toThrow(/truncated/);
    }
    const wide = bytes.slice();
    wide[0] = 33;
    expect(() => decodeUints(wide, 0, values.length, out, 0)).toThrow(/width 33/);
    expect(() => decodeUints(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 0, 1, out, 0)).toThrow(/five bytes/);
    expect(() => decodeUints(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x1f), 0, 1, out, 0)).toThrow(/over 32 bits/);
  });
});
