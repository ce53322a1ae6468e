// Text "garbled into UTF-8": a legacy file opened as Windows-1252 (or Latin-1) and saved as UTF-8, so
// each legacy byte became the Windows-1252 character for it ("Đà Nẵng" in TCVN3 → "§µ N½ng"). Undoing
// that reading gives the legacy bytes back, which can then be decoded properly.

const CP1252_BYTE = ((): Map<string, number> => {
  const map = new Map<string, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let byte = 0x80; byte <= 0xff; byte++) map.set(decoder.decode(Uint8Array.of(byte)), byte);
  // Latin-1 readings keep 0x80–0x9F as C1 control characters.
  for (let byte = 0x80; byte <= 0x9f; byte++) if (!map.has(String.fromCharCode(byte))) map.set(String.fromCharCode(byte), byte);
  return map;
})();

/**
 * The bytes `text` came from if it is a Windows-1252/Latin-1 reading of an 8-bit file; null when it
 * holds a character no such reading produces (real Vietnamese UTF-8 always does: ă, ơ, ư, đ, ạ…).
 */
export function bytesBeforeMisreading(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes[i] = code;
    else {
      const byte = CP1252_BYTE.get(text[i]!);
      if (byte === undefined) return null;
      bytes[i] = byte;
    }
  }
  return bytes;
}

const SYMBOLS = '\\u0080-\\u00aa\\u00ac-\\u00af\\u00b2-\\u00b6\\u00b8-\\u00ba\\u00bc-\\u00bf\\u00f7';
const ANY_SYMBOL = new RegExp(`[${SYMBOLS}]`, 'u');
const SYMBOL_BESIDE_LETTER = new RegExp(`\\p{L}[${SYMBOLS}]|[${SYMBOLS}]\\p{L}`, 'u');

/**
 * Words that hold a symbol no language puts inside a word (§, µ, ½, ¸, ¬, soft hyphen…) next to
 * letters: the mark of a legacy file misread. Counted so such text is refused rather than stored.
 * Guillemets, the degree and plus-minus signs, the middle dot and × are left out: real text and code
 * put them beside letters ("30°C", "1920×1080", regular expressions).
 */
export function misreadWordCount(text: string): number {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  // Most text holds none of these symbols at all; one scan says so.
  if (!ANY_SYMBOL.test(sample)) return 0;
  let count = 0;
  for (const word of sample.split(/\s+/u)) if (SYMBOL_BESIDE_LETTER.test(word)) count++;
  return count;
}
