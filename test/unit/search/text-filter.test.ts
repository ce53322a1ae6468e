import { describe, expect, it } from 'vitest';
import { textMatcher } from '../../../search/text-filter.ts';

describe('textMatcher: search folding for short texts', () => {
  const note = 'Cần xác minh con số với Tập đoàn Điện lực';
  it('matches words typed without marks, in any order', () => {
    expect(textMatcher('xac minh')!(note)).toBe(true);
    expect(textMatcher('dien luc xac')!(note)).toBe(true);
    expect(textMatcher('xac minh hop dong')!(note)).toBe(false);
  });

  it('reads the last word as a prefix while typing, not after a space', () => {
    expect(textMatcher('xac min')!(note)).toBe(true);
    expect(textMatcher('xac min ')!(note)).toBe(false);
  });

  it('keeps quoted phrases together and honours exclusions', () => {
    expect(textMatcher('"con so"')!(note)).toBe(true);
    expect(textMatcher('"so con"')!(note)).toBe(false);
    expect(textMatcher('xac minh -dien')!(note)).toBe(false);
  });

  it('folds canonical tones and đ like the engine (hoà = hòa)', () => {
    expect(textMatcher('hoà giải')!('Phiên hòa giải kéo dài')).toBe(true);
    expect(textMatcher('dang')!('Đảng')).toBe(true);
  });

  it('looks across several texts (a note and its quote) together', () => {
    expect(textMatcher('xac minh bieu gia')!(note, 'biểu giá mới')).toBe(true);
  });

  it('has nothing to match for an empty query', () => {
    expect(textMatcher('  ')).toBeNull();
  });
});
