// Which legacy Vietnamese encoding, if any, a file is in. Each candidate decoding is scored by how many
// of its words are well-formed Vietnamese syllables; one is taken only when it is clearly Vietnamese
// and clearly better than every other, and otherwise the file is refused rather than stored garbled.
import type { TextEncodingName } from '../../contract/text-encodings.ts';
import { bytesBeforeMisreading, misreadWordCount } from './mojibake.ts';
import { decodeSingleByte, SINGLE_BYTE_ENCODINGS } from './single-byte.ts';
import { scoreSyllables, type SyllableScore } from './vietnamese-syllable.ts';
import { decodeViqr } from './viqr.ts';
import { decodeVni } from './vni.ts';

export type EightBitEncoding = Extract<TextEncodingName, 'tcvn3' | 'viscii' | 'windows-1258' | 'vni'>;
const EIGHT_BIT: readonly EightBitEncoding[] = [...SINGLE_BYTE_ENCODINGS, 'vni'];

export function decodeEightBit(bytes: Uint8Array, encoding: EightBitEncoding): string {
  return encoding === 'vni' ? decodeVni(bytes) : decodeSingleByte(bytes, encoding);
}

/** Thresholds: enough Vietnamese words, nearly all well-formed, and a clear lead over the runner-up. */
const MIN_MARKED_WORDS = 2;
const MIN_VALID_SHARE = 0.85;
const MIN_LEAD = 2;

interface Candidate<Name> {
  name: Name;
  text: string;
  score: SyllableScore;
}

export type Verdict<Name> = { kind: 'decoded'; name: Name; text: string } | { kind: 'uncertain'; candidates: Name[] };

function validShare(score: SyllableScore): number {
  return score.marked === 0 ? 0 : score.validMarked / score.marked;
}

/** Plausible: most words that carry marks are Vietnamese syllables, and there are enough of them. */
function plausible(score: SyllableScore): boolean {
  return score.validMarked >= MIN_MARKED_WORDS && validShare(score) >= MIN_VALID_SHARE;
}

function choose<Name>(candidates: Candidate<Name>[]): Verdict<Name> {
  const ranked = candidates.filter((c) => plausible(c.score)).sort((a, b) => b.score.validMarked - a.score.validMarked);
  const [best, second] = ranked;
  if (!best) return { kind: 'uncertain', candidates: [] };
  // Two tables that both read as Vietnamese (a text using only letters they share) cannot be told apart.
  if (second && best.score.validMarked - second.score.validMarked < Math.max(MIN_LEAD, best.score.validMarked * 0.2)) {
    return { kind: 'uncertain', candidates: ranked.map((c) => c.name) };
  }
  return { kind: 'decoded', name: best.name, text: best.text };
}

/** Bytes that are not UTF-8: TCVN3, VNI, VISCII or Windows-1258, whichever reads as Vietnamese. */
export function detectEightBit(bytes: Uint8Array): Verdict<EightBitEncoding> {
  return choose(EIGHT_BIT.map((name) => {
    const text = decodeEightBit(bytes, name);
    return { name, text, score: scoreSyllables(text) };
  }));
}

export type RepairVerdict =
  | { kind: 'as-is' }
  | { kind: 'repaired'; name: EightBitEncoding | 'utf-8'; text: string }
  | { kind: 'uncertain'; candidates: (EightBitEncoding | 'utf-8')[] };

/**
 * Valid UTF-8 text that may be garbled: a legacy file, or UTF-8 itself, misread as Windows-1252 and saved
 * again. It is repaired only when the text as it stands is not Vietnamese and a repair clearly is;
 * text that looks garbled but cannot be repaired with confidence is refused, never kept.
 */
export function detectGarbled(text: string): RepairVerdict {
  const asIs = scoreSyllables(text);
  const misread = misreadWordCount(text);
  const looksGarbled = misread >= 3 && misread >= asIs.marked * 0.2;
  // Vietnamese that reads well as it is stays as it is, whatever else it could be.
  if (!looksGarbled && asIs.marked > 0 && validShare(asIs) >= 0.5) return { kind: 'as-is' };
  const bytes = bytesBeforeMisreading(text);
  if (!bytes) return { kind: 'as-is' };
  const candidates: Candidate<EightBitEncoding | 'utf-8'>[] = EIGHT_BIT.map((name) => {
    const decoded = decodeEightBit(bytes, name);
    return { name, text: decoded, score: scoreSyllables(decoded) };
  });
  try {
    const twice = new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
    candidates.push({ name: 'utf-8', text: twice, score: scoreSyllables(twice) });
  } catch {
    // Not UTF-8 read twice.
  }
  const verdict = choose(candidates.filter((c) => c.score.validMarked > asIs.validMarked));
  if (verdict.kind === 'decoded') return { kind: 'repaired', name: verdict.name, text: verdict.text };
  if (looksGarbled) return { kind: 'uncertain', candidates: verdict.candidates };
  return { kind: 'as-is' };
}

/**
 * Plain ASCII that is VIQR: marks after vowels turn enough words into Vietnamese syllables, and the
 * decoded text is Vietnamese throughout. English ("don't", "sea.") never gets there.
 */
export function detectViqr(text: string): string | null {
  if (!/[a-zA-Z][(^+'`?~.]|\b[dD][dD]/u.test(text)) return null;
  const decoded = decodeViqr(text);
  const score = scoreSyllables(decoded);
  const ok = score.validMarked >= 3 && validShare(score) >= 0.9 && score.marked >= score.words * 0.25 && score.valid >= score.words * 0.75;
  return ok ? decoded : null;
}
