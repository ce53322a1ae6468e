// The library's own records: what an importer hands it, what an add reports, one line of its
// export. The article types every layer shares live in contract/article.ts.
import type { Block, ArticleState } from '../contract/article.ts';

// Re-exported so the importers, which build articles for the library, name them in one place.
export type { Block, BlockKind } from '../contract/article.ts';
export type { ImportFailure, ImportProgress, ImportReport } from '../contract/import-report.ts';

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
