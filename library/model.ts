// The article model shared by the library, the importers, search and the command contract.
// Plain data only: everything here crosses IPC and HTTP as JSON.
import type { ArticleReference, ImportedAnnotation } from '../annotations/model.ts';

export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'list-item' | 'caption';

/** A structural block of the body. Offsets are UTF-16 code units into the stored NFC body, end exclusive. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1–6, only for headings. */
  level?: number;
}

/** What an importer produces: one article, not yet in the library. */
export interface ArticleDraft {
  title: string;
  author: string | null;
  source: string | null;
  /** Canonical URL, when known. */
  url: string | null;
  /** BCP 47 primary language, e.g. "vi" or "en". */
  language: string;
  /** ISO 8601, when the text or the metadata gives it. */
  publishedAt: string | null;
  /** NFC plain text; paragraphs separated by "\n\n". Blocks index into it. */
  body: string;
  blocks: Block[];
  /** Where it came from: a file path or a URL. */
  origin: string;
  tags: string[];
}

export interface ArticleState {
  read: boolean;
  starred: boolean;
  archived: boolean;
  /** ISO time it was moved to the trash, or null when not in the trash. */
  trashedAt: string | null;
  tags: string[];
  /** The user-named collection (folder) it sits in, if any. */
  collection: string | null;
  /** Reading position as a fraction 0..1 of the body. */
  readingPosition: number;
}

export interface ArticleSummary extends ArticleState {
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  importedAt: string;
  wordCount: number;
  readingMinutes: number;
  /** The first ~200 characters of the body, for list rows. */
  excerpt: string;
}

export interface Article extends ArticleSummary {
  body: string;
  blocks: Block[];
  contentHash: string;
  origin: string;
}

export type ListSort = 'published' | 'imported' | 'title' | 'source';

export type ListView = 'all' | 'unread' | 'starred' | 'archived' | 'trash';

export interface ListQuery {
  view?: ListView;
  tag?: string;
  collection?: string;
  source?: string;
  /** ISO dates (inclusive) on publishedAt, falling back to importedAt. */
  from?: string;
  to?: string;
  sort?: ListSort;
  /** Default: descending for dates, ascending for title and source. */
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** Search's filter chips. */
export interface SearchFilters {
  source?: string;
  tag?: string;
  from?: string;
  to?: string;
  unread?: boolean;
  starred?: boolean;
}

export interface ListPage {
  total: number;
  items: ArticleSummary[];
}

export interface NamedCount {
  name: string;
  count: number;
}

export interface SidebarCounts {
  all: number;
  unread: number;
  starred: number;
  archived: number;
  trash: number;
  collections: NamedCount[];
  tags: NamedCount[];
  sources: NamedCount[];
}

export interface ArticlePatch {
  read?: boolean;
  starred?: boolean;
  archived?: boolean;
  title?: string;
  tags?: string[];
  collection?: string | null;
  readingPosition?: number;
}

export type AddResult =
  | { status: 'imported'; id: string }
  | { status: 'duplicate'; id: string }
  /** Same URL, edited text: the stored text was replaced and its annotations re-anchored. */
  | { status: 'updated'; id: string; orphaned: number };

/** One line of a library export (NDJSON). Importing it restores the article with its id and state. */
export interface ExportedArticle {
  format: 'newsroom-reader/1';
  type: 'article';
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  importedAt: string;
  body: string;
  blocks: Block[];
  origin: string;
  contentHash: string;
  state: ArticleState;
}

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
  | { kind: 'unrecognised-format' }
  | { kind: 'binary'; cause: 'nul-bytes' | 'control-characters' }
  | { kind: 'not-utf8' }
  | { kind: 'undecodable'; encoding: string }
  | { kind: 'no-text' }
  | { kind: 'malformed-feed'; detail: string }
  | { kind: 'feed-without-entries' }
  | { kind: 'feed-entry-without-text'; title: string | null }
  | { kind: 'invalid-json'; detail: string }
  | { kind: 'no-records' }
  | { kind: 'unsupported-export-format'; format: string }
  | { kind: 'record-without-type' }
  | { kind: 'invalid-record'; record: 'export' | 'article'; detail: string }
  | { kind: 'unsupported-record-type'; type: string }
  | { kind: 'invalid-url' }
  | { kind: 'not-http' }
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
  | { kind: 'unexpected'; detail: string };

export interface ImportReport {
  /** `updated`: an article already here (same URL) whose text changed; its annotations were re-anchored. */
  imported: { id: string; title: string; path: string; updated?: true }[];
  duplicates: { path: string; id: string }[];
  /** `path` names the file or URL, with `#N` for the Nth record or entry inside it. */
  failed: { path: string; error: string; reason: ImportFailure }[];
  cancelled: boolean;
}

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  current: string | null;
  failures: number;
  /** Estimated time left, from the pace so far; null until there is a pace to go by. */
  secondsLeft: number | null;
}

/** What changed in the library, for events and for keeping the search index current. */
export interface LibraryChange {
  /** Articles whose searchable content or state changed, or that were added. */
  changed: string[];
  /** Articles removed for good (trash emptied). */
  removed: string[];
  generation: number;
}

/** What the search engine indexes for one article; the library produces these from SQLite. */
export interface SearchDocument {
  id: string;
  title: string;
  body: string;
  author: string | null;
  source: string | null;
  tags: string[];
  publishedAt: string | null;
  importedAt: string;
  /** Annotation notes and highlighted quotes, once annotations exist. */
  notes: string[];
}

/** Where the search index gets its documents: the library, the source of truth. */
export interface SearchDocumentSource {
  /** Bumped on every change that affects search documents; persisted with the index to detect staleness. */
  generation(): number;
  allSearchDocuments(): Iterable<SearchDocument>;
  searchDocuments(ids: readonly string[]): SearchDocument[];
}

/** A highlight read back from an article's Markdown or a JSON-LD export, not yet placed. */
export const ANNOTATION_IMPORT_RECORD = 'annotation-import';

/** What the library receives for each annotation: the annotation and the article the file names. */
export interface AnnotationImportRecord {
  format: 'newsroom-reader/1';
  type: typeof ANNOTATION_IMPORT_RECORD;
  article: ArticleReference;
  annotation: Omit<ImportedAnnotation, 'articleId'>;
}
