import { describe, expect, it } from 'vitest';
import { confusionVariants, isKeyboardSlip, toneSwapped, typoKind } from '../../../search/typo-model.ts';

describe('the Vietnamese error model', () => {
  it.each([
    ['xuat', ['suat']],
    ['suat', ['xuat']],
    ['chuyen', ['truyen', 'chuyeng']],
    ['tranh', ['chanh']],
    ['dau', ['giau', 'rau']],
    ['gia', ['da', 'ra']],
    ['gin', ['din', 'rin', 'ging']],
    ['ri', ['di', 'gi']],
    ['nang', ['nan']],
    // i/y spellings are one term already (term-forms.ts), not a confusion to correct.
    ['ky', []],
  ])('the confusions of %s', (folded, variants) => {
    expect(confusionVariants(folded).sort()).toEqual([...variants].sort());
  });

  it('does not swap i and y after a vowel, where they are different words (tai, tay)', () => {
    expect(confusionVariants('tai')).toEqual([]);
  });

  it('swaps hỏi and ngã only', () => {
    expect(toneSwapped('sẳn')).toBe('sẵn');
    expect(toneSwapped('kỹ')).toBe('kỷ');
    expect(toneSwapped('sàng')).toBeNull();
  });

  it('tells a slip of a neighbouring key or two swapped letters from any other edit', () => {
    expect(isKeyboardSlip('tuonh', 'tuong')).toBe(true);
    expect(isKeyboardSlip('khoam', 'khoan')).toBe(true);
    expect(isKeyboardSlip('nguoi', 'nguio')).toBe(true);
    expect(isKeyboardSlip('nuoc', 'duoc')).toBe(false);
    expect(typoKind('nuoc', 'duoc')).toBe('edit');
    expect(typoKind('xuat', 'suat')).toBe('confusion');
  });
});
