// NDJSON files read as a stream of records, so that a library export is never refused for its size as
// a whole: `export --photos` writes each kept original (a PDF up to 200 MB) as one base64 line, and
// the file holding it must import back. Each line is checked against the record limit on its own;
// lines are handed to the parse pool in chunks of whole lines, and the runner commits each chunk's
// records as they come, so memory holds a chunk or two, never the file.
import { closeSync, readSync } from 'node:fs';
import { MAX_PDF_IMPORT_BYTES } from '../contract/import-report.ts';
import { extensionOf } from './format-sniff.ts';
import { openRegularFile, readAsync } from './import-inputs.ts';
import { failedItem } from './import-failure.ts';
import { ImportInputError, type ParsedItem } from './import-types.ts';
import { DEFAULT_PARSE_TIMEOUT_MS, type ParsePool } from './parse-pool.ts';

/**
 * The largest line a record may be: the base64 of the largest original the app keeps (a 200 MB PDF),
 * with room for the record's other fields (its name, hash, type). A file may hold any number of them.
 */
export const MAX_NDJSON_RECORD_BYTES = Math.ceil(MAX_PDF_IMPORT_BYTES / 3) * 4 + 64 * 1024;
/** Lines are sent to a parse worker in chunks of about this size (a longer line goes alone). */
export const NDJSON_CHUNK_BYTES = 4 * 1024 * 1024;
const READ_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

export interface NdjsonStreamOptions {
  /** Per line; default MAX_NDJSON_RECORD_BYTES (tests lower it). */
  maxRecordBytes?: number;
  /** Default NDJSON_CHUNK_BYTES (tests lower it). */
  chunkBytes?: number;
  signal?: AbortSignal;
}

/** Whether a file of this name is read as a stream of records (the app's own exports are `.ndjson`). */
export function streamsRecords(name: string): boolean {
  const ext = extensionOf(name);
  return ext === 'ndjson' || ext === 'jsonl';
}

/** Whole lines of a file: `firstLine` is the 1-based number of the chunk's first line. */
type LineChunk = { kind: 'lines'; firstLine: number; bytes: Uint8Array } | { kind: 'too-long'; line: number };

/**
 * Reads a regular file in whole-line chunks. A line over `maxRecordBytes` is skipped (reported by its
 * number) without being held in memory; a chunk never splits a line, so UTF-8 is never cut in two.
 */
export async function* lineChunks(path: string, options: NdjsonStreamOptions = {}): AsyncGenerator<LineChunk> {
  const maxRecordBytes = options.maxRecordBytes ?? MAX_NDJSON_RECORD_BYTES;
  const chunkBytes = options.chunkBytes ?? NDJSON_CHUNK_BYTES;
  const { fd } = await openRegularFile(path);
  try {
    /** Whole lines waiting to be sent (from line `firstLine` on), then the line being read. */
    let lines: Buffer[] = [];
    let linesBytes = 0;
    let firstLine = 1;
    let current: Buffer[] = [];
    let currentBytes = 0;
    let tooLong = false;
    let line = 1;
    const take = (): LineChunk => {
      const chunk: LineChunk = { kind: 'lines', firstLine, bytes: new Uint8Array(Buffer.concat(lines, linesBytes)) };
      lines = [];
      linesBytes = 0;
      return chunk;
    };
    /** The current line is complete: what to send now, if anything. */
    const endLine = (): LineChunk[] => {
      const out: LineChunk[] = [];
      if (tooLong) {
        if (linesBytes > 0) out.push(take());
        out.push({ kind: 'too-long', line });
      } else {
        if (linesBytes === 0) firstLine = line;
        lines.push(...current);
        linesBytes += currentBytes;
        if (linesBytes >= chunkBytes) out.push(take());
      }
      current = [];
      currentBytes = 0;
      tooLong = false;
      line++;
      return out;
    };
    const read = Buffer.alloc(READ_BYTES);
    for (;;) {
      if (options.signal?.aborted) throw options.signal.reason;
      const { bytesRead } = await readAsync(fd, read, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      for (let at = 0; at < bytesRead; ) {
        const newline = read.indexOf(NEWLINE, at);
        const stop = newline === -1 || newline >= bytesRead ? bytesRead : newline + 1;
        // The line's own bytes (its newline not counted) against the limit; one over is dropped as it comes.
        const length = currentBytes + (stop - at) - (stop === newline + 1 ? 1 : 0);
        if (!tooLong && length > maxRecordBytes) {
          tooLong = true;
          current = [];
          currentBytes = 0;
        }
        if (!tooLong) {
          current.push(Buffer.from(read.subarray(at, stop)));
          currentBytes += stop - at;
        }
        at = stop;
        if (stop === newline + 1) yield* endLine();
      }
    }
    // The last line, when the file does not end with a newline.
    if (currentBytes > 0 || tooLong) yield* endLine();
    if (linesBytes > 0) yield take();
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file's records can be read line by line: UTF-8 (or ASCII), as the app writes them. A
 * UTF-16 file's newlines are two bytes; such a file is read whole, under the per-file limit.
 */
export async function readsAsLines(path: string): Promise<boolean> {
  let fd: number;
  try {
    ({ fd } = await openRegularFile(path));
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(4096);
    const bytes = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    return !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff) && !bytes.includes(0);
  } finally {
    closeSync(fd);
  }
}

/** Items numbered within a chunk, renumbered as the file's lines (their reports say "line N"). */
function renumber(items: readonly ParsedItem[], firstLine: number): ParsedItem[] {
  return items.map((item) => {
    const line = (item.position ?? 1) + firstLine - 1;
    return item.kind === 'failed' ? failedItem(item.reason, line, `line ${line}`) : { ...item, position: line };
  });
}

/** A chunk holding only blank lines parses to nothing (the JSON importer would call it empty). */
const blank = (bytes: Uint8Array): boolean => bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);

/**
 * The records of an NDJSON file, chunk by chunk, each chunk parsed by the JSON importer in the pool
 * (the next chunk is read and parsed while the caller commits the one before). Every record is
 * numbered by its line. Throws (`no-records`, `empty-file`) for a file without any.
 */
export async function* streamRecords(path: string, pool: ParsePool, options: NdjsonStreamOptions & { timeoutMs?: number } = {}): AsyncGenerator<ParsedItem[]> {
  const maxRecordBytes = options.maxRecordBytes ?? MAX_NDJSON_RECORD_BYTES;
  const parse = async (chunk: LineChunk): Promise<ParsedItem[]> => {
    if (chunk.kind === 'too-long') return [failedItem({ kind: 'record-too-large', maxBytes: maxRecordBytes }, chunk.line, `line ${chunk.line}`)];
    if (blank(chunk.bytes)) return [];
    // A long line takes a while to decode and parse: the time limit grows with the chunk (2 MB/s at least).
    const timeoutMs = (options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS) + Math.ceil(chunk.bytes.byteLength / 2_000);
    const items = await pool.parse({ name: 'records.ndjson', bytes: chunk.bytes, origin: path }, 'json', { signal: options.signal, timeoutMs });
    return renumber(items, chunk.firstLine);
  };
  let records = 0;
  let bytes = 0;
  let ahead: Promise<ParsedItem[]> | null = null;
  for await (const chunk of lineChunks(path, options)) {
    bytes += chunk.kind === 'lines' ? chunk.bytes.byteLength : 1;
    const next = parse(chunk);
    // Keep one chunk parsing while the previous one is committed; no more, so memory stays at two.
    next.catch(() => {});
    if (ahead) {
      const items = await ahead;
      records += items.length;
      if (items.length) yield items;
    }
    ahead = next;
  }
  if (ahead) {
    const items = await ahead;
    records += items.length;
    if (items.length) yield items;
  }
  if (bytes === 0) throw new ImportInputError({ kind: 'empty-file' });
  if (records === 0) throw new ImportInputError({ kind: 'no-records' });
}
