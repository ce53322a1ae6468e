// Which legacy Vietnamese encoding, if any, a file is in. Each candidate decoding is scored by how many
// of its words are well-formed Vietnamese syllables; one is taken only when it is clearly Vietnamese
// and clearly better than every other, and otherwise the file is refused rather than stored garbled.
import type { TextEncodingName } from '../../contract/text-encodings.ts';
import { bytesBeforeMisreading, misreadWordCount } from './mojibake.ts';
import { decodeSingleByte, SINGLE_BYTE_ENCODINGS } from './single-byte.ts';
import { scoreSyllables, type SyllableScore } from './syllable-score.ts';
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

/** Candidates are scored on the first bytes only; the one chosen then decodes the whole file. */
const SAMPLE_BYTES = 16_384;

interface Candidate<Name> {
  name: Name;
  score: SyllableScore;
}

export type Verdict<Name> = { kind: 'decoded'; name: Name } | { kind: 'uncertain'; candidates: Name[] };

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
  return { kind: 'decoded', name: best.name };
}

/** Bytes that are not UTF-8: TCVN3, VNI, VISCII or Windows-1258, whichever reads as Vietnamese. */
export function detectEightBit(bytes: Uint8Array): { kind: 'decoded'; name: EightBitEncoding; text: string } | { kind: 'uncertain'; candidates: EightBitEncoding[] } {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const verdict = choose(EIGHT_BIT.map((name) => ({ name, score: scoreSyllables(decodeEightBit(sample, name)) })));
  return verdict.kind === 'decoded' ? { ...verdict, text: decodeEightBit(bytes, verdict.name) } : verdict;
}

function decodeRepair(bytes: Uint8Array, name: EightBitEncoding | 'utf-8'): string | null {
  if (name !== 'utf-8') return decodeEightBit(bytes, name);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    // A sample can end inside a character; the whole text cannot, if it was UTF-8 read twice.
    return null;
  }
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
  const bytes = bytesBeforeMisreading(text);
  const misread = misreadWordCount(text);
  // The common case, cheaply: real Vietnamese holds letters no misreading makes (ạ, ư, đ…) and no mojibake.
  if (!bytes && misread < 3) return { kind: 'as-is' };
  const asIs = scoreSyllables(text);
  const looksGarbled = misread >= 3 && misread >= asIs.marked * 0.2;
  // Vietnamese that reads well as it is stays as it is, whatever else it could be.
  if (!looksGarbled && asIs.marked > 0 && validShare(asIs) >= 0.5) return { kind: 'as-is' };
  if (!bytes) return looksGarbled ? { kind: 'uncertain', candidates: [] } : { kind: 'as-is' };
  // Cut at a space so the UTF-8 candidate's sample does not end inside a character.
  const cut = bytes.length <= SAMPLE_BYTES ? bytes.length : Math.max(bytes.lastIndexOf(0x20, SAMPLE_BYTES), 1);
  const sample = bytes.subarray(0, cut);
  const candidates: Candidate<EightBitEncoding | 'utf-8'>[] = [];
  for (const name of [...EIGHT_BIT, 'utf-8' as const]) {
    const decoded = decodeRepair(sample, name);
    if (decoded !== null) candidates.push({ name, score: scoreSyllables(decoded) });
  }
  const verdict = choose(candidates.filter((c) => c.score.validMarked > asIs.validMarked));
  const repaired = verdict.kind === 'decoded' ? decodeRepair(bytes, verdict.name) : null;
  if (verdict.kind === 'decoded' && repaired !== null) return { kind: 'repaired', name: verdict.name, text: repaired };
  if (looksGarbled) return { kind: 'uncertain', candidates: verdict.kind === 'uncertain' ? verdict.candidates : [] };
  return { kind: 'as-is' };
}

/**
 * Plain ASCII that is VIQR: marks after vowels turn enough words into Vietnamese syllables, and the
 * decoded text is Vietnamese throughout. English ("don't", "sea.") never gets there.
 */
export function detectViqr(text: string): string | null {
  // VIQR Vietnamese is full of ^, + and ( after vowels (â ê ô ơ ư ă); English has next to none, and is
  // turned away here before the costlier decoding.
  const sample = text.slice(0, 16_384);
  if ((sample.match(/[aeouAEOU][(^+]/gu)?.length ?? 0) < 3) return null;
  const score = scoreSyllables(decodeViqr(sample));
  const ok = score.validMarked >= 3 && validShare(score) >= 0.9 && score.marked >= score.words * 0.25 && score.valid >= score.words * 0.75;
  return ok ? decodeViqr(text) : null;
}
