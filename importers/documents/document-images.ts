// Pictures inside a DOCX or an EPUB become figure pieces whose source is a data: URI, so that they take
// the same road as a web page's photos: a figure block, then the import's photo step (figure-images.ts)
// sniffs and keeps them in the library's image store, or says why not. Only as many as one article
// keeps are carried out of the parse worker; the others stay captions, as a web page's would.
import type { BlockPiece } from '../block-builder.ts';
import { DEFAULT_MAX_ARTICLE_PHOTO_BYTES, DEFAULT_MAX_PHOTO_BYTES, DEFAULT_MAX_PHOTOS_PER_ARTICLE } from '../figure-pieces.ts';

/** Media types by extension, for EPUB pictures whose manifest does not say (and DOCX parts mammoth cannot name). */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

export function imageTypeOfPath(path: string): string | null {
  const extension = /\.([a-z0-9]+)$/iu.exec(path)?.[1]?.toLowerCase();
  return extension ? (TYPES_BY_EXTENSION[extension] ?? null) : null;
}

/**
 * The stand-in address a picture has in the document's HTML until its figure is built: an https URL
 * (the sanitiser drops addresses of unknown schemes) on a reserved name that can never be fetched.
 */
const TOKEN_SCHEME = 'https://document-image.invalid/';

/**
 * One document's pictures. The HTML names each by a short stand-in address (the sanitiser empties
 * attribute values as long as a photo's data: URI); the figure pieces get the data: URI back after.
 */
export class DocumentImages {
  readonly #uris: string[] = [];
  #bytes = 0;

  /** The picture's stand-in address, or null once the article's share is used up (or for one too large). */
  add(bytes: Uint8Array, mediaType: string | null): string | null {
    if (bytes.byteLength === 0 || bytes.byteLength > DEFAULT_MAX_PHOTO_BYTES) return null;
    if (this.#uris.length >= DEFAULT_MAX_PHOTOS_PER_ARTICLE || this.#bytes + bytes.byteLength > DEFAULT_MAX_ARTICLE_PHOTO_BYTES) return null;
    this.#bytes += bytes.byteLength;
    // The store decides what the bytes are; a type that is not an image's is only a hint left out.
    const type = mediaType && /^image\/[\w.+-]+$/iu.test(mediaType) ? mediaType : 'application/octet-stream';
    this.#uris.push(`data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`);
    return `${TOKEN_SCHEME}${this.#uris.length - 1}`;
  }

  /** Whether `src` is one of this document's stand-in addresses. */
  owns(src: string): boolean {
    return src.startsWith(TOKEN_SCHEME);
  }

  /** The pieces with each figure's stand-in address replaced by its picture; figures of other addresses are dropped. */
  resolve(pieces: readonly BlockPiece[]): BlockPiece[] {
    return pieces.flatMap((piece) => {
      if (!piece.figure) return [piece];
      const index = piece.figure.source.startsWith(TOKEN_SCHEME) ? Number(piece.figure.source.slice(TOKEN_SCHEME.length)) : NaN;
      const uri = this.#uris[index];
      return uri ? [{ ...piece, figure: { ...piece.figure, source: uri } }] : [];
    });
  }
}
