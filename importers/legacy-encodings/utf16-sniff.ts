// UTF-16 without a byte order mark. Text in UTF-16 has a NUL in the high byte of every ASCII character
// (letters, digits, spaces), so NULs crowd one byte position of each pair and are rare in the other;
// binary files scatter them over both.

const SAMPLE_BYTES = 65_536;

/** Share of characters that are letters, marks, digits, punctuation or white space. */
function textLikeShare(text: string): number {
  const sample = text.slice(0, SAMPLE_BYTES / 2);
  if (sample.length === 0) return 0;
  const textLike = sample.match(/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\t\n\r\f]/gu)?.length ?? 0;
  return textLike / sample.length;
}

/**
 * The bytes decoded as UTF-16 LE or BE when they clearly are, else null. `strict: false` tolerates a
 * sample cut inside a character (for format sniffing).
 */
export function utf16WithoutBom(bytes: Uint8Array, options: { strict?: boolean } = {}): { name: 'utf-16le' | 'utf-16be'; text: string } | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(length / 2);
  // Decomposed Vietnamese (U+0300 grave) and a few letters put NULs on the low side too, never many.
  const name = oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.1 ? 'utf-16le' : evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.1 ? 'utf-16be' : null;
  if (!name) return null;
  let text: string;
  try {
    text = new TextDecoder(name, { fatal: options.strict ?? true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes('\u0000') || textLikeShare(text) < 0.95) return null;
  return { name, text };
}
