// The Vietnamese error model: which misspellings of a syllable are cheap (the confusions Vietnamese
// writers make, a neighbouring key) and which are any other one-letter edit. It works on folded
// syllables (lowercase, marks stripped, đ→d), except hỏi/ngã, which only exact forms can tell apart.

/** How a correction differs from what was typed, cheapest first. */
export type TypoKind = 'tone' | 'confusion' | 'keyboard' | 'edit';

export interface TypoCorrection {
  /** The term searched instead: a folded syllable, or for 'tone' an exact (accented) one. */
  term: string;
  kind: TypoKind;
  /** Set for a confusion of a common word, chosen because it stands beside the query's other words where the typed word does not. */
  context?: true;
}

const VOWELS = /[aeiouy]/u;

/** Initial consonants that sound alike in one dialect or another, and are spelt one for another. */
const INITIAL_CONFUSIONS: readonly (readonly string[])[] = [
  ['s', 'x'],
  ['ch', 'tr'],
  ['d', 'gi', 'r'],
];

/** The onset of a folded syllable as the confusion table sees it: gi before a vowel, ch, tr, or one letter. */
function onsetOf(folded: string): { onset: string; rest: string } {
  for (const onset of ['ch', 'tr', 'gi']) {
    if (!folded.startsWith(onset)) continue;
    const rest = folded.slice(2);
    // "gì", "gìn": the i is both the onset's letter and the vowel, so d/r take it with them.
    if (onset === 'gi' && (rest === '' || !VOWELS.test(rest[0]!))) return { onset, rest: `i${rest}` };
    return { onset, rest };
  }
  return { onset: folded.slice(0, 1), rest: folded.slice(1) };
}

function withOnset(onset: string, rest: string): string {
  // gi + i… is written with one i: "di" ↔ "gi", "dìn" ↔ "gìn".
  if (onset === 'gi' && rest.startsWith('i')) return `g${rest}`;
  return onset + rest;
}

/**
 * The folded forms one Vietnamese spelling confusion away: s/x, ch/tr, d/gi/r at the start; n/ng at
 * the end. (i/y spellings, kỉ/kỷ, are not confusions: term-forms.ts makes them one term.) Only forms a
 * syllable could take are given; whether they are words is for the library's vocabulary to say.
 */
export function confusionVariants(folded: string): string[] {
  const variants = new Set<string>();
  const { onset, rest } = onsetOf(folded);
  if (rest !== '' && VOWELS.test(rest[0]!)) {
    for (const group of INITIAL_CONFUSIONS) {
      if (!group.includes(onset)) continue;
      for (const other of group) if (other !== onset) variants.add(withOnset(other, rest));
    }
  }
  if (/[aeiouy]ng$/u.test(folded)) variants.add(folded.slice(0, -1));
  else if (/[aeiouy]n$/u.test(folded)) variants.add(`${folded}g`);
  variants.delete(folded);
  return [...variants];
}

const HOI = '\u0309';
const NGA = '\u0303';

/** The exact syllable with hỏi and ngã swapped (sẳn → sẵn, kỹ → kỷ), or null when it bears neither. */
export function toneSwapped(exact: string): string | null {
  const decomposed = exact.normalize('NFD');
  if (decomposed.includes(HOI)) return decomposed.replace(HOI, NGA).normalize('NFC');
  if (decomposed.includes(NGA)) return decomposed.replace(NGA, HOI).normalize('NFC');
  return null;
}

// Neighbouring keys on a QWERTY keyboard, the one Vietnamese typists use with Telex or VNI.
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, string>();
for (let row = 0; row < KEY_ROWS.length; row++) {
  for (let col = 0; col < KEY_ROWS[row]!.length; col++) {
    const near = [
      KEY_ROWS[row]![col - 1],
      KEY_ROWS[row]![col + 1],
      KEY_ROWS[row - 1]?.[col],
      KEY_ROWS[row - 1]?.[col + 1],
      KEY_ROWS[row + 1]?.[col],
      KEY_ROWS[row + 1]?.[col - 1],
    ];
    NEIGHBOURS.set(KEY_ROWS[row]![col]!, near.filter((key): key is string => key !== undefined).join(''));
  }
}

/** Whether b is a one-key slip of a: one letter swapped for a neighbouring key, or two letters swapped. */
export function isKeyboardSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return NEIGHBOURS.get(a[diff[0]!]!)?.includes(b[diff[0]!]!) ?? false;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The kind of edit from a typed folded syllable to a folded correction. */
export function typoKind(typed: string, correction: string): TypoKind {
  if (confusionVariants(typed).includes(correction)) return 'confusion';
  if (isKeyboardSlip(typed, correction)) return 'keyboard';
  return 'edit';
}

/** Confusions are tried on syllables of two letters or more (xa/sa); any other edit needs four (see allowsTypos). */
export function allowsConfusions(folded: string): boolean {
  return folded.length >= 2 && folded.length <= 12 && /^\p{L}+$/u.test(folded);
}

/** Typo tolerance beyond the Vietnamese confusions is for real syllables: four letters or more, and not numbers. */
export function allowsTypos(folded: string): boolean {
  return folded.length >= 4 && folded.length <= 12 && !/^\p{N}/u.test(folded);
}
