import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import { COMPACT_FORMAT } from './compact-index.ts';

export const INDEX_FORMAT = COMPACT_FORMAT;
// Checked a slice at a time so that verifying a 100 MB segment never holds up a query or an HTTP answer.
const VERIFY_SLICE = 8 * 1024 * 1024;

export interface IndexFileHeader {
  format: number;
  /** CRC-32 of the payload: it guards against torn or damaged files, not tampering, and checks hundreds of megabytes in milliseconds. */
  checksum: number;
  documents: number;
}

/**
 * Writes a header line and the binary payload to a temp file, fsyncs it and renames it into place,
 * so a crash at any moment leaves either no file or a whole one, never a torn one. Segment files are
 * written once and never changed; the manifest says which are live.
 */
export function writeIndexFile(path: string, documents: number, payload: Uint8Array): IndexFileHeader {
  mkdirSync(dirname(path), { recursive: true });
  const header: IndexFileHeader = { format: INDEX_FORMAT, documents, checksum: crc32(payload) };
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
  return header;
}

/**
 * Removes the temp files a crashed or disk-full write left in the library's index folder. Called when
 * a process opens the library's index, before it writes anything, and the library lock keeps every
 * other process out of the folder: so any temp file found here is left over.
 */
export function removeStaleIndexTemps(libraryDir: string): void {
  const folder = join(libraryDir, 'search-index');
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (/\.\d+\.tmp$/.test(name)) rmSync(join(folder, name), { force: true });
}

/**
 * The header and payload, read without blocking the event loop and without checking the payload yet
 * (see verifyPayload), or null when the file is missing, of another format or shorter than its header.
 */
export async function readIndexFile(path: string): Promise<{ header: IndexFileHeader; payload: Uint8Array } | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as IndexFileHeader;
    if (header.format !== INDEX_FORMAT || typeof header.checksum !== 'number') return null;
    return { header, payload: bytes.subarray(newline + 1) };
  } catch {
    return null;
  }
}

/** Whether the payload still has the checksum it was written with, checked in slices between other work. */
export async function verifyPayload(payload: Uint8Array, checksum: number): Promise<boolean> {
  let crc = 0;
  for (let at = 0; at < payload.length; at += VERIFY_SLICE) {
    crc = crc32(payload.subarray(at, at + VERIFY_SLICE), crc);
    if (at + VERIFY_SLICE < payload.length) await nextTurn();
  }
  return crc === checksum;
}
