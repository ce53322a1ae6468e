// detectLanguage counts words in one pass over a lookup table; it must decide exactly as the plain
// definition does (words = /\p{L}+/gu over the first 20,000 NFC characters, 20 % with a Vietnamese letter).
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../importers/language-detect.ts';

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

function plainDetect(text: string): string {
  const words = text.normalize('NFC').slice(0, 20_000).match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 'en';
  return words.filter((word) => VIETNAMESE_LETTER.test(word)).length / words.length >= 0.2 ? 'vi' : 'en';
}

/** The share of marked words the plain definition sees, to pick samples near the 20 % line. */
function plainShare(text: string): number {
  const words = text.normalize('NFC').slice(0, 20_000).match(/\p{L}+/gu) ?? [];
  return words.length ? words.filter((word) => VIETNAMESE_LETTER.test(word)).length / words.length : 0;
}

describe('detectLanguage', () => {
  it('decides as the plain definition on mixed text, near the threshold and past 20,000 characters', () => {
    const pieces = ['the', 'news', 'Hà', 'Nội', 'ĐÀ', 'NẴNG', 'e\u0301', 'Ư', '😀', '𝐀𝐁', '\ud83d', ' ', '  ', '-', '30.4', "l'été", 'ß', 'Ω', 'Ǆ', '\u0301', 'ﬁ', 'ｱ'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const samples = ['', '   ', '123 456', 'Giá xăng tăng', 'Breaking news from Hà Nội today'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const length = random(40);
      for (let j = 0; j < length; j++) text += `${pieces[random(pieces.length)]}${random(3) ? ' ' : ''}`;
      samples.push(text);
    }
    // Long texts whose 20,000th character cuts a word, a surrogate pair or a decomposed letter.
    for (const tail of ['ế', 'e\u0301', '😀', 'Hà Nội '.repeat(5000)]) samples.push(`${'word '.repeat(3999)}abcd${tail}${'Việt '.repeat(4000)}`);
    let near = 0;
    for (const text of samples) {
      expect(detectLanguage(text), JSON.stringify(text.slice(0, 80))).toBe(plainDetect(text));
      const share = plainShare(text);
      if (share > 0.1 && share < 0.3) near++;
    }
    expect(near).toBeGreaterThan(100);
  });

  it('takes a declared language first', () => {
    expect(detectLanguage('Hà Nội mùa thu', 'en-GB')).toBe('en');
    expect(detectLanguage('The news today', null)).toBe('en');
    expect(detectLanguage('Giá xăng hôm nay tăng mạnh')).toBe('vi');
  });
});
