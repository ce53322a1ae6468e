// Bytes to text. Strict on purpose: a wrongly decoded article is worse than a clear refusal.
import { ImportInputError } from './import-types.ts';

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
}

/**
 * Decodes UTF-8 (BOM stripped) and UTF-16 LE/BE with a BOM. Rejects binary data (NUL bytes, many control
 * characters) and bytes that are not valid UTF-8, unless a legacy charset was declared for them.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = decodeStrict('utf-16le', bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = decodeStrict('utf-16be', bytes.subarray(2));
  else {
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    // UTF-16 without a BOM, images, archives and PDFs all contain NUL bytes; text never does.
    if (body.includes(0)) throw new ImportInputError({ kind: 'binary', cause: 'nul-bytes' });
    const declared = options.declaredCharset?.trim().toLowerCase();
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch (error) {
      if (declared && !/^utf-?8$/.test(declared) && isSupportedLegacyLabel(declared)) {
        text = new TextDecoder(declared).decode(body);
      } else {
        throw new ImportInputError({ kind: 'not-utf8' }, { cause: error });
      }
    }
  }
  if (text.includes('\u0000') || controlCharRatio(text) > 0.05) {
    throw new ImportInputError({ kind: 'binary', cause: 'control-characters' });
  }
  return text;
}

/** Best-effort decode of the first bytes, for sniffing the format; never throws. */
export function sniffText(bytes: Uint8Array, length = 2048): string {
  const head = bytes.subarray(0, length);
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(head);
}
