import { describe, expect, it } from 'vitest';
import { scanTokens, TOKEN_GRAMMAR } from '../../../search/token-scanner.ts';
import { FoldedTokens } from '../../../search/folded-tokens.ts';
import { tokenize } from '../../../search/tokenizer.ts';

function scanned(text: string): [number, number][] {
  const spans: [number, number][] = [];
  scanTokens(text, (start, end) => spans.push([start, end]));
  return spans;
}

function byGrammar(text: string): [number, number][] {
  return [...text.matchAll(TOKEN_GRAMMAR)].map((match) => [match.index, match.index + match[0].length]);
}

// Every kind of character the grammar treats differently, Vietnamese and not, inside and outside the BMP.
const PALETTE = [
  'a', 'Đ', 'đ', 'ư', 'ờ', 'ng', 'A', '3', '0', '٣', '²', '.', ',', '-', "'", '’', ' ', '  ', '\u0301', '\u0323',
  '𝟙', '𠀀', '😀', '\uD83D', '!', '"', '/', '_', 'ﬁ', 'İ', '\n', '·', '—',
];

describe('token scanner', () => {
  it('finds the same tokens as the grammar in Vietnamese news text', () => {
    const text = 'Ngày 3.3, 30.410 người (al-Thani, O’Brien) ở Hà Nội đàm phán ngừng bắn 7.10.2023; tỉ lệ 3,2%... COVID-19, 3G, -5, a--b, x.';
    expect(scanned(text)).toEqual(byGrammar(text));
    expect(scanned(text).map(([s, e]) => text.slice(s, e))).toContain('30.410');
  });

  it('agrees with the grammar on thousands of random mixes of every kind of character', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(random() * 12);
      const text = Array.from({ length }, () => PALETTE[Math.floor(random() * PALETTE.length)]!).join('');
      expect(scanned(text), JSON.stringify(text)).toEqual(byGrammar(text));
    }
  });

  it('gives highlighting the same folded tokens as the index', () => {
    const text =
      'Đàm phán ở Doha với al-Thani: 30.410 người, KHOẺ và hoà bình — İstanbul 😀 đột phá. Tại TP.HCM, TP HCM và Thành phố Hồ Chí Minh, kỉ lục 1,000 và 7,4% ở Mát-xcơ-va; TP. Ðà Nẵng';
    // The same tokens; highlighting keeps abbreviations' compact terms at the end, so both are compared in one order.
    type Span = { start: number; end: number; folded: string; part: boolean };
    const inOrder = (list: Span[]): Span[] => list.sort((a, b) => a.start - b.start || a.end - b.end || (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
    const spans = (tokens: FoldedTokens) =>
      inOrder(Array.from({ length: tokens.count }, (_, k) => ({ start: tokens.start(k), end: tokens.end(k), folded: tokens.folded(k), part: tokens.isPart(k) })));
    const expected = (of: string) => inOrder(tokenize(of).map(({ start, end, folded, kind }) => ({ start, end, folded, part: kind === 'part' })));
    // With İ the lowercase is longer than the text, so it takes the token-by-token path; without, the folded-text path.
    for (const sample of [text, text.replace('İstanbul', 'Istanbul')]) {
      const tokens = FoldedTokens.of(sample);
      expect(spans(tokens), sample).toEqual(expected(sample));
      expect([...tokens.whole].map((k) => tokens.folded(k))).toEqual(tokenize(sample).filter((t) => t.kind === 'word' || t.kind === 'part').map((t) => t.folded));
      expect(spans(tokens).map((t) => t.folded)).toEqual(expect.arrayContaining(['tphcm', 'ky', '1.000', '1000', '7.4', 'xco', 'mat-xco-va', 'da']));
      const thani = Array.from({ length: tokens.count }, (_, k) => k).find((k) => tokens.folded(k) === 'thani')!;
      expect(tokens.is(thani, 'thani') && tokens.startsWith(thani, 'tha') && !tokens.is(thani, 'than')).toBe(true);
    }
  });
});
