// Runs a batch: expands folders, reads/fetches each input, parses it, commits each article on its own.
// Bad input is reported per file or per record and never stops the batch.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AddResult, ImportFailure, ImportProgress, ImportReport } from '../library/model.ts';
import { extensionOf, sniffDeclaredEntities, sniffFeed } from './format-sniff.ts';
import { IMPORTABLE_EXTENSIONS, listImportableFiles } from './folder-walk.ts';
import { IMPORTERS, selectImporter } from './importer-registry.ts';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  ImportInputError,
  tooLargeError,
  type ImportInput,
  type Importer,
  type ImportSink,
  type ImportTarget,
  type ParsedItem,
} from './import-types.ts';
import { describeImportFailure } from './import-failure.ts';
import { parseFailureOf } from './parse-messages.ts';
import { sharedParsePool, type ParsePool } from './parse-pool.ts';
import { txtImporter } from './txt-importer.ts';
import { fetchResource } from './url-fetch.ts';
import { isDiskFull } from '../contract/errors.ts';
import type { TextEncodingName } from '../contract/text-encodings.ts';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  jobId?: string;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per input; default 50 MB. Checked before a file is read. */
  maxBytes?: number;
  /** Per URL; default 20 s. */
  fetchTimeoutMs?: number;
  /** Only for tests' own loopback servers: see FetchOptions.allowPrivateAddresses. */
  allowPrivateAddresses?: boolean;
  /** Injected importers (tests) parse on the calling thread; the built-in ones in the parse pool. */
  importers?: readonly Importer[];
  /** Where built-in importers parse; default the process's shared pool. */
  parsePool?: ParsePool;
  /** The encoding the user chose for every file; detected per file without it. */
  encoding?: TextEncodingName;
  /** Per file, in the pool; default 20 s. A file that takes longer is reported and its worker replaced. */
  parseTimeoutMs?: number;
}

/** One thing to read: a file, an upload or a URL — or a path that already failed while expanding. */
type ImportUnit =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array }
  | { kind: 'url'; url: string }
  | { kind: 'unusable'; label: string; reason: ImportFailure };

function unitLabel(unit: ImportUnit): string {
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

const failureOf = parseFailureOf;

function failed(path: string, reason: ImportFailure): ImportReport['failed'][number] {
  return { path, error: describeImportFailure(reason), reason };
}

async function expandTargets(targets: readonly ImportTarget[], signal: AbortSignal | undefined): Promise<ImportUnit[]> {
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
          for (const file of files) units.push({ kind: 'file', path: file });
        } else units.push({ kind: 'file', path });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason: ImportFailure = code === 'ENOENT' ? { kind: 'missing' } : code === 'EACCES' ? { kind: 'permission-denied' } : failureOf(error);
        units.push({ kind: 'unusable', label: path, reason });
      }
    } else throw new TypeError(`Unknown import target ${JSON.stringify(target)}`);
  }
  return units;
}

async function loadInput(unit: ImportUnit, options: ImportOptions, maxBytes: number): Promise<ImportInput> {
  switch (unit.kind) {
    case 'unusable':
      throw new ImportInputError(unit.reason);
    case 'file':
      return { name: basename(unit.path), bytes: await readRegularFile(unit.path, maxBytes), origin: unit.path };
    case 'bytes':
      if (unit.bytes.byteLength > maxBytes) throw tooLargeError(maxBytes);
      return { name: unit.name, bytes: unit.bytes, origin: unit.name };
    case 'url': {
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

/**
 * Reads a regular file, at most `maxBytes`, whatever its size claims: a FIFO would hang the import and
 * a device such as /dev/zero never ends, so anything else is refused before and after opening.
 */
async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  if (!(await stat(path)).isFile()) throw new ImportInputError({ kind: 'not-a-regular-file' });
  // O_NONBLOCK: should the path become a FIFO after the check, opening it still returns at once.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ImportInputError({ kind: 'not-a-regular-file' });
    if (info.size > maxBytes) throw tooLargeError(maxBytes);
    // One byte more than allowed tells a file that grew (or lied about its size) from one that fits.
    let buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLargeError(maxBytes);
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLargeError(maxBytes);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await handle.close();
  }
}

function unsupportedReason(input: ImportInput): ImportFailure {
  const ext = extensionOf(input.name);
  if (sniffDeclaredEntities(input)) return { kind: 'xml-entities' };
  if (ext === 'xml' && !sniffFeed(input)) return { kind: 'xml-not-a-feed' };
  if (ext && !IMPORTABLE_EXTENSIONS.has(ext)) return { kind: 'unsupported-type', extension: ext };
  return { kind: 'unrecognised-format' };
}

async function parseUnit(unit: ImportUnit, options: ImportOptions, maxBytes: number): Promise<ParsedItem[]> {
  const loaded = await loadInput(unit, options, maxBytes);
  const input: ImportInput = options.encoding ? { ...loaded, encoding: options.encoding } : loaded;
  if (input.bytes.byteLength === 0) throw new ImportInputError({ kind: 'empty-file' });
  const importer = selectImporter(input, options.importers ?? IMPORTERS);
  if (!importer) throw new ImportInputError(unsupportedReason(input));
  // Parsers can take minutes on hostile input; in a worker they cannot block the host, and are stopped.
  // Plain text is decoded and split in linear time, faster than a round trip to a worker.
  if (!IMPORTERS.includes(importer) || importer === txtImporter) return importer.parse(input);
  const pool = options.parsePool ?? sharedParsePool();
  return pool.parse(input, importer.id, { signal: options.signal, timeoutMs: options.parseTimeoutMs });
}

type ParseOutcome = { items: ParsedItem[] } | { error: unknown };

/**
 * Seconds left at the pace so far; null before the first file is done. The first file also waits for
 * the parse workers to start, so once there is a second, the pace is taken from the first one on.
 */
function estimateSecondsLeft(startedAt: number, firstDoneAt: number | null, done: number, total: number): number | null {
  if (done === 0) return null;
  if (done >= total) return 0;
  const now = performance.now();
  const perFile = done >= 2 && firstDoneAt !== null ? (now - firstDoneAt) / (done - 1) : (now - startedAt) / done;
  return Math.ceil((perFile * (total - done)) / 1000);
}

function commit(item: Exclude<ParsedItem, { kind: 'failed' }>, sink: ImportSink): { result: AddResult | null; title: string } {
  switch (item.kind) {
    case 'draft':
      return { result: sink.addArticle(item.draft), title: item.draft.title };
    case 'restore':
      return { result: sink.restoreArticle(item.record), title: item.record.title };
    case 'other': {
      if (!sink.restoreOther) throw new ImportInputError({ kind: 'unsupported-record-type', type: item.record.type });
      const title = typeof item.record['title'] === 'string' ? item.record['title'] : item.record.type;
      return { result: sink.restoreOther(item.record), title };
    }
  }
}

export async function runImport(targets: ImportTarget[], sink: ImportSink, options: ImportOptions = {}): Promise<ImportReport> {
  const { signal, onProgress } = options;
  const jobId = options.jobId ?? randomUUID();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const report: ImportReport = { imported: [], duplicates: [], failed: [], cancelled: false };

  const units = await expandTargets(targets, signal);
  const total = units.length;
  const startedAt = performance.now();
  let firstDoneAt: number | null = null;
  const progress = (done: number, current: string | null): void => {
    if (done === 1) firstDoneAt = performance.now();
    onProgress?.({ jobId, done, total, current, failures: report.failed.length, secondsLeft: estimateSecondsLeft(startedAt, firstDoneAt, done, total) });
  };
  progress(0, units[0] ? unitLabel(units[0]) : null);

  // Files parse ahead in the pool while the ones before them are committed, in order, on this thread.
  // Enough ahead that a result is waiting whenever this thread is ready to commit it, even on a busy machine.
  const ahead = 2 * (options.parsePool ?? sharedParsePool()).size + 1;
  const parsing: (Promise<ParseOutcome> | undefined)[] = [];
  const startParsing = (index: number): void => {
    parsing[index] ??= parseUnit(units[index]!, options, maxBytes).then(
      (items) => ({ items }),
      (error: unknown) => ({ error }),
    );
  };

  for (let index = 0; index < units.length && !report.cancelled; index++) {
    if (signal?.aborted) break;
    for (let next = index; next < Math.min(units.length, index + ahead); next++) startParsing(next);
    const label = unitLabel(units[index]!);
    const outcome = await parsing[index]!;
    parsing[index] = undefined;
    let items: ParsedItem[] = [];
    if ('items' in outcome) items = outcome.items;
    else {
      // An abort while fetching or parsing is the user cancelling, not a broken input.
      if (signal?.aborted) break;
      report.failed.push(failed(label, failureOf(outcome.error)));
    }

    for (const [position, item] of items.entries()) {
      if (signal?.aborted) {
        report.cancelled = true;
        break;
      }
      const path = items.length > 1 ? `${label}#${item.position ?? position + 1}` : label;
      if (item.kind === 'failed') {
        report.failed.push({ path, error: item.error, reason: item.reason });
        continue;
      }
      try {
        const { result, title } = commit(item, sink);
        const encoding = item.encoding ? { encoding: item.encoding } : {};
        if (result?.status === 'imported') report.imported.push({ id: result.id, title, path, ...encoding });
        else if (result?.status === 'updated') report.imported.push({ id: result.id, title, path, updated: true, ...encoding });
        else if (result?.status === 'duplicate') report.duplicates.push({ path, id: result.id, ...encoding });
      } catch (error) {
        // The sink refused this one article (constraint, disk…); the others still go in.
        const reason: ImportFailure =
          error instanceof ImportInputError
            ? error.reason
            : isDiskFull(error)
              ? { kind: 'disk-full' }
              : { kind: 'save-failed', detail: error instanceof Error ? error.message : String(error) };
        report.failed.push(failed(path, reason));
      }
    }
    progress(index + 1, units[index + 1] ? unitLabel(units[index + 1]!) : null);
    // Parsing is CPU-bound; let a cancel request (IPC, HTTP) arrive between files.
    await nextTurn();
  }
  if (signal?.aborted) report.cancelled = true;
  return report;
}
