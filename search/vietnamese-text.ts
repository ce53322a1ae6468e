// Vietnamese normalisation shared by documents and queries. Every function maps an NFC string to
// one of the same length, character for character, so offsets into the stored text stay valid.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const TONE_MARKS_GLOBAL = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWELS = new Set([...'aăâeêioôơuưy']);
const MARKED_VOWELS = new Set([...'ăâêôơư']);

/** Lowercase, NFC, with the tone mark placed by one rule so that hoà/hòa, thuý/thúy, khoẻ/khỏe meet. */
export function canonicalSyllable(syllable: string): string {
  // Ð/ð (U+00D0/U+00F0, the Icelandic eth) is what many keyboards and fonts give for Đ/đ.
  const lower = syllable.normalize('NFC').toLowerCase().replaceAll('ð', 'đ');
  const decomposed = lower.normalize('NFD');
  const tone = TONE_MARKS.exec(decomposed)?.[0];
  if (!tone) return lower;
  const bare = decomposed.replace(TONE_MARKS_GLOBAL, '').normalize('NFC');
  const index = toneIndex(bare);
  if (index < 0) return lower;
  const chars = [...bare];
  chars[index] = (chars[index]! + tone).normalize('NFC');
  const placed = chars.join('');
  // Only syllables whose letters survive precomposed keep the one-to-one length guarantee.
  return placed.length === lower.length ? placed : lower;
}

/** Where the tone mark goes in a toneless syllable (the modern rule: hoà, khoẻ, thuý, but hoàn, quý, giá). */
function toneIndex(bare: string): number {
  const chars = [...bare];
  let start = 0;
  // "qu" and "gi" before another vowel are onsets, not part of the vowel cluster.
  if ((bare.startsWith('qu') || (bare.startsWith('gi') && chars.length > 2 && VOWELS.has(chars[2]!))) && chars.length > 2) start = 2;
  while (start < chars.length && !VOWELS.has(chars[start]!)) start++;
  let end = start;
  while (end < chars.length && VOWELS.has(chars[end]!)) end++;
  if (start >= chars.length) return -1;
  const cluster = chars.slice(start, end);
  const closed = end < chars.length;
  for (let i = cluster.length - 1; i >= 0; i--) if (MARKED_VOWELS.has(cluster[i]!)) return start + i;
  if (cluster.length === 1) return start;
  if (closed) return end - 1;
  const pair = cluster.slice(0, 2).join('');
  if (cluster.length === 2) return pair === 'oa' || pair === 'oe' || pair === 'uy' ? start + 1 : start;
  return start + 1;
}

// Folding works per UTF-16 unit: a letter's decomposition starts with its base letter, and a
// surrogate (half of a character outside the BMP) is kept as it is. Each unit's fold is computed
// once, on first sight, so folding a whole article costs a table lookup per character.
const FOLD_UNKNOWN = 0xffff;
const foldedUnits = new Uint16Array(0x10000).fill(FOLD_UNKNOWN);
const UTF16 = new TextDecoder('utf-16le');

function foldUnit(unit: number): number {
  let folded = foldedUnits[unit]!;
  if (folded === FOLD_UNKNOWN) {
    const char = String.fromCharCode(unit);
    if (char === 'đ' || char === 'ð') folded = 0x64;
    else if (char === 'Đ' || char === 'Ð') folded = 0x44;
    else if (unit >= 0xd800 && unit <= 0xdfff) folded = unit;
    else folded = char.normalize('NFD').charCodeAt(0);
    foldedUnits[unit] = folded;
  }
  return folded;
}

const SHORT_TEXT = 24;

/** Marks stripped and đ→d, one character for one. */
export function foldCharacters(text: string): string {
  let firstChange = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Below À nothing folds: ASCII text (English wire copy, numbers) is returned as it is.
    if (unit >= 0xc0 && foldUnit(unit) !== unit) {
      firstChange = i;
      break;
    }
  }
  if (firstChange < 0) return text;
  // A syllable or a word: built unit by unit, without the typed array and decoder a long text needs
  // (folding a whole vocabulary of syllables was mostly that set-up).
  if (text.length <= SHORT_TEXT) {
    let folded = text.slice(0, firstChange);
    for (let i = firstChange; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      folded += String.fromCharCode(unit < 0xc0 ? unit : foldUnit(unit));
    }
    return folded;
  }
  const out = new Uint16Array(text.length);
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const folded = unit < 0xc0 || i < firstChange ? unit : foldUnit(unit);
    if (folded >= 0xd800 && folded <= 0xdfff) surrogates = true;
    out[i] = folded;
  }
  // The decoder is the fast way back to a string, but it would replace a lone surrogate; a text with
  // any surrogate goes unit by unit instead.
  if (!surrogates) return UTF16.decode(out);
  let folded = '';
  // fromCharCode takes its units as arguments, so long texts go in slices the call stack can hold.
  for (let i = 0; i < out.length; i += 8192) folded += String.fromCharCode(...out.subarray(i, i + 8192));
  return folded;
}

export function canonicalFolded(syllable: string): string {
  return foldCharacters(syllable.normalize('NFC').toLowerCase());
}

export function hasDiacritics(text: string): boolean {
  return foldCharacters(text) !== text;
}
