// Runs an import: expands folders and reads or fetches each input (import-inputs.ts), parses it
// ahead in the parse pool, and commits the articles in batches (import-commit.ts), reporting
// progress as it goes. Bad input is reported per file or per record and never stops the batch.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportFailure, ImportProgress, ImportReport } from '../library/model.ts';
import { extensionOf, sniffDeclaredEntities, sniffFeed } from './format-sniff.ts';
import { IMPORTABLE_EXTENSIONS } from './folder-walk.ts';
import { chooseImporterId } from './importer-choice.ts';
import { DOCUMENT_IMPORTER_IDS, DOCUMENT_MEDIA_TYPES, DOCUMENT_PARSE_TIMEOUT_MS } from './documents/document-choice.ts';
import { ImportInputError, type ImportInput, type Importer, type ImportSink, type ImportTarget, type ParsedItem, type ParseProgress } from './import-types.ts';
import { commitBatch, type ParsedUnit } from './import-commit.ts';
import { expandTargets, loadInput, maxBytesFor, unitLabel, type ImportUnit } from './import-inputs.ts';
import { parseFailureOf } from './parse-messages.ts';
import { readsAsLines, streamRecords, streamsRecords, type NdjsonStreamOptions } from './ndjson-stream.ts';
import { sharedParsePool, type ParsePool } from './parse-pool.ts';
import { txtImporter } from './txt-importer.ts';
import { directlyTypedHost } from './address-policy.ts';
import type { PhotoDownloads } from './figure-images.ts';
import type { TextEncodingName } from '../contract/text-encodings.ts';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  jobId?: string;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per input; default 50 MB (PDFs 200 MB). Checked before a file is read. */
  maxBytes?: number;
  /** Per URL; default 20 s. */
  fetchTimeoutMs?: number;
  /** Only for tests' own loopback servers: see FetchOptions.allowPrivateAddresses. */
  allowPrivateAddresses?: boolean;
  /** Instead of the built-in importers (tests): the first that accepts an input parses it, on the calling thread. */
  importers?: readonly Importer[];
  /** Where built-in importers parse; default the process's shared pool. */
  parsePool?: ParsePool;
  /** The encoding the user chose for every file; detected per file without it. */
  encoding?: TextEncodingName;
  /** Per file, in the pool; default 20 s (PDF, DOCX, EPUB 120 s). A file that takes longer is reported and its worker replaced. */
  parseTimeoutMs?: number;
  /** Articles per commit when the sink commits in batches; default DEFAULT_BATCH_ARTICLES. */
  batchArticles?: number;
  /** A batch is committed once its first file waited this long; default DEFAULT_BATCH_MS. */
  batchMs?: number;
  /** Keeps the photos the articles name; without it figures are stored without their photos. */
  photos?: PhotoDownloads;
  /** NDJSON files are read as streams of records: the limit per record and the chunk size (tests lower them). */
  ndjson?: Pick<NdjsonStreamOptions, 'maxRecordBytes' | 'chunkBytes'>;
}

function unsupportedReason(input: ImportInput): ImportFailure {
  const ext = extensionOf(input.name);
  if (sniffDeclaredEntities(input)) return { kind: 'xml-entities' };
  if (ext === 'xml' && !sniffFeed(input)) return { kind: 'xml-not-a-feed' };
  if (ext && !IMPORTABLE_EXTENSIONS.has(ext)) return { kind: 'unsupported-type', extension: ext };
  return { kind: 'unrecognised-format' };
}

/** Each article's photos, fetched (or read beside a saved page) and stored before it is committed. */
async function withPhotos(items: ParsedItem[], unit: ImportUnit, options: ImportOptions): Promise<ParsedItem[]> {
  const typedHost = unit.kind === 'url' ? directlyTypedHost(unit.url) : null;
  const out: ParsedItem[] = [];
  for (const item of items) {
    if (item.kind !== 'draft' || !item.draft.imageSources) {
      out.push(item);
      continue;
    }
    if (!options.photos) {
      const { imageSources: _unused, ...draft } = item.draft;
      out.push({ ...item, draft });
      continue;
    }
    const { draft, photos } = await options.photos.attach(item.draft, { typedHost, signal: options.signal });
    out.push(photos ? { ...item, draft, photos } : { ...item, draft });
  }
  return out;
}

type PageListener = (progress: ParseProgress) => void;

async function parseUnit(unit: ImportUnit, options: ImportOptions, onPages: PageListener): Promise<ParsedItem[] | AsyncIterable<ParsedItem[]>> {
  if (unit.kind === 'file' && (await readsRecords(unit.path, options))) return recordsOf(unit, options);
  return withPhotos(await parseItems(unit, options, onPages), unit, options);
}

/** An NDJSON file (a library export holding a 200 MB PDF's base64, say) is read record by record, not whole. */
async function readsRecords(path: string, options: ImportOptions): Promise<boolean> {
  if (options.importers || (options.encoding && options.encoding !== 'utf-8')) return false;
  return streamsRecords(path) && (await readsAsLines(path));
}

async function* recordsOf(unit: Extract<ImportUnit, { kind: 'file' }>, options: ImportOptions): AsyncGenerator<ParsedItem[]> {
  const pool = options.parsePool ?? sharedParsePool();
  const stream = streamRecords(unit.path, pool, { ...options.ndjson, ...(options.signal ? { signal: options.signal } : {}), ...(options.parseTimeoutMs ? { timeoutMs: options.parseTimeoutMs } : {}) });
  for await (const items of stream) yield await withPhotos(items, unit, options);
}

async function parseItems(unit: ImportUnit, options: ImportOptions, onPages: PageListener): Promise<ParsedItem[]> {
  const loaded = await loadInput(unit, options, maxBytesFor(unit, options));
  const input: ImportInput = options.encoding ? { ...loaded, encoding: options.encoding } : loaded;
  if (input.bytes.byteLength === 0) throw new ImportInputError({ kind: 'empty-file' });
  if (options.importers) {
    const injected = options.importers.find((importer) => importer.accepts(input));
    if (!injected) throw new ImportInputError(unsupportedReason(input));
    return injected.parse(input, { onProgress: onPages });
  }
  const importerId = chooseImporterId(input);
  if (!importerId) throw new ImportInputError(unsupportedReason(input));
  // Plain text is decoded and split in linear time, faster than a round trip to a worker.
  if (importerId === txtImporter.id) return txtImporter.parse(input);
  // Parsers can take minutes on hostile input; in a worker they cannot block the host, and are stopped.
  const pool = options.parsePool ?? sharedParsePool();
  if (!DOCUMENT_IMPORTER_IDS.has(importerId)) return pool.parse(input, importerId, { signal: options.signal, timeoutMs: options.parseTimeoutMs });
  const items = await pool.parse(input, importerId, { signal: options.signal, timeoutMs: options.parseTimeoutMs ?? DOCUMENT_PARSE_TIMEOUT_MS, onProgress: onPages });
  // The document itself is kept beside its article; the bytes never went back and forth to the worker.
  const mediaType = DOCUMENT_MEDIA_TYPES[importerId];
  if (!mediaType) return items;
  const original = { bytes: input.bytes, mediaType, name: input.name };
  return items.map((item) => (item.kind === 'draft' ? { ...item, original } : item));
}

type ParseOutcome = { items: ParsedItem[] } | { records: AsyncIterable<ParsedItem[]> } | { error: unknown };

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

/** Pages read are reported at most this often (a PDF reads dozens a second); first, last and OCR pages always. */
const PAGE_PROGRESS_MS = 100;

/** A batch is committed when it holds this many articles… */
export const DEFAULT_BATCH_ARTICLES = 500;
/** …or when its first file was parsed this long ago: progress and a kill -9 never lose more than this. */
export const DEFAULT_BATCH_MS = 80;

export async function runImport(targets: ImportTarget[], sink: ImportSink, options: ImportOptions = {}): Promise<ImportReport> {
  try {
    return await importAll(targets, sink, options);
  } finally {
    // Photos stored for articles now committed (or given up) are the garbage collector's again.
    options.photos?.release();
  }
}

async function importAll(targets: ImportTarget[], sink: ImportSink, options: ImportOptions): Promise<ImportReport> {
  const { signal, onProgress } = options;
  const jobId = options.jobId ?? randomUUID();
  const report: ImportReport = { imported: [], duplicates: [], failed: [], cancelled: false };
  // A sink without batches commits each file as soon as it is parsed, as it always did.
  const batchArticles = sink.importBatch ? Math.max(1, options.batchArticles ?? DEFAULT_BATCH_ARTICLES) : 1;
  const batchMs = sink.importBatch ? (options.batchMs ?? DEFAULT_BATCH_MS) : 0;

  const units = await expandTargets(targets, signal);
  const total = units.length;
  const startedAt = performance.now();
  let firstDoneAt: number | null = null;
  let committed = 0;
  const progress = (done: number): void => {
    if (firstDoneAt === null && done > 0) firstDoneAt = performance.now();
    const next = units[done];
    onProgress?.({ jobId, done, total, current: next ? unitLabel(next) : null, failures: report.failed.length, secondsLeft: estimateSecondsLeft(startedAt, firstDoneAt, done, total) });
  };
  progress(0);
  let pagesReportedAt = -Infinity;
  /** A long document's pages, between the file counts: "page 3 of 40" of the file being parsed. */
  const pageProgress = (unit: ImportUnit, pages: ParseProgress): void => {
    const now = performance.now();
    if (!pages.ocr && pages.done !== 0 && pages.done !== pages.total && now - pagesReportedAt < PAGE_PROGRESS_MS) return;
    pagesReportedAt = now;
    const secondsLeft = estimateSecondsLeft(startedAt, firstDoneAt, committed, total);
    onProgress?.({ jobId, done: committed, total, current: unitLabel(unit), failures: report.failed.length, secondsLeft, pages: { ...pages } });
  };

  // Files are read and parsed ahead (in the pool, or here for plain text) while earlier ones wait
  // for their batch; enough ahead that a result is waiting whenever this thread is ready for it.
  const ahead = Math.max(2 * (options.parsePool ?? sharedParsePool()).size + 1, sink.importBatch ? 8 : 0);
  const parsing: (Promise<ParseOutcome> | undefined)[] = [];
  const startParsing = (index: number): void => {
    const unit = units[index]!;
    parsing[index] ??= parseUnit(unit, options, (pages) => pageProgress(unit, pages)).then(
      (items) => (Array.isArray(items) ? { items } : { records: items }),
      (error: unknown) => ({ error }),
    );
  };

  let batch: ParsedUnit[] = [];
  let batchItems = 0;
  let batchOpenedAt = 0;
  const flush = (): void => {
    const { report: part, files } = commitBatch(batch, sink, signal);
    report.imported.push(...part.imported);
    report.duplicates.push(...part.duplicates);
    report.failed.push(...part.failed);
    if (part.cancelled) report.cancelled = true;
    batch = [];
    batchItems = 0;
    if (files > 0) {
      committed += files;
      progress(committed);
    }
  };

  for (let index = 0; index < units.length && !report.cancelled; index++) {
    if (signal?.aborted) break;
    for (let next = index; next < Math.min(units.length, index + ahead); next++) startParsing(next);
    const label = unitLabel(units[index]!);
    const outcome = await parsing[index]!;
    parsing[index] = undefined;
    // An abort while fetching or parsing is the user cancelling, not a broken input.
    if ('error' in outcome && signal?.aborted) break;
    let failure = 'error' in outcome ? parseFailureOf(outcome.error) : null;
    if ('records' in outcome) {
      // A stream of records: each chunk joins the batch as it comes, committed like files are.
      try {
        for await (const items of outcome.records) {
          if (batch.length === 0) batchOpenedAt = performance.now();
          batch.push({ label, items, failure: null, part: true });
          batchItems += items.length;
          if (batchItems >= batchArticles || performance.now() - batchOpenedAt >= batchMs) {
            flush();
            await nextTurn();
          }
          if (report.cancelled || signal?.aborted) break;
        }
      } catch (error) {
        failure = parseFailureOf(error);
      }
      if (report.cancelled || signal?.aborted) break;
    }
    if (batch.length === 0) batchOpenedAt = performance.now();
    batch.push('items' in outcome ? { label, items: outcome.items, failure: null } : { label, items: [], failure });
    batchItems += 'items' in outcome ? outcome.items.length : 1;
    if (batchItems >= batchArticles || performance.now() - batchOpenedAt >= batchMs || index === units.length - 1) {
      flush();
      // Parsing is CPU-bound; let a cancel request (IPC, HTTP) arrive between batches.
      await nextTurn();
    }
  }
  // Files parsed but not yet committed when the import was cancelled are left out, as if never read.
  if (signal?.aborted) report.cancelled = true;
  return report;
}
