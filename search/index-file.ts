import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const INDEX_FORMAT = 1;

export interface IndexFileHeader {
  format: number;
  generation: number;
  checksum: string;
  documents: number;
}

/**
 * Writes header + payload to a temp file, fsyncs it and renames it over the old one, so a crash at any
 * moment leaves either the previous index or the new one, never a torn file.
 */
export function writeIndexFile(path: string, generation: number, documents: number, payload: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const header: IndexFileHeader = {
    format: INDEX_FORMAT,
    generation,
    documents,
    checksum: createHash('sha256').update(payload).digest('hex'),
  };
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(header)}\n`);
    writeSync(fd, payload);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** The header and payload, or null when the file is missing, of another format, truncated or corrupt. */
export function readIndexFile(path: string): { header: IndexFileHeader; payload: string } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  try {
    const header = JSON.parse(text.slice(0, newline)) as IndexFileHeader;
    const payload = text.slice(newline + 1);
    if (header.format !== INDEX_FORMAT) return null;
    if (createHash('sha256').update(payload).digest('hex') !== header.checksum) return null;
    return { header, payload };
  } catch {
    return null;
  }
}
