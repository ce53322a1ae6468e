// VIQR (RFC 1456, "Vietnamese Quoted-Readable"): Vietnamese in plain ASCII, each diacritic an ASCII
// character typed after its vowel: ( breve, ^ circumflex, + horn, ' acute, ` grave, ? hook, ~ tilde,
// . dot below; "dd" is đ, and a backslash makes the next character literal.

const SHAPES: Record<string, Record<string, string>> = {
  '(': { a: '\u0306' },
  '^': { a: '\u0302', e: '\u0302', o: '\u0302' },
  '+': { o: '\u031b', u: '\u031b' },
};
const TONE_OF: Record<string, string> = { "'": '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323' };
const VOWELS = 'aeiouyAEIOUY';

/**
 * RFC 1456 reads a mark after a vowel as a diacritic, and asks writers to escape punctuation there
 * ("bi\\."); real files seldom do at the end of a sentence, so '.' and '?' that end a line or the text
 * are read as punctuation.
 */
function endsLine(text: string, markAt: number): boolean {
  return /^[ \t]*(\r|\n|$)/u.test(text.slice(markAt + 1, markAt + 40));
}

/** Decodes VIQR text into NFC Vietnamese. */
export function decodeViqr(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && /[(^+'`?~.\\dD]/u.test(text[i + 1]!)) {
      out += text[i + 1]!;
      i += 2;
      continue;
    }
    // đ only starts a word: "dd" inside one is English ("address"), never Vietnamese.
    if ((char === 'd' || char === 'D') && /[dD]/u.test(text[i + 1] ?? '') && !/\p{L}/u.test(text[i - 1] ?? '')) {
      out += char === 'D' ? 'Đ' : 'đ';
      i += 2;
      continue;
    }
    out += char;
    i++;
    if (!VOWELS.includes(char)) continue;
    const shape = SHAPES[text[i] ?? '']?.[char.toLowerCase()];
    if (shape) {
      out += shape;
      i++;
    }
    const next = text[i] ?? '';
    const tone = TONE_OF[next];
    if (tone && !((next === '.' || next === '?') && endsLine(text, i))) {
      out += tone;
      i++;
    }
  }
  return out.normalize('NFC');
}

const TONE_CHAR: Record<string, string> = { '\u0301': "'", '\u0300': '`', '\u0309': '?', '\u0303': '~', '\u0323': '.' };
const SHAPE_CHAR: Record<string, string> = { '\u0306': '(', '\u0302': '^', '\u031b': '+' };

/** Encodes NFC text as VIQR, for fixtures; a literal mark character after a vowel is escaped. */
export function encodeViqr(text: string): string {
  let out = '';
  let afterVowel = false;
  for (const char of text.normalize('NFC')) {
    if (char === 'đ' || char === 'Đ') {
      out += char === 'Đ' ? 'DD' : 'dd';
      afterVowel = false;
      continue;
    }
    const [base = '', ...marks] = char.normalize('NFD');
    if (afterVowel && /[(^+'`?~.]/u.test(base) && marks.length === 0) out += '\\';
    out += base;
    for (const mark of marks.filter((m) => SHAPE_CHAR[m])) out += SHAPE_CHAR[mark];
    for (const mark of marks.filter((m) => TONE_CHAR[m])) out += TONE_CHAR[mark];
    if (marks.some((m) => !SHAPE_CHAR[m] && !TONE_CHAR[m])) throw new RangeError(`VIQR has no spelling for "${char}"`);
    afterVowel = VOWELS.includes(base);
  }
  return out;
}
