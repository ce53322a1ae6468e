// Downloads and keeps the photos an article's figure blocks name, before the article is committed.
// Every photo goes through the same polite fetch as pages (http(s) only, every redirect hop's address
// checked, time and size limits), a saved page's own photos are read only from its folder, and what
// is kept is decided by the bytes (the store sniffs them). A photo that cannot be kept never fails its
// article: the figure keeps its alt text and caption, and the report says why.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageSize } from 'image-size';
import type { ArticleDraft, Block, ImportFailure } from '../library/model.ts';
import type { PhotoReport } from '../contract/import-report.ts';
import { DEFAULT_MAX_ARTICLE_PHOTO_BYTES, DEFAULT_MAX_PHOTO_BYTES, DEFAULT_MAX_PHOTOS_PER_ARTICLE } from './figure-pieces.ts';
import { describeImportFailure } from './import-failure.ts';
import { ImportInputError, tooLargeError } from './import-types.ts';
import { parseFailureOf } from './parse-messages.ts';
import { fetchResource } from './url-fetch.ts';

/** Where photos are kept: the library's image store satisfies it (library/image-store.ts). */
export interface ImageSink {
  storeImage(bytes: Uint8Array, mediaType?: string): { ref: string; width: number | null; height: number | null };
  /** Lets garbage collection have photos this import stored, once their articles are committed. */
  release(refs: Iterable<string>): void;
}

export { DEFAULT_MAX_ARTICLE_PHOTO_BYTES, DEFAULT_MAX_PHOTO_BYTES, DEFAULT_MAX_PHOTOS_PER_ARTICLE };
/** A photo this small on a side, once its real size is known, is a tracking pixel or a spacer. */
const MIN_KEPT_SIDE = 16;
const PHOTOS_AT_ONCE = 4;

export interface PhotoOptions {
  sink: ImageSink;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxPhotoBytes?: number;
  maxPhotos?: number;
  maxArticleBytes?: number;
  /** Only for tests' own loopback servers. */
  allowPrivateAddresses?: boolean;
  userAgent?: string;
}

/** Where the article came from, which decides what its photos may reach. */
export interface PhotoContext {
  /** The local host the person typed for the article (its photos may come from that host only). */
  typedHost: string | null;
  signal?: AbortSignal;
}

/** Whether the image's header says it is a tracking pixel or a spacer (the store still sniffs what it keeps). */
function isPixel(bytes: Uint8Array): boolean {
  try {
    const { width, height } = imageSize(bytes);
    return (width !== undefined && width < MIN_KEPT_SIDE) || (height !== undefined && height < MIN_KEPT_SIDE);
  } catch {
    return false;
  }
}

class PhotoFailure extends Error {
  readonly reason: ImportFailure;

  constructor(reason: ImportFailure) {
    super(describeImportFailure(reason));
    this.reason = reason;
  }
}

function decodeDataUri(uri: string, maxBytes: number): Uint8Array {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(uri);
  if (!match) throw new PhotoFailure({ kind: 'invalid-url' });
  const payload = match[3]!;
  const bytes = match[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  if (bytes.byteLength > maxBytes) throw new PhotoFailure({ kind: 'too-large', maxBytes });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A saved page's photo: a regular file inside the page's own folder (links followed, then checked). */
async function readBesidePage(fileUrl: string, pagePath: string, maxBytes: number): Promise<Uint8Array> {
  let real: string;
  let folder: string;
  try {
    real = await realpath(fileURLToPath(fileUrl));
    folder = await realpath(dirname(pagePath));
  } catch {
    throw new PhotoFailure({ kind: 'missing' });
  }
  if (!real.startsWith(folder + sep)) throw new PhotoFailure({ kind: 'photo-outside-folder' });
  const handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new PhotoFailure({ kind: 'photo-outside-folder' });
    if (info.size > maxBytes) throw new PhotoFailure({ kind: 'too-large', maxBytes });
    const bytes = new Uint8Array(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * One import's (or one refresh's) photos. Each article's photos are fetched a few at a time; what is
 * stored stays held from garbage collection until `release()`, called once the articles are committed.
 */
export class PhotoDownloads {
  readonly #options: PhotoOptions;
  readonly #stored: string[] = [];

  constructor(options: PhotoOptions) {
    this.#options = options;
  }

  /** The draft with its figures' photos kept (or marked unavailable), and what happened to each photo. */
  async attach(draft: ArticleDraft, context: PhotoContext): Promise<{ draft: ArticleDraft; photos: PhotoReport | null }> {
    const sources = draft.imageSources ?? [];
    const { imageSources: _sources, ...rest } = draft;
    if (sources.length === 0) return { draft: rest, photos: null };
    const maxPhotos = this.#options.maxPhotos ?? DEFAULT_MAX_PHOTOS_PER_ARTICLE;
    const maxArticleBytes = this.#options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_PHOTO_BYTES;
    const blocks: (Block | null)[] = draft.blocks.map((block) => (block.figure ? { ...block, figure: { ...block.figure } } : block));
    const report: PhotoReport = { kept: 0, failed: [] };
    let bytesSoFar = 0;
    const fail = (url: string, reason: ImportFailure): void => {
      report.failed.push({ url: url.startsWith('data:') ? `${url.slice(0, 40)}…` : url, error: describeImportFailure(reason), reason });
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < sources.length) {
        const { block: index, url } = sources[next++]!;
        const block = blocks[index];
        if (!block?.figure) continue;
        if (context.signal?.aborted) return;
        if (report.kept >= maxPhotos) {
          fail(url, { kind: 'photo-limit', maxPhotos, maxBytes: maxArticleBytes });
          continue;
        }
        try {
          const budget = Math.min(this.#options.maxPhotoBytes ?? DEFAULT_MAX_PHOTO_BYTES, maxArticleBytes - bytesSoFar);
          if (budget <= 0) throw new PhotoFailure({ kind: 'photo-limit', maxPhotos, maxBytes: maxArticleBytes });
          const { bytes, mediaType } = await this.#read(url, draft.origin, budget, context);
          if (report.kept >= maxPhotos || bytesSoFar + bytes.byteLength > maxArticleBytes) throw new PhotoFailure({ kind: 'photo-limit', maxPhotos, maxBytes: maxArticleBytes });
          if (isPixel(bytes)) {
            // A pixel, now that its real size is known: not a photo of the story, and not kept.
            blocks[index] = null;
            continue;
          }
          const stored = this.#store(bytes, mediaType);
          bytesSoFar += bytes.byteLength;
          report.kept++;
          block.figure = {
            ...block.figure,
            image: stored.ref,
            ...(stored.width ? { width: stored.width } : {}),
            ...(stored.height ? { height: stored.height } : {}),
          };
        } catch (error) {
          fail(url, error instanceof PhotoFailure || error instanceof ImportInputError ? error.reason : parseFailureOf(error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PHOTOS_AT_ONCE, sources.length) }, worker));
    return { draft: { ...rest, blocks: blocks.filter((block): block is Block => block !== null) }, photos: report };
  }

  #store(bytes: Uint8Array, mediaType: string | undefined): { ref: string; width: number | null; height: number | null } {
    try {
      const stored = this.#options.sink.storeImage(bytes, mediaType);
      this.#stored.push(stored.ref);
      return stored;
    } catch (error) {
      const refusal = (error as { refusal?: unknown }).refusal;
      if (refusal === 'svg' || refusal === 'empty' || refusal === 'not-an-image') throw new PhotoFailure({ kind: 'not-an-image', cause: refusal });
      throw error;
    }
  }

  async #read(url: string, origin: string, maxBytes: number, context: PhotoContext): Promise<{ bytes: Uint8Array; mediaType?: string }> {
    if (url.startsWith('data:')) return { bytes: decodeDataUri(url, maxBytes) };
    if (url.startsWith('file:')) {
      // Only a page saved on this computer may name files on it.
      if (!isAbsolute(origin)) throw new PhotoFailure({ kind: 'not-http' });
      return { bytes: await readBesidePage(url, origin, maxBytes) };
    }
    if (!/^https?:/i.test(url)) throw new PhotoFailure({ kind: 'not-http' });
    const fetched = await fetchResource(url, {
      fetch: this.#options.fetch,
      signal: context.signal,
      timeoutMs: this.#options.timeoutMs,
      maxBytes,
      allowPrivateAddresses: this.#options.allowPrivateAddresses,
      typedHost: context.typedHost,
      headers: {
        accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1',
        ...(this.#options.userAgent ? { 'user-agent': this.#options.userAgent } : {}),
      },
    });
    if (fetched.bytes.byteLength > maxBytes) throw tooLargeError(maxBytes);
    return { bytes: fetched.bytes, mediaType: fetched.contentType };
  }

  /** Everything this import stored may now be collected when no article names it. */
  release(): void {
    this.#options.sink.release(this.#stored.splice(0));
  }
}
