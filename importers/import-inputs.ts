// What an import reads: the targets (paths, uploads, URLs) expanded into units, a folder into its
// importable files, and each unit's bytes, read within its size limit (only from regular files) or
// fetched through the URL policy. A target that cannot be read becomes a unit that says why.
import { closeSync, constants, fstatSync, openSync, read, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, resolve } from 'node:path';
import type { ImportFailure } from '../library/model.ts';
import { extensionOf } from './format-sniff.ts';
import { listImportableFiles } from './folder-walk.ts';
import { MAX_PDF_BYTES } from './documents/document-choice.ts';
import { DEFAULT_MAX_IMPORT_BYTES, ImportInputError, tooLargeError, type ImportInput, type ImportTarget } from './import-types.ts';
import { parseFailureOf } from './parse-messages.ts';

/** What fetching a URL unit takes from the import's options. */
export interface InputFetchOptions {
  fetch?: typeof fetch | undefined;
  signal?: AbortSignal | undefined;
  fetchTimeoutMs?: number | undefined;
  allowPrivateAddresses?: boolean | undefined;
}

/** One thing to read: a file, an upload or a URL — or a path that already failed while expanding. */
export type ImportUnit =
  /** `regular`: a stat just said it is a regular file (the folder walk, a path given alone). */
  | { kind: 'file'; path: string; regular: boolean }
  | { kind: 'bytes'; name: string; bytes: Uint8Array }
  | { kind: 'url'; url: string }
  | { kind: 'unusable'; label: string; reason: ImportFailure };

export function unitLabel(unit: ImportUnit): string {
  switch (unit.kind) {
    case 'file':
      return unit.path;
    case 'bytes':
      return unit.name;
    case 'url':
      return unit.url;
    case 'unusable':
      return unit.label;
  }
}

export async function expandTargets(targets: readonly ImportTarget[], signal: AbortSignal | undefined): Promise<ImportUnit[]> {
  const units: ImportUnit[] = [];
  for (const target of targets) {
    if (signal?.aborted) break;
    if (target.kind === 'url') units.push({ kind: 'url', url: target.url });
    else if (target.kind === 'bytes') units.push({ kind: 'bytes', name: target.name, bytes: target.bytes });
    else if (target.kind === 'path') {
      const path = resolve(target.path);
      try {
        const info = await stat(path);
        if (info.isDirectory()) {
          const files = await listImportableFiles(path, { signal });
          if (files.length === 0) units.push({ kind: 'unusable', label: path, reason: { kind: 'folder-without-importable-files' } });
          for (const file of files) units.push({ kind: 'file', path: file, regular: true });
        } else units.push({ kind: 'file', path, regular: info.isFile() });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason: ImportFailure = code === 'ENOENT' ? { kind: 'missing' } : code === 'EACCES' ? { kind: 'permission-denied' } : parseFailureOf(error);
        units.push({ kind: 'unusable', label: path, reason });
      }
    } else throw new TypeError(`Unknown import target ${JSON.stringify(target)}`);
  }
  return units;
}

export async function loadInput(unit: ImportUnit, options: InputFetchOptions, maxBytes: number): Promise<ImportInput> {
  switch (unit.kind) {
    case 'unusable':
      throw new ImportInputError(unit.reason);
    case 'file':
      return { name: basename(unit.path), bytes: await readRegularFile(unit.path, maxBytes, unit.regular), origin: unit.path };
    case 'bytes':
      if (unit.bytes.byteLength > maxBytes) throw tooLargeError(maxBytes);
      return { name: unit.name, bytes: unit.bytes, origin: unit.name };
    case 'url': {
      // undici loads only for URLs: a folder of files does not wait for an HTTP client.
      const { fetchResource } = await import('./url-fetch.ts');
      const fetched = await fetchResource(unit.url, {
        fetch: options.fetch,
        signal: options.signal,
        timeoutMs: options.fetchTimeoutMs,
        maxBytes,
        allowPrivateAddresses: options.allowPrivateAddresses,
      });
      return { name: fetched.name, bytes: fetched.bytes, origin: fetched.url, contentType: fetched.contentType };
    }
  }
}

/** Files up to this size are read with synchronous calls: a 10 KB article costs a few microseconds that way. */
const SYNC_READ_BYTES = 1024 * 1024;
export const readAsync = promisify(read);

/**
 * Opens a regular file for reading (its descriptor and size), refusing anything else: a FIFO would hang
 * the import and a device such as /dev/zero never ends. Checked before opening (unless a stat while
 * listing the files just said it was regular) and again on the open descriptor.
 */
export async function openRegularFile(path: string, knownRegular = false): Promise<{ fd: number; size: number }> {
  if (!knownRegular && !(await stat(path)).isFile()) throw new ImportInputError({ kind: 'not-a-regular-file' });
  // O_NONBLOCK: should the path become a FIFO after the check, opening it still returns at once.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    throw new ImportInputError({ kind: 'not-a-regular-file' });
  }
  return { fd, size: info.size };
}

/**
 * Reads a regular file, at most `maxBytes`, whatever its size claims: a FIFO would hang the import and
 * a device such as /dev/zero never ends, so anything else is refused (openRegularFile). Small files (nearly all articles)
 * are read with synchronous calls: four promise-based calls through the thread pool cost about ten
 * times the CPU (0.29 against 0.02 ms per 8 KB file), a tenth of what importing a .txt costs.
 */
async function readRegularFile(path: string, maxBytes: number, knownRegular: boolean): Promise<Uint8Array> {
  const { fd, size } = await openRegularFile(path, knownRegular);
  try {
    if (size > maxBytes) throw tooLargeError(maxBytes);
    const small = size <= SYNC_READ_BYTES;
    // One byte more than allowed tells a file that grew (or lied about its size) from one that fits.
    let buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLargeError(maxBytes);
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const bytesRead = small ? readSync(fd, buffer, length, buffer.length - length, null) : (await readAsync(fd, buffer, length, buffer.length - length, null)).bytesRead;
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLargeError(maxBytes);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    closeSync(fd);
  }
}

/** The size limit for one input: the one given, else the general one, larger for a name ending in .pdf. */
export function maxBytesFor(unit: ImportUnit, options: { maxBytes?: number | undefined }): number {
  if (options.maxBytes !== undefined) return options.maxBytes;
  return extensionOf(unitLabel(unit)) === 'pdf' ? MAX_PDF_BYTES : DEFAULT_MAX_IMPORT_BYTES;
}
