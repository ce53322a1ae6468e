// The library's own records: what an importer hands it, what an add reports, one line of its
// export. The article types every layer shares live in contract/article.ts.
import type { Article, ArticleState } from '../contract/article.ts';

// Re-exported so the importers, which build articles for the library, name them in one place.
export type { Block, BlockKind } from '../contract/article.ts';
export type { ImportFailure, ImportProgress, ImportReport } from '../contract/import-report.ts';

/**
 * What an importer produces: one article, not yet in the library; `tags` are the source's own.
 * `imageSources` says where each figure block's photo is to be fetched from; the photo step reads it,
 * the library never stores it (data: URIs and local paths must not end up in the stored blocks).
 */
export type ArticleDraft = Pick<Article, 'title' | 'author' | 'source' | 'url' | 'language' | 'publishedAt' | 'body' | 'blocks' | 'origin' | 'tags'> & {
  imageSources?: readonly { block: number; url: string }[];
};

export type AddResult =
  | { status: 'imported'; id: string }
  | { status: 'duplicate'; id: string }
  /** Same URL, edited text: the stored text was replaced and its annotations re-anchored. */
  | { status: 'updated'; id: string; orphaned: number };

/** One line of a library export (NDJSON). Importing it restores the article with its id and state. */
export interface ExportedArticle extends Omit<Article, keyof ArticleState | 'wordCount' | 'readingMinutes' | 'excerpt'> {
  format: 'newsroom-reader/1';
  type: 'article';
  state: ArticleState;
}
