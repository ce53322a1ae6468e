// normalizeText and tidyInline take shortcuts on the import path (one scan before four replacements,
// collapsing only whitespace that changes); they must give exactly what the plain definitions give.
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normalizeText, tidyInline } from '../../../importers/text-normalize.ts';
import { contentHash } from '../../../library/text-stats.ts';
import { createHash } from 'node:crypto';

function plainNormalize(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085\f]/g, '\n')
    .replace(/[\u200B\u200E\u200F\u2060\uFEFF\u00AD\u180E]/g, '')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .normalize('NFC');
}
const plainTidy = (text: string): string => plainNormalize(text).replace(/\s+/g, ' ').trim();
const plainHash = (body: string): string => createHash('sha256').update(body.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');

function samples(): string[] {
  // Every character some step treats specially, beside ordinary Vietnamese text and decomposed marks.
  const alphabet = [
    'Hà', 'Nội', 'e\u0301', 'a', ' ', '  ', '\t', '\n', '\r', '\r\n', '\f', '\v', '\u0085', '\u2028', '\u2029', '\u200B', '\u200E', '\u200F',
    '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u0000', '\u0007', '\u001F', '\u007F', '\u009F', '\u00A0', '\u1680', '\u2000', '\u2009', '\u200A',
    '\u202F', '\u205F', '\u3000', '\u200D', '😀',
  ];
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const list = ['', ' ', 'Giá xăng tăng', ' đầu và cuối '];
  for (let i = 0; i < 2000; i++) {
    const length = random(30);
    // Half the samples use only ordinary text and single spaces: the shortcut's own path.
    const plain = random(2) === 0;
    let text = '';
    for (let j = 0; j < length; j++) text += plain ? ['Hà', 'Nội', 'a', ' ', 'e\u0301'][random(5)] : alphabet[random(alphabet.length)];
    list.push(text);
  }
  return list;
}

describe('text normalisation shortcuts', () => {
  it('normalise, tidy and hash exactly as the plain definitions do', () => {
    for (const text of samples()) {
      const label = JSON.stringify(text);
      expect(normalizeText(text), label).toBe(plainNormalize(text));
      expect(tidyInline(text), label).toBe(plainTidy(text));
      expect(contentHash(text), label).toBe(plainHash(text));
    }
  });

  it('collapse only, for text already normalised or cut from it at line breaks and spaces (.txt paragraphs, marked tidy)', () => {
    for (const text of samples()) {
      const normalized = normalizeText(text);
      const label = JSON.stringify(text);
      expect(collapseWhitespace(normalized), label).toBe(plainTidy(text));
      expect(tidyInline(plainTidy(text)), label).toBe(plainTidy(text));
      for (const line of normalized.split('\n')) {
        for (const piece of line.trimEnd().split(/ {2,}|\t+/)) expect(collapseWhitespace(piece), label).toBe(plainTidy(piece));
      }
    }
  });
});
