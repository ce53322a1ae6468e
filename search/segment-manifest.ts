// The list of live segments and how far they have indexed the library. Segment files are immutable;
// a change writes new ones first and this manifest last (temp file, fsync, rename), so a crash at any
// moment leaves the previous manifest and every segment it names intact.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FORMAT } from './index-file.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface SegmentEntry {
  file: string;
  documents: number;
  checksum: number;
}

export interface SegmentManifest {
  format: number;
  /** The library's change sequence number up to which every change is in these segments. */
  seq: number;
  /** Oldest first; a document in a newer segment hides its copies in older ones. */
  segments: SegmentEntry[];
  /** Removed from the library since the oldest segment was written. */
  removed: string[];
  /** Who wrote it: a process that finds someone else's manifest on disk stops writing (see NOTES). */
  writer: string;
}

export function readManifest(dir: string): SegmentManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as SegmentManifest;
    const valid =
      manifest.format === INDEX_FORMAT &&
      Number.isInteger(manifest.seq) &&
      Array.isArray(manifest.segments) &&
      manifest.segments.every((s) => typeof s.file === 'string' && /^[\w.-]+\.seg$/.test(s.file) && Number.isInteger(s.documents) && typeof s.checksum === 'number') &&
      Array.isArray(manifest.removed) &&
      typeof manifest.writer === 'string';
    return valid ? manifest : null;
  } catch {
    return null;
  }
}

export function writeManifest(dir: string, manifest: SegmentManifest): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, MANIFEST_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(manifest));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // The rename itself is durable only once the directory is synced.
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
  }
}

/**
 * Deletes index files no manifest names: segments superseded by a merge, temp files of a killed
 * writer, the previous layout's main.idx/delta.idx. Files younger than `minAgeMs` are left, since
 * another process may be about to name them.
 */
export function removeUnlisted(dir: string, live: ReadonlySet<string>, minAgeMs: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (name === MANIFEST_FILE || live.has(name)) continue;
    if (!/\.(seg|idx|tmp)$/.test(name)) continue;
    const path = join(dir, name);
    try {
      // The previous layout's files are nobody's any more; anything else may be another writer's.
      if (name.endsWith('.idx') || now - statSync(path).mtimeMs >= minAgeMs) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to delete.
    }
  }
}
