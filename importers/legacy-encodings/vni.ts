// VNI (VNI-Windows fonts): Vietnamese typed with VNI lands in 8-bit files as an ASCII base letter
// followed by a mark byte that the VNI fonts draw as a diacritic ("Ñaø Naüng" = "Đà Nẵng"). No encoding
// library ships it, so the table is written here, from VNI Software's VNI-Windows character chart; it
// agrees letter for letter with xvnkb's VNI table (github.com/lamdao/xvnkb, vni.h), and the unit tests
// check it against the byte strings VNI archives are known by.

type Tone = '' | 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';
const TONES: readonly Tone[] = ['', 'acute', 'grave', 'hook', 'tilde', 'dot'];
const COMBINING: Record<Tone, string> = { '': '', acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323' };

// Mark bytes, lower-case form then upper-case form, in TONES order ('' first).
const TONE_ONLY = { lower: ['', 'ù', 'ø', 'û', 'õ', 'ï'], upper: ['', 'Ù', 'Ø', 'Û', 'Õ', 'Ï'] };
const CIRCUMFLEX = { lower: ['â', 'á', 'à', 'å', 'ã', 'ä'], upper: ['Â', 'Á', 'À', 'Å', 'Ã', 'Ä'] };
const BREVE = { lower: ['ê', 'é', 'è', 'ú', 'ü', 'ë'], upper: ['Ê', 'É', 'È', 'Ú', 'Ü', 'Ë'] };
// Letters VNI gives their own byte: i with a tone, ỵ, đ, ơ and ư (which then take TONE_ONLY marks).
const I_WITH_TONE = { lower: ['i', 'í', 'ì', 'æ', 'ó', 'ò'], upper: ['I', 'Í', 'Ì', 'Æ', 'Ó', 'Ò'] };

/** Every Vietnamese letter (NFC) with its VNI bytes as Latin-1 text, upper-case letters with upper-case marks. */
function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const upper of [false, true]) {
    const pick = (set: { lower: string[]; upper: string[] }, index: number): string => (upper ? set.upper : set.lower)[index]!;
    const letter = (s: string): string => (upper ? s.toUpperCase() : s);
    TONES.forEach((tone, index) => {
      const mark = COMBINING[tone];
      for (const base of ['a', 'e', 'o', 'u', 'y']) table.set(letter(base + mark).normalize('NFC'), letter(base) + pick(TONE_ONLY, index));
      for (const base of ['a', 'e', 'o']) table.set(letter(base + '\u0302' + mark).normalize('NFC'), letter(base) + pick(CIRCUMFLEX, index));
      table.set(letter('a\u0306' + mark).normalize('NFC'), letter('a') + pick(BREVE, index));
      table.set(letter('o\u031b' + mark).normalize('NFC'), (upper ? 'Ô' : 'ô') + pick(TONE_ONLY, index));
      table.set(letter('u\u031b' + mark).normalize('NFC'), (upper ? 'Ö' : 'ö') + pick(TONE_ONLY, index));
      table.set(letter('i' + mark).normalize('NFC'), pick(I_WITH_TONE, index));
    });
    table.set(letter('y\u0323').normalize('NFC'), upper ? 'Î' : 'î');
    table.set(upper ? 'Đ' : 'đ', upper ? 'Ñ' : 'ñ');
  }
  return table;
}

const ENCODE = buildTable();

/** VNI bytes (as Latin-1 text) to letters; mixed case ("Aù", "aÙ") is read too, the letter's case wins. */
const DECODE = ((): Map<string, string> => {
  const decode = new Map<string, string>();
  for (const [letter, bytes] of ENCODE) decode.set(bytes, letter);
  for (const [letter, bytes] of ENCODE) {
    if (bytes.length !== 2) continue;
    const [base, mark] = [bytes[0]!, bytes[1]!];
    const otherMark = mark === mark.toUpperCase() ? mark.toLowerCase() : mark.toUpperCase();
    if (!decode.has(base + otherMark)) decode.set(base + otherMark, letter);
  }
  return decode;
})();

/** Decodes VNI bytes. Bytes that are no VNI letter are read as Latin-1 (the font's own glyph). */
export function decodeVni(bytes: Uint8Array): string {
  return decodeVniText(new TextDecoder('latin1').decode(bytes));
}

/** The same, on text whose characters are the VNI bytes (Windows-1252 or Latin-1 readings of them). */
export function decodeVniText(latin1: string): string {
  let out = '';
  for (let i = 0; i < latin1.length; ) {
    const pair = DECODE.get(latin1.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    out += DECODE.get(latin1[i]!) ?? latin1[i]!;
    i += 1;
  }
  return out.normalize('NFC');
}

/** Encodes NFC text as VNI bytes, for fixtures; characters VNI has no bytes for throw. */
export function encodeVni(text: string): Uint8Array {
  let latin1 = '';
  for (const char of text.normalize('NFC')) {
    const bytes = ENCODE.get(char) ?? (char.charCodeAt(0) < 0x80 ? char : undefined);
    if (bytes === undefined) throw new RangeError(`VNI has no bytes for "${char}"`);
    latin1 += bytes;
  }
  return Uint8Array.from(latin1, (c) => c.charCodeAt(0));
}
