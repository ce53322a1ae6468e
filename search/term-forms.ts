// The forms a term takes beyond tone placement and folding: i/y spelling variants and the press's
// ways of writing numbers. Both documents and queries go through here, so both sides meet.

// After these onsets a lone i or y is the same syllable spelt two ways (kỉ/kỷ lục, tỉ/tỷ giá, Mĩ/Mỹ,
// lí/lý, hi/hy sinh, sĩ/sỹ, qui/quy định). Not after other onsets: "vi" and "Vy" are different
// names, "thi"/"Thy" too; not standalone (ý kiến is never í kiến); not in rhymes (ai/ay, ui/uy differ).
const FREE_IY = /^(?:h|k|l|m|s|t|qu)[iíìỉĩịyýỳỷỹỵ]$/u;
const I_TO_Y: Record<string, string> = { i: 'y', í: 'ý', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ' };

/** The y spelling of a free i/y syllable (lowercase NFC in, same length out), or the syllable as it is. */
export function iyCanonical(syllable: string): string {
  if (syllable.length > 3 || !FREE_IY.test(syllable)) return syllable;
  const last = syllable[syllable.length - 1]!;
  const y = I_TO_Y[last];
  return y === undefined ? syllable : syllable.slice(0, -1) + y;
}

const THOUSANDS_DOTS = /^\d{1,3}(?:\.\d{3})+$/u; // 1.000, 30.410, 1.000.000
const DECIMAL_COMMA = /^\d+,\d+$/u; // 7,4; 3,2 (and 1,000: see below)
const THOUSANDS_COMMAS = /^\d{1,3}(?:,\d{3}){2,}$/u; // 1,000,000 (English wire copy)
const DOTS_AND_COMMA = /^\d{1,3}(?:\.\d{3})+,\d+$/u; // 1.234,5
const COMMAS_AND_DOT = /^\d{1,3}(?:,\d{3})+\.\d+$/u; // 1,234.5 (English)
const ONE_COMMA_GROUP = /^\d{1,3},\d{3}$/u; // 1,000: a Vietnamese decimal or an English thousand

/**
 * A number token's term, and a second reading where the text is ambiguous. Integers are digits only
 * (1.000 → 1000, 30.410 → 30410), decimals take a point (7,4 → 7.4), and anything else with dots
 * (dates 3.3 and 7.10.2023, 1.5) stays as written.
 */
export function numberTerms(text: string): readonly [term: string, other: string | null] {
  if (THOUSANDS_DOTS.test(text)) return [text.replaceAll('.', ''), null];
  if (DECIMAL_COMMA.test(text)) return [text.replace(',', '.'), ONE_COMMA_GROUP.test(text) ? text.replace(',', '') : null];
  if (THOUSANDS_COMMAS.test(text)) return [text.replaceAll(',', ''), null];
  if (DOTS_AND_COMMA.test(text)) return [text.replaceAll('.', '').replace(',', '.'), null];
  if (COMMAS_AND_DOT.test(text)) return [text.replaceAll(',', ''), null];
  return [text, null];
}

/** Whether a token's text starts with a digit and holds a separator: only those have number forms. */
export function isSeparatedNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 0x30 && first <= 0x39 && (text.includes('.') || text.includes(','));
}
