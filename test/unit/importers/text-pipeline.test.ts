import { describe, expect, it } from 'vitest';
import { buildBody, decodeText, detectLanguage, ImportInputError, normalizeText, tidyInline } from '../../../importers/index.ts';
import { findPublishedDate, toIsoDate } from '../../../importers/published-date.ts';
import { firstSentence } from '../../../importers/title-from-text.ts';
import { blockTexts } from './importer-test-helpers.ts';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [hi, lo] = [code >> 8, code & 0xff];
    bytes.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

describe('decodeText', () => {
  it('decodes UTF-8 and strips the BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Hà Nội')]))).toBe('Hà Nội');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(utf16('Đà Nẵng\nkhoẻ', 'le'))).toBe('Đà Nẵng\nkhoẻ');
    expect(decodeText(utf16('Đà Nẵng\nkhoẻ', 'be'))).toBe('Đà Nẵng\nkhoẻ');
  });

  it('rejects invalid UTF-8, binary data and control-character soup with a reason', () => {
    expect(() => decodeText(new Uint8Array([0x48, 0xc3, 0x28, 0x69]))).toThrow(/not valid UTF-8/);
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toThrow(/binary/);
    expect(() => decodeText(new Uint8Array([1, 2, 3, 4, 5, 6, 0x41, 0x42]))).toThrow(ImportInputError);
  });

  it('uses a declared legacy charset only when the bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { declaredCharset: 'windows-1252' })).toBe('café');
  });
});

describe('normalisation', () => {
  it('composes NFC, keeps the tone style given and drops zero-width junk', () => {
    const nfd = 'hoà thuý khoẻ'.normalize('NFD');
    expect(nfd).not.toBe('hoà thuý khoẻ');
    expect(tidyInline(`  ${nfd}\u200B\u00AD  `)).toBe('hoà thuý khoẻ');
    // Old-style and new-style tone placement are different words on disk; neither is rewritten into the other.
    expect(tidyInline('hòa thúy khỏe')).toBe('hòa thúy khỏe');
  });

  it('normalises line endings and odd spaces but keeps lines', () => {
    expect(normalizeText('a\r\nb\rc\u00A0d')).toBe('a\nb\nc d');
  });
});

describe('buildBody', () => {
  it('joins tidied pieces with blank lines and records exact offsets', () => {
    const built = buildBody([
      { kind: 'heading', text: ' Tiêu  đề ', level: 2 },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: 'Đoạn\n một' },
      { kind: 'quote', text: 'Trích dẫn 😀 ở đây' },
    ]);
    expect(built.body).toBe('Tiêu đề\n\nĐoạn một\n\nTrích dẫn 😀 ở đây');
    expect(blockTexts(built)).toEqual([
      ['heading2', 'Tiêu đề'],
      ['paragraph', 'Đoạn một'],
      ['quote', 'Trích dẫn 😀 ở đây'],
    ]);
  });
});

describe('language, dates and titles', () => {
  it('tells Vietnamese from English', () => {
    expect(detectLanguage('Các bên đã nhất trí nối lại hoà đàm tại Genève')).toBe('vi');
    expect(detectLanguage('Officials met in Hà Nội on Monday to discuss the trade deal')).toBe('en');
    expect(detectLanguage('whatever', 'vi-VN')).toBe('vi');
  });

  it('reads Vietnamese datelines and ISO dates', () => {
    expect(findPublishedDate('Giá xăng  Thứ Hai, 4/3/2024, 15:05 (GMT+7)  Nội dung')).toBe('2024-03-04T08:05:00.000Z');
    expect(findPublishedDate('Chủ nhật, 3/3/2024 bài viết')).toBe('2024-03-03');
    expect(findPublishedDate('Posted 2024-03-05T09:00:00Z by desk')).toBe('2024-03-05T09:00:00.000Z');
    expect(findPublishedDate('giá 30.410 đồng ngày 3.3')).toBeNull();
    expect(toIsoDate('Mon, 04 Mar 2024 08:00:00 +0700')).toBe('2024-03-04T01:00:00.000Z');
    expect(toIsoDate('2024-02-30')).toBeNull();
  });

  it('takes the first sentence, not splitting numbers like 3.3 or 30.410', () => {
    expect(firstSentence('Từ ngày 3.3, giá là 30.410 đồng. Câu thứ hai.')).toBe('Từ ngày 3.3, giá là 30.410 đồng.');
    const long = firstSentence('từ '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('từ…')).toBe(true);
  });
});
