// The stats stored with each article, computed on the import path: the fast forms must give exactly
// what the plain definitions give, on bodies shaped to catch an excerpt cut at the wrong place.
import { describe, expect, it } from 'vitest';
import { countWords, excerptOf } from '../../../library/text-stats.ts';

/** The definitions: flatten the whole body, then cut; count every match. */
function plainExcerpt(body: string, length = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > length * 0.6 ? space : length)}…`;
}
const plainCount = (text: string): number => [...text.matchAll(/[\p{L}\p{M}\p{N}]+(?:[.,'’-][\p{L}\p{M}\p{N}]+)*/gu)].length;

function bodies(): string[] {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['Hà Nội', 'giá xăng', '30.410', "l'été", 'đàm-phán', '\n\n', ' ', '\t', '   ', '\u00a0', '😀', 'x',
    // Astral letters and digits, a lone combining mark, doubled and trailing joiners, lone surrogates.
    '𠀀𝐀', '𝟘', '\u0301', '..', '-', '’', ',', '\ud800', '\udc00', '٣', '_'];
  const list = ['', ' ', 'ngắn', '   ' + 'chữ '.repeat(60), ' '.repeat(5000) + 'cuối', 'a'.repeat(900) + ' b', 'từ '.repeat(3000)];
  for (let i = 0; i < 300; i++) {
    const parts: string[] = [];
    const count = random(400);
    for (let j = 0; j < count; j++) parts.push(random(10) === 0 ? ' '.repeat(random(900)) : pieces[random(pieces.length)]!);
    list.push(parts.join(random(2) ? ' ' : ''));
  }
  return list;
}

describe('article stats', () => {
  it('excerpts a body as flattening all of it would, whatever its whitespace', () => {
    for (const body of bodies()) {
      expect(excerptOf(body), JSON.stringify(body.slice(0, 80))).toBe(plainExcerpt(body));
      expect(excerptOf(body, 30)).toBe(plainExcerpt(body, 30));
    }
  });

  it('counts words as iterating every match does', () => {
    for (const body of bodies()) expect(countWords(body)).toBe(plainCount(body));
    expect(countWords('Giá xăng tăng 3,5% từ 15:00, theo l’Express.')).toBe(9);
    expect(countWords("a..b -c d- e'f’g 𠀀-x 😀-y \ud800z")).toBe(plainCount("a..b -c d- e'f’g 𠀀-x 😀-y \ud800z"));
  });
});
