// What an import reports, as it runs and when it ends. Plain data only.
import type { DecodedEncoding, TextEncodingName } from './text-encodings.ts';

/**
 * Why one file, URL or record could not be imported, as data: the UI words it in its own language,
 * the CLI prints the English `error` beside it (importers/import-failure.ts). `detail` is the
 * technical text of a parser or the network, shown as it is.
 */
export type ImportFailure =
  | { kind: 'empty-file' }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'missing' }
  | { kind: 'permission-denied' }
  | { kind: 'folder-without-importable-files' }
  | { kind: 'unsupported-type'; extension: string }
  | { kind: 'xml-not-a-feed' }
  /** XML declaring entities in a DTD (entity-expansion bombs, XXE): refused unread. */
  | { kind: 'xml-entities' }
  | { kind: 'unrecognised-format' }
  | { kind: 'binary'; cause: 'nul-bytes' | 'control-characters' }
  | { kind: 'not-utf8' }
  | { kind: 'undecodable'; encoding: string }
  /**
   * Not plain UTF-8, and no encoding fits with confidence: several read as Vietnamese (`candidates`),
   * or the text looks garbled (legacy text misread into UTF-8) and no repair is sure. Refused, not stored as mojibake.
   */
  | { kind: 'uncertain-encoding'; candidates: TextEncodingName[] }
  | { kind: 'no-text' }
  | { kind: 'malformed-feed'; detail: string }
  | { kind: 'feed-without-entries' }
  | { kind: 'feed-entry-without-text'; title: string | null }
  | { kind: 'invalid-json'; detail: string }
  | { kind: 'no-records' }
  /** One line of an NDJSON file over the record limit (the file itself may be any size). */
  | { kind: 'record-too-large'; maxBytes: number }
  | { kind: 'unsupported-export-format'; format: string }
  | { kind: 'record-without-type' }
  | { kind: 'invalid-record'; record: 'export' | 'article'; detail: string }
  | { kind: 'unsupported-record-type'; type: string }
  | { kind: 'invalid-url' }
  | { kind: 'not-http' }
  | { kind: 'not-a-regular-file' }
  | { kind: 'address-not-allowed'; host: string }
  | { kind: 'too-many-redirects'; max: number }
  | { kind: 'disk-full' }
  | { kind: 'http-status'; status: number; statusText: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'fetch-failed'; detail: string }
  | { kind: 'no-highlights' }
  | { kind: 'invalid-annotations'; detail: string }
  | { kind: 'save-failed'; detail: string }
  /** Refused or stopped to keep the app responsive: nested deeper than `maxDepth`, or over the parser's memory. */
  | { kind: 'too-complex'; cause: 'nesting'; maxDepth: number }
  | { kind: 'too-complex'; cause: 'memory'; limitMb: number }
  | { kind: 'too-complex'; cause: 'stack' }
  /** Parsing the file took longer than the per-file limit and was stopped. */
  | { kind: 'parse-timed-out'; seconds: number }
  /** A subscription's address answered with something that is neither a feed nor a page linking to one. */
  | { kind: 'page-not-a-feed' }
  /** A site's page that links to no RSS, Atom or JSON feed. */
  | { kind: 'no-feed-found' }
  /** A photo whose bytes are not a JPEG, PNG, GIF, WebP or AVIF image (SVG is refused too). */
  | { kind: 'not-an-image'; cause: 'svg' | 'not-an-image' | 'empty' }
  /** A photo beyond what one article keeps (`maxPhotos` photos, `maxBytes` in all). */
  | { kind: 'photo-limit'; maxPhotos: number; maxBytes: number }
  /** A saved page's photo outside the page's own folder, or not a regular file. */
  | { kind: 'photo-outside-folder' }
  /** A PDF that needs a password to open. */
  | { kind: 'encrypted-document' }
  /** A PDF, DOCX or EPUB whose structure cannot be read (cut short, not what its name says). */
  | { kind: 'corrupt-document'; format: DocumentFormat }
  /** A PDF with more pages than one import reads. */
  | { kind: 'too-many-pages'; pages: number; maxPages: number }
  /** A DOCX or EPUB (a zip) that unpacks to more than `maxBytes`: a zip bomb, or far beyond any real document. */
  | { kind: 'unpacks-too-large'; maxBytes: number }
  /** A scanned page to recognise, and no OCR model for `language` (Tesseract's code, "vie") on this computer. */
  | { kind: 'ocr-model-missing'; language: string }
  | { kind: 'unexpected'; detail: string };

/** The document formats read by importers/documents/. */
export type DocumentFormat = 'pdf' | 'docx' | 'epub' | 'image';

/** The photos of one imported article: how many were kept, and why each of the others was not. */
export interface PhotoReport {
  kept: number;
  failed: { url: string; error: string; reason: ImportFailure }[];
}

export interface ImportReport {
  /** `updated`: an article already here (same URL) whose text changed; its annotations were re-anchored. */
  imported: { id: string; title: string; path: string; updated?: true; encoding?: DecodedEncoding; photos?: PhotoReport }[];
  /** `encoding`, here and above: how the file's text was decoded when it was not plain UTF-8. */
  duplicates: { path: string; id: string; encoding?: DecodedEncoding }[];
  /** `path` names the file or URL, with `#N` for the Nth record or entry inside it. */
  failed: { path: string; error: string; reason: ImportFailure }[];
  cancelled: boolean;
}

/** The largest file an import takes, checked before it is read (files, uploads, URLs)… */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** …and the larger limit for PDFs: scanned reports run to hundreds of megabytes. */
export const MAX_PDF_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  current: string | null;
  failures: number;
  /** Estimated time left, from the pace so far; null until there is a pace to go by. */
  secondsLeft: number | null;
  /** Within the file named by `current`, when it is a long document: page `done` of `total`. */
  pages?: ImportPageProgress;
}

/** Pages of one document read so far, or (`ocr`) scanned pages recognised so far. */
export interface ImportPageProgress {
  done: number;
  total: number;
  ocr: boolean;
}
