// What a downloaded or embedded photo really is, by its first bytes, never by what a server or a file
// name claims. Only raster formats the reader can show are kept; SVG (which can carry script and
// outside references) and everything else are refused.
import { imageSize } from 'image-size';

export type ImageExtension = 'jpg' | 'png' | 'gif' | 'webp' | 'avif';

export interface SniffedImage {
  ext: ImageExtension;
  mediaType: string;
  width: number | null;
  height: number | null;
}

export const MEDIA_TYPES: Readonly<Record<ImageExtension, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** Why some bytes are not a photo the library keeps. */
export type ImageRefusal = 'not-an-image' | 'svg' | 'empty';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function formatOf(bytes: Uint8Array): ImageExtension | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  // ISO-BMFF: a box of type "ftyp" whose major brand (or a compatible one) is avif/avis.
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = Math.min(bytes.length, ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, 256);
    for (let at = 8; at + 4 <= boxSize; at += 4) {
      const brand = ascii(bytes, at, at + 4);
      if (brand === 'avif' || brand === 'avis') return 'avif';
    }
  }
  return null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.includes('<!doctype svg');
}

/** The photo's format and size, or why it is refused. */
export function sniffImage(bytes: Uint8Array): SniffedImage | { refused: ImageRefusal } {
  if (bytes.byteLength === 0) return { refused: 'empty' };
  const ext = formatOf(bytes);
  if (!ext) return { refused: looksLikeSvg(bytes) ? 'svg' : 'not-an-image' };
  let width: number | null = null;
  let height: number | null = null;
  try {
    const size = imageSize(bytes);
    width = size.width ?? null;
    height = size.height ?? null;
  } catch {
    // A truncated header still names its format; its size is simply not known.
  }
  return { ext, mediaType: MEDIA_TYPES[ext], width, height };
}
