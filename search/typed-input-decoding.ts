// Telex, VNI and VIQR left in the search box (the input method was off): ddaf nawngx, d9a2 na8ng4,
// dda` na(~ng all mean đà nẵng. A word is decoded only when the decoding is a real Vietnamese
// syllable and the word as typed is not a word already: not unaccented Vietnamese (ban, xoong), not
// a term of the library, and not a common English word (of, tax, box: see english-telex-words.ts).

import { ENGLISH_TELEX_WORDS } from './english-telex-words.ts';
import { isVietnameseSyllable } from '../vietnamese/vietnamese-syllable.ts';
import { canonicalSyllable } from './vietnamese-text.ts';

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';

const TELEX_TONES: Record<string, string> = { s: ACUTE, f: GRAVE, r: HOOK, x: TILDE, j: DOT };
const VNI_TONES: Record<string, string> = { '1': ACUTE, '2': GRAVE, '3': HOOK, '4': TILDE, '5': DOT };
const VIQR_TONES: Record<string, string> = { "'": ACUTE, '/': ACUTE, '`': GRAVE, '?': HOOK, '~': TILDE, '.': DOT };
const CIRCUMFLEX: Record<string, string> = { a: 'â', e: 'ê', o: 'ô' };
const HORN: Record<string, string> = { o: 'ơ', u: 'ư' };
const VOWELS = /[aăâeêioôơuưy]/u;

/** The toneless letters with the tone mark put on the first vowel, then placed by the one rule. */
function withTone(letters: string, tone: string | null): string {
  if (tone === null) return letters;
  const vowel = letters.search(VOWELS);
  if (vowel < 0) return letters;
  return canonicalSyllable(`${letters.slice(0, vowel + 1)}${tone}${letters.slice(vowel + 1)}`.normalize('NFC'));
}

function replaceLast(text: string, pattern: RegExp, map: Record<string, string>): string | null {
  for (let i = text.length - 1; i >= 0; i--) {
    const replacement = map[text[i]!];
    if (replacement !== undefined && pattern.test(text[i]!)) return text.slice(0, i) + replacement + text.slice(i + 1);
  }
  return null;
}

/** Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, dd đ; s f r x j after the vowel are tones. */
export function decodeTelex(word: string): string | null {
  if (!/^[a-z]+$/u.test(word)) return null;
  const firstVowel = word.search(/[aeiouy]/u);
  if (firstVowel < 0) return null;
  let tone: string | null = null;
  let letters = word.slice(0, firstVowel + 1);
  for (const char of word.slice(firstVowel + 1)) {
    const mark = TELEX_TONES[char];
    if (mark === undefined) letters += char;
    else if (tone !== null) return null;
    else tone = mark;
  }
  if (letters.startsWith('dd')) letters = `đ${letters.slice(2)}`;
  letters = letters.replace('uow', 'ươ').replace('aa', 'â').replace('ee', 'ê').replace('oo', 'ô').replace('aw', 'ă').replace('ow', 'ơ').replace('uw', 'ư');
  // A w typed after the final consonant marks the vowels before it (truongw → trương).
  if (letters.endsWith('w')) {
    const body = letters.slice(0, -1);
    const marked = body.includes('uo') ? body.replace('uo', 'ươ') : (replaceLast(body, /[ou]/u, HORN) ?? replaceLast(body, /a/u, { a: 'ă' }));
    if (marked === null) return null;
    letters = marked;
  }
  if (letters.includes('w')) return null;
  return withTone(letters, tone);
}

/** VNI: 1–5 tones, 6 circumflex, 7 horn, 8 breve, 9 đ, each typed after the letter it changes. */
export function decodeVni(word: string): string | null {
  if (!/^[a-z][a-z0-9]*$/u.test(word) || !/\d/u.test(word)) return null;
  let tone: string | null = null;
  let letters = '';
  for (const char of word) {
    if (!/\d/u.test(char)) {
      letters += char;
      continue;
    }
    let changed: string | null = null;
    if (VNI_TONES[char] !== undefined) {
      if (tone !== null || !VOWELS.test(letters)) return null;
      tone = VNI_TONES[char]!;
      continue;
    }
    if (char === '6') changed = replaceLast(letters, /[aeo]/u, CIRCUMFLEX);
    else if (char === '7') changed = letters.includes('uo') ? letters.replace('uo', 'ươ') : replaceLast(letters, /[ou]/u, HORN);
    else if (char === '8') changed = replaceLast(letters, /a/u, { a: 'ă' });
    else if (char === '9' && letters.startsWith('d')) changed = `đ${letters.slice(1)}`;
    if (changed === null) return null;
    letters = changed;
  }
  return withTone(letters, tone);
}

/** VIQR: ^ circumflex, ( breve, + or * horn, dd or d- đ; ' / ` ? ~ . after a vowel are tones. */
export function decodeViqr(word: string): string | null {
  const text = word.replaceAll('\\', '');
  if (!/^[a-z][a-z'/`?~.^(+*-]*$/u.test(text) || !/[a-z][a-z]*[`~^(+*'/?.-]/u.test(text)) return null;
  // A lone trailing ' ? . or / is punctuation more often than a tone (ai? là.).
  if (/^[a-z]+['/?.]$/u.test(text) && !text.startsWith('dd')) return null;
  let tone: string | null = null;
  let letters = '';
  for (const char of text) {
    if (/[a-z]/u.test(char)) {
      letters = letters === 'd' && char === 'd' ? 'đ' : letters + char;
      continue;
    }
    const last = letters[letters.length - 1] ?? '';
    let changed: string | null = null;
    if (VIQR_TONES[char] !== undefined) {
      if (tone !== null || !VOWELS.test(last)) return null;
      tone = VIQR_TONES[char]!;
      continue;
    }
    if (char === '^' && CIRCUMFLEX[last]) changed = letters.slice(0, -1) + CIRCUMFLEX[last];
    else if (char === '(' && last === 'a') changed = `${letters.slice(0, -1)}ă`;
    else if ((char === '+' || char === '*') && HORN[last]) changed = letters.slice(0, -1) + HORN[last];
    else if (char === '-' && letters === 'd') changed = 'đ';
    if (changed === null) return null;
    letters = changed;
  }
  return withTone(letters, tone);
}

/**
 * The Vietnamese syllable a word typed with Telex, VNI or VIQR stands for, or null when the word
 * should be searched as typed. `isKnownTerm` answers for the library's vocabulary (folded terms).
 */
export function decodeTypedWord(raw: string, isKnownTerm: (term: string) => boolean = () => false): string | null {
  const word = raw.toLowerCase();
  if (word.length < 2 || word.length > 14 || !/^[\x21-\x7e]+$/u.test(word)) return null;
  let decoded: string | null;
  if (/^[a-z]+$/u.test(word)) {
    // oo is Telex's ô far more often than the rhyme of loanwords (xoong, boong): those stay when the library has them.
    if ((isVietnameseSyllable(word) && !word.includes('oo')) || ENGLISH_TELEX_WORDS.has(word) || isKnownTerm(word)) return null;
    decoded = decodeTelex(word);
  } else if (/^[a-z][a-z0-9]*$/u.test(word)) {
    if (isKnownTerm(word)) return null;
    decoded = decodeVni(word);
  } else {
    decoded = decodeViqr(word);
  }
  return decoded !== null && decoded !== word && isVietnameseSyllable(decoded) ? decoded : null;
}
