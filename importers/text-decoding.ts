// Bytes to text. Strict on purpose: a wrongly decoded article is worse than a clear refusal. UTF-8 is
// kept as it is unless it is plainly VIQR or plainly garbled; other bytes are decoded only when one
// Vietnamese legacy encoding clearly fits (importers/legacy-encodings/), or when the user or the page
// named the encoding.
import { TEXT_ENCODINGS, textEncodingNamed, type DecodedEncoding, type TextEncodingName } from '../contract/text-encodings.ts';
import { ImportInputError, type ImportInput, type ParsedItem } from './import-types.ts';
import { decodeEightBit, detectEightBit, detectGarbled, detectViqr, type EightBitEncoding } from './legacy-encodings/detect-legacy.ts';
import { bytesBeforeMisreading } from './legacy-encodings/mojibake.ts';
import { utf16WithoutBom } from './legacy-encodings/utf16-sniff.ts';
import { decodeViqr } from './legacy-encodings/viqr.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function decodeStrict(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new ImportInputError({ kind: 'undecodable', encoding: label }, { cause: error });
  }
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isSupportedLegacyLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that are control characters other than tab, newline, carriage return, form feed. */
function controlCharRatio(text: string): number {
  if (text.length === 0) return 0;
  let control = 0;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) control++;
  }
  return control / sample.length;
}

export interface DecodeOptions {
  /** Charset declared by HTTP or HTML, used only when there is no BOM and the bytes are not UTF-8. */
  declaredCharset?: string | null;
  /** Chosen by the user (`--encoding`, the import dialog): overrides detection and declarations. */
  encoding?: TextEncodingName;
}

export interface DecodedText {
  text: string;
  /** How the text was decoded; null for UTF-8 (with or without a BOM) taken as it is. */
  encoding: DecodedEncoding | null;
}

const EIGHT_BIT = new Set<TextEncodingName>(['tcvn3', 'vni', 'viscii', 'windows-1258']);

function isEightBit(name: TextEncodingName): name is EightBitEncoding {
  return EIGHT_BIT.has(name);
}

function withoutBom(bytes: Uint8Array, bom: readonly number[]): Uint8Array {
  return startsWith(bytes, bom) ? bytes.subarray(bom.length) : bytes;
}

function decodeChosen(bytes: Uint8Array, name: TextEncodingName): DecodedText {
  const chosen = (garbled = false): DecodedEncoding => ({ name, how: 'chosen', ...(garbled ? { garbled: true as const } : {}) });
  switch (name) {
    case 'utf-8':
      return { text: decodeStrict('utf-8', withoutBom(bytes, UTF8_BOM)), encoding: null };
    case 'utf-16le':
      return { text: decodeStrict('utf-16le', withoutBom(bytes, [0xff, 0xfe])), encoding: chosen() };
    case 'utf-16be':
      return { text: decodeStrict('utf-16be', withoutBom(bytes, [0xfe, 0xff])), encoding: chosen() };
    case 'viqr':
      return { text: decodeViqr(decodeStrict('utf-8', withoutBom(bytes, UTF8_BOM))), encoding: chosen() };
    default: {
      // Legacy bytes are almost never valid UTF-8; when these are, and hold other than ASCII, they are
      // the legacy text garbled into UTF-8, and the misreading is undone first.
      const asUtf8 = tryUtf8(withoutBom(bytes, UTF8_BOM));
      const original = asUtf8 !== null && /[^\0-\x7f]/u.test(asUtf8) ? bytesBeforeMisreading(asUtf8) : null;
      if (!isEightBit(name)) throw new TypeError(`no decoder for ${name}`);
      return { text: decodeEightBit(original ?? bytes, name), encoding: chosen(original !== null) };
    }
  }
}

/** The refusal, naming the candidates in the order the UI lists encodings (not by score, which shifts). */
function uncertain(candidates: readonly string[]): ImportInputError {
  const named = new Set(candidates.flatMap((c) => textEncodingNamed(c) ?? []));
  return new ImportInputError({ kind: 'uncertain-encoding', candidates: TEXT_ENCODINGS.filter((name) => named.has(name)) });
}

function decodeDetected(bytes: Uint8Array, declaredCharset: string | null | undefined): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeStrict('utf-16le', bytes.subarray(2)), encoding: { name: 'utf-16le', how: 'detected' } };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeStrict('utf-16be', bytes.subarray(2)), encoding: { name: 'utf-16be', how: 'detected' } };
  const body = withoutBom(bytes, UTF8_BOM);
  // Images, archives and PDFs contain NUL bytes; text does only as UTF-16 (here without its BOM).
  if (body.includes(0)) {
    const utf16 = utf16WithoutBom(body);
    if (!utf16) throw new ImportInputError({ kind: 'binary', cause: 'nul-bytes' });
    return { text: utf16.text, encoding: { name: utf16.name, how: 'detected' } };
  }
  const utf8 = tryUtf8(body);
  if (utf8 !== null) {
    if (!/[^\0-\x7f]/u.test(utf8)) {
      const viqr = detectViqr(utf8);
      return viqr === null ? { text: utf8, encoding: null } : { text: viqr, encoding: { name: 'viqr', how: 'detected' } };
    }
    const repair = detectGarbled(utf8);
    if (repair.kind === 'as-is') return { text: utf8, encoding: null };
    if (repair.kind === 'uncertain') throw uncertain(repair.candidates);
    return { text: repair.text, encoding: { name: repair.name, how: 'detected', garbled: true } };
  }
  const declared = declaredCharset?.trim().toLowerCase();
  if (declared && !/^utf-?8$/.test(declared)) {
    const known = textEncodingNamed(declared);
    if (known && known !== 'utf-8') return { ...decodeChosen(bytes, known), encoding: { name: known, how: 'declared' } };
    if (isSupportedLegacyLabel(declared)) return { text: new TextDecoder(declared).decode(body), encoding: { name: declared, how: 'declared' } };
  }
  const verdict = detectEightBit(body);
  if (verdict.kind === 'decoded') return { text: verdict.text, encoding: { name: verdict.name, how: 'detected' } };
  if (verdict.candidates.length > 0) throw uncertain(verdict.candidates);
  throw new ImportInputError({ kind: 'not-utf8' });
}

/**
 * Decodes a file's bytes and says how: UTF-8 (BOM stripped), UTF-16 LE/BE with or without a BOM, VIQR,
 * the 8-bit Vietnamese encodings, text garbled into UTF-8, or what the user chose. Rejects binary data
 * (NUL bytes, many control characters) and bytes whose encoding cannot be told with confidence.
 */
export function decodeTextWithEncoding(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const decoded = options.encoding ? decodeChosen(bytes, options.encoding) : decodeDetected(bytes, options.declaredCharset);
  if (decoded.text.includes('\u0000') || controlCharRatio(decoded.text) > 0.05) {
    throw new ImportInputError({ kind: 'binary', cause: 'control-characters' });
  }
  return decoded;
}

/** The text alone, for callers that do not report the encoding. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  return decodeTextWithEncoding(bytes, options).text;
}

/** An input's text, decoded with the encoding its user chose, else detected (or declared by the page). */
export function decodeInput(input: ImportInput, declaredCharset?: string | null): DecodedText {
  return decodeTextWithEncoding(input.bytes, { declaredCharset, ...(input.encoding ? { encoding: input.encoding } : {}) });
}

/** Items of a file, each told how the file was decoded (nothing to tell for plain UTF-8). */
export function withEncoding(items: ParsedItem[], encoding: DecodedEncoding | null): ParsedItem[] {
  return encoding ? items.map((item) => ({ ...item, encoding })) : items;
}

/** Best-effort decode of the first bytes, for sniffing the format; never throws. */
export function sniffText(bytes: Uint8Array, length = 2048): string {
  const head = bytes.subarray(0, length);
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const utf16 = head.includes(0) ? utf16WithoutBom(head.subarray(0, head.length & ~1), { strict: false }) : null;
  if (utf16) return utf16.text;
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(head);
}
