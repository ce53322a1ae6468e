// The token grammar, scanned by hand: runs of letters, marks and digits; numbers keep their `.` and
// `,` separators (30.410, 7.10.2023, 3,2); names keep hyphens and apostrophes (al-Thani). It is the
// same grammar as TOKEN_GRAMMAR below, which a test compares it with; a regular expression iterator
// made an object per token, and highlighting a results page scans twenty whole articles.

/** The grammar as a regular expression: the reference the scanner must agree with. */
export const TOKEN_GRAMMAR = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

const UNKNOWN = 0;
const OTHER = 1;
const LETTER = 2; // a letter or a mark
const DIGIT = 3;

const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  if (/^\p{N}$/u.test(char)) return DIGIT;
  return /^[\p{L}\p{M}]$/u.test(char) ? LETTER : OTHER;
}

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let cls = bmpClasses[codePoint]!;
    if (cls === UNKNOWN) bmpClasses[codePoint] = cls = classify(String.fromCharCode(codePoint));
    return cls;
  }
  let cls = astralClasses.get(codePoint);
  if (cls === undefined) astralClasses.set(codePoint, (cls = classify(String.fromCodePoint(codePoint))));
  return cls;
}

function isSeparator(unit: number): boolean {
  return unit === 0x2e || unit === 0x2c; // . ,
}

function isJoiner(unit: number): boolean {
  return unit === 0x27 || unit === 0x2019 || unit === 0x2d; // ' ’ -
}

/** The class of the character at i (a whole code point when a surrogate pair starts there). */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return classOf(unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(i)! : unit);
}

/** How many UTF-16 units the character at i takes. */
function widthAt(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Where a run of digits (or of letters, marks and digits) starting at i ends. */
function runEnd(text: string, i: number, digitsOnly: boolean): number {
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    // Outside surrogates a character is one unit, and its class is in the table (folded text is mostly ASCII).
    const surrogate = unit >= 0xd800 && unit <= 0xdbff;
    const cls = surrogate ? classOf(text.codePointAt(i)!) : bmpClasses[unit] || classOf(unit);
    if (cls !== DIGIT && (digitsOnly || cls !== LETTER)) break;
    i += surrogate ? widthAt(text, i) : 1;
  }
  return i;
}

/**
 * Calls `onToken` with the UTF-16 span of every token, in order; `joined` says the token holds a
 * hyphen or apostrophe, so its parts are tokens too.
 */
export function scanTokens(text: string, onToken: (start: number, end: number, joined: boolean) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const unit = text.charCodeAt(i);
    const cls = unit < 0xd800 || unit > 0xdbff ? bmpClasses[unit] || classOf(unit) : classAt(text, i);
    if (cls === OTHER) {
      i += unit < 0xd800 || unit > 0xdbff ? 1 : widthAt(text, i);
      continue;
    }
    const digitsOnly = cls === DIGIT;
    let end = runEnd(text, i, digitsOnly);
    let joined = false;
    // A separator counts only when a run of the same kind follows it.
    while (end < length && (digitsOnly ? isSeparator(text.charCodeAt(end)) : isJoiner(text.charCodeAt(end)))) {
      const next = runEnd(text, end + 1, digitsOnly);
      if (next === end + 1) break;
      end = next;
      joined = !digitsOnly;
    }
    onToken(i, end, joined);
    i = end;
  }
}

/** The parts of a hyphenated or apostrophe name spanning [start, end): the runs between its joiners. */
export function forEachPart(text: string, start: number, end: number, onPart: (start: number, end: number) => void): void {
  let pieceStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !isJoiner(text.charCodeAt(i))) continue;
    if (i > pieceStart) onPart(pieceStart, i);
    pieceStart = i + 1;
  }
}
