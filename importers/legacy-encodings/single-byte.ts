// The byte-per-character Vietnamese code pages: TCVN3 (TCVN 5712:1993, the "ABC" fonts), VISCII
// (RFC 1456) and Windows-1258. Their tables come from iconv-lite, whose data is generated from the
// Unicode consortium's and GNU libiconv's mapping files; Windows-1258 writes tones as combining marks
// after the letter, so every decoding is composed to NFC.
import iconv from 'iconv-lite';

export const SINGLE_BYTE_ENCODINGS = ['tcvn3', 'viscii', 'windows-1258'] as const;
export type SingleByteEncoding = (typeof SINGLE_BYTE_ENCODINGS)[number];

const ICONV_NAME: Record<SingleByteEncoding, string> = { tcvn3: 'tcvn', viscii: 'viscii', 'windows-1258': 'windows1258' };

export function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV_NAME[encoding]).normalize('NFC');
}

/** For fixtures: Windows-1258 text is written decomposed (base letter + tone byte), as Windows keyboards write it. */
export function encodeSingleByte(text: string, encoding: SingleByteEncoding): Uint8Array {
  const form = encoding === 'windows-1258' ? decomposeTones(text) : text.normalize('NFC');
  const bytes = iconv.encode(form, ICONV_NAME[encoding]);
  const back = iconv.decode(bytes, ICONV_NAME[encoding]).normalize('NFC');
  if (back !== text.normalize('NFC')) throw new RangeError(`${encoding} cannot hold all of "${text.slice(0, 40)}…"`);
  return new Uint8Array(bytes);
}

/** NFC, then each tone mark split off into its combining character (Windows-1258 has only some toned letters). */
function decomposeTones(text: string): string {
  return text.normalize('NFD').replace(/(\P{M})(\p{M}*)/gu, (_, base: string, marks: string) => {
    const tone = marks.replace(/[^\u0300\u0301\u0303\u0309\u0323]/gu, '');
    // NFC would fold the tone back into the letter when Windows-1258 has that letter precomposed.
    return (base + marks.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '')).normalize('NFC') + tone;
  });
}
