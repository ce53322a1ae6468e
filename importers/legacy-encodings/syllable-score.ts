// Is a word a well-formed Vietnamese syllable (onset + rhyme + tone)? Detection scores a candidate
// decoding by how many of its words are: a wrong table turns "Đà Nẵng" into "§µ N½ng" or "Ðà Nång",
// which no Vietnamese speaker could write, so well-formedness tells decodings apart without a dictionary.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ACUTE_OR_DOT = /[\u0301\u0323]/u;

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Vowel nuclei that end the rhyme (they end in a glide or cannot take a final consonant). */
const OPEN_NUCLEI = new Set([
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uê', 'ui', 'uơ',
  'uy', 'ưa', 'ưi', 'ưu', 'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu', 'ya',
]);

/** Vowel nuclei that take a final consonant (some only with one). */
const CLOSED_NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'iê', 'yê', 'oa', 'oă', 'oe', 'oo', 'uâ', 'uê', 'uô', 'uy', 'ươ', 'uyê', 'ưo',
]);

const CODAS = new Set(['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_CODAS = new Set(['c', 'ch', 'p', 't']);
const VOWELS = 'aăâeêioôơuưy';

function splitRhyme(rhyme: string): { nucleus: string; coda: string } | null {
  let end = 0;
  while (end < rhyme.length && VOWELS.includes(rhyme[end]!)) end++;
  if (end === 0) return null;
  return { nucleus: rhyme.slice(0, end), coda: rhyme.slice(end) };
}

function validRhyme(rhyme: string, stopAllowed: boolean): boolean {
  const parts = splitRhyme(rhyme);
  if (!parts) return false;
  const { nucleus, coda } = parts;
  if (coda === '') return OPEN_NUCLEI.has(nucleus);
  if (!CODAS.has(coda) || !CLOSED_NUCLEI.has(nucleus)) return false;
  // "ch" and "nh" follow only front vowels and a; stops take only the sắc or nặng tone.
  if ((coda === 'ch' || coda === 'nh') && !/^(a|ê|i|oa|uê|uy|y)$/u.test(nucleus)) return false;
  return !STOP_CODAS.has(coda) || stopAllowed;
}

/** True for one word (any case, NFC or NFD) that is a well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const stopAllowed = tones.length === 0 || ACUTE_OR_DOT.test(tones[0]!);
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/u.test(base)) return false;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    // "gi" and "qu" hold their vowel: "gì", "quốc"; "gi" alone before a consonant ("gìn") is g + i.
    if (rhyme === '') {
      if (onset === 'gi') return true;
      continue;
    }
    if (validRhyme(rhyme, stopAllowed)) return true;
  }
  return false;
}

export interface SyllableScore {
  /** Words holding letters. */
  words: number;
  /** Words with a letter outside ASCII: the ones an encoding decides. */
  marked: number;
  /** Marked words that are Vietnamese syllables. */
  validMarked: number;
  /** Words that are Vietnamese syllables, marked or not. */
  valid: number;
}

/** Scores the first 16K characters of a text (some 3,000 words: evidence enough), word by word (split at white space). */
export function scoreSyllables(text: string): SyllableScore {
  const score: SyllableScore = { words: 0, marked: 0, validMarked: 0, valid: 0 };
  const sample = text.length > 16_384 ? text.slice(0, 16_384) : text;
  for (const raw of sample.split(/\s+/u)) {
    // Only ASCII punctuation and quotes are trimmed: "§µ" must stay whole to count against its decoding.
    const word = raw.replace(/^[!-/:-@[-`{-~“”‘’…–—«»]+|[!-/:-@[-`{-~“”‘’…–—«»]+$/gu, '');
    if (!/\p{L}/u.test(word)) continue;
    score.words++;
    const valid = isVietnameseSyllable(word);
    if (valid) score.valid++;
    if (/[^\0-\x7f]/u.test(word)) {
      score.marked++;
      if (valid) score.validMarked++;
    }
  }
  return score;
}
