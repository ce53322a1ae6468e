import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { COMPACT_FORMAT } from './compact-index.ts';

export const INDEX_FORMAT = COMPACT_FORMAT;

export interface IndexFileHeader {
  format: number;
  generation: number;
  /** CRC-32 of the payload: it guards against torn or damaged files, not tampering, and checks hundreds of megabytes in milliseconds. */
  checksum: number;
  documents: number;
  /** What the segment needs besides its postings (a delta's base generation and removed ids). */
  extra: Record<string, unknown>;
}

/**
 * Writes a header line and the binary payload to a temp file, fsyncs it and renames it over the old
 * one, so a crash at any moment leaves either the previous index or the new one, never a torn file.
 */
export function writeIndexFile(path: string, generation: number, documents: number, payload: Uint8Array, extra: Record<string, unknown> = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const header: IndexFileHeader = {
    format: INDEX_FORMAT,
    generation,
    documents,
    checksum: crc32(payload),
    extra,
  };
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      // Padded so the payload starts 8-byte aligned and its arrays can be read in place.
      const line = Buffer.from(JSON.stringify(header));
      const head = Buffer.alloc(Math.ceil((line.length + 1) / 8) * 8, ' ');
      line.copy(head);
      head[head.length - 1] = 0x0a;
      writeSync(fd, head);
      writeSync(fd, payload);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    // A full disk must not leave a zero-byte temp file behind on every retry.
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes temp files a crashed or disk-full write left in the library's index folder (not those of a live writer). */
export function removeStaleIndexTemps(libraryDir: string): void {
  const folder = join(libraryDir, 'search-index');
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /\.(\d+)\.tmp$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && processRuns(pid)) continue;
    rmSync(join(folder, name), { force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The header and payload, or null when the file is missing, of another format, truncated or corrupt. */
export function readIndexFile(path: string): { header: IndexFileHeader; payload: Uint8Array } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as IndexFileHeader;
    const payload = bytes.subarray(newline + 1);
    if (header.format !== INDEX_FORMAT) return null;
    if (crc32(payload) !== header.checksum) return null;
    return { header, payload };
  } catch {
    return null;
  }
}
