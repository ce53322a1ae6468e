// The shapes of the hand-written relevance set (bench/relevance/articles-*.ts, queries.ts).

export interface JudgedArticle {
  id: string;
  source: string;
  /** YYYY-MM-DD */
  publishedAt: string;
  title: string;
  /** Paragraphs separated by a blank line. */
  body: string;
}

export type QueryKind = 'unaccented' | 'accented' | 'phrase' | 'mixed';

export interface JudgedQuery {
  /** Exactly what a reader types; a phrase is in double quotes. */
  query: string;
  kind: QueryKind;
  /** Judged by reading the articles: 2 = about it, 1 = touches on it. Unlisted articles are not relevant. */
  relevant: Record<string, 1 | 2>;
}
