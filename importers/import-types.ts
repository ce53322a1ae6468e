// The contract every importer follows, and what the batch runner writes into.
import type { AddResult, ArticleDraft, ExportedArticle, ImportFailure } from '../library/model.ts';
import type { OriginalFile } from '../library/original-file-store.ts';
import type { DecodedEncoding, TextEncodingName } from '../contract/text-encodings.ts';
import { MAX_IMPORT_BYTES, type ImportPageProgress, type PhotoReport } from '../contract/import-report.ts';
import { describeImportFailure } from './import-failure.ts';

/** One file, upload or fetched resource, as bytes. */
export interface ImportInput {
  /** File name (or last URL path segment); its extension drives detection. */
  name: string;
  bytes: Uint8Array;
  /** The file path or final URL, stored as the article's origin. */
  origin: string;
  /** HTTP Content-Type, for fetched resources. */
  contentType?: string;
  /** The encoding the user chose; detection decides without it. */
  encoding?: TextEncodingName;
  /** Feeds only: at most this many entries (the newest) become articles; a subscription's per-refresh limit. */
  maxEntries?: number;
}

/**
 * A line of a library export whose `type` this version does not know (e.g. 'annotation' from a
 * newer export). Kept whole so a later version of the sink can restore it.
 */
export interface OtherExportRecord {
  format: 'newsroom-reader/1';
  type: string;
  [field: string]: unknown;
}

/** What parsing one input yields. A file can hold many items (feeds, JSON arrays, NDJSON). */
export type ParsedItem = (
  /** `guid`: the feed entry's own identity (RSS guid, Atom id, JSON Feed id), for subscriptions. */
  /** `original`: the document file (PDF, DOCX, EPUB) to keep beside the article; the runner adds it. */
  | { kind: 'draft'; draft: ArticleDraft; guid?: string; photos?: PhotoReport; original?: OriginalFile }
  | { kind: 'restore'; record: ExportedArticle }
  | { kind: 'other'; record: OtherExportRecord }
  /** A record or entry that could not be used; the rest of the file carries on. `error` is the English of `reason`. */
  | { kind: 'failed'; reason: ImportFailure; error: string }
) & {
  /** How the file's text was decoded when it was not plain UTF-8, for the report. */
  encoding?: DecodedEncoding;
  /** 1-based position in the file (line for NDJSON, index for arrays and feeds), for reports. */
  position?: number;
  /** On the first item only: entries the input's `maxEntries` left out (the oldest). */
  entriesLeftOut?: number;
};

/** How far a long parse is within its one file: pages read (PDF) or recognised (OCR). */
export type ParseProgress = ImportPageProgress;

/** What the runner gives a parse besides the input. */
export interface ParseContext {
  /** Called as a long document goes, at most once per page. */
  onProgress?: (progress: ParseProgress) => void;
}

export interface Importer {
  readonly id: string;
  accepts(input: ImportInput): boolean;
  /** Rejects with ImportInputError for input it cannot use. */
  parse(input: ImportInput, context?: ParseContext): Promise<ParsedItem[]>;
}

/** Where the runner commits what it imports; the library implements it. */
export interface ImportSink {
  /** The library does duplicate detection. */
  addArticle(draft: ArticleDraft): AddResult;
  /** For lines of a library export (format 'newsroom-reader/1'). */
  restoreArticle(record: ExportedArticle): AddResult;
  /** Keeps the original file of an imported document, in the same write as its article. */
  keepOriginal?(articleId: string, original: OriginalFile): void;
  /** Export records of types this version cannot restore yet; without it they are reported as failed. */
  restoreOther?(record: OtherExportRecord): AddResult | null;
  /**
   * Many articles as one commit. `each` wraps one article's writes: when it throws, none of that
   * article's writes stay and the others go on. All or nothing: when `importBatch` throws, nothing
   * of the batch was committed. Without it, every article is committed on its own.
   */
  importBatch?<T>(work: (each: <R>(write: () => R) => R) => T): T;
}

export type ImportTarget =
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array };

/** Bad input (binary, undecodable, malformed, too large…): reported per file, never thrown out of runImport. */
export class ImportInputError extends Error {
  readonly reason: ImportFailure;

  constructor(reason: ImportFailure, options?: ErrorOptions) {
    super(describeImportFailure(reason), options);
    this.name = 'ImportInputError';
    this.reason = reason;
  }
}

export const DEFAULT_MAX_IMPORT_BYTES = MAX_IMPORT_BYTES;

/** The failure for an input over the size limit, the same for files, uploads and URLs. */
export function tooLargeError(maxBytes: number): ImportInputError {
  return new ImportInputError({ kind: 'too-large', maxBytes });
}
