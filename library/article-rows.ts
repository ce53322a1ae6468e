import { safeArticleUrl } from '../contract/article-url.ts';
import type { Article, ArticleSummary, Block } from '../contract/article.ts';

/** Columns a list row needs; the body is left out so a 50,000-row list stays cheap. */
export const SUMMARY_COLUMNS = `id, title, author, source, url, language, published_at, imported_at, word_count,
  reading_minutes, excerpt, read, starred, archived, trashed_at, collection, reading_position,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = articles.id ORDER BY tag)) AS tags_json`;

export const ARTICLE_COLUMNS = `${SUMMARY_COLUMNS}, content_hash, origin,
  (SELECT body FROM article_content c WHERE c.article_id = articles.id) AS body,
  (SELECT blocks FROM article_content c WHERE c.article_id = articles.id) AS blocks`;

export const BODY_COLUMN = '(SELECT body FROM article_content c WHERE c.article_id = articles.id) AS body';

export type Row = Record<string, string | number | null>;

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
const optional = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

export function toSummary(row: Row): ArticleSummary {
  return {
    id: text(row.id),
    title: text(row.title),
    author: optional(row.author),
    source: optional(row.source),
    url: safeArticleUrl(optional(row.url)),
    language: text(row.language),
    publishedAt: optional(row.published_at),
    importedAt: text(row.imported_at),
    wordCount: Number(row.word_count),
    readingMinutes: Number(row.reading_minutes),
    excerpt: text(row.excerpt),
    read: row.read === 1,
    starred: row.starred === 1,
    archived: row.archived === 1,
    trashedAt: optional(row.trashed_at),
    tags: JSON.parse(text(row.tags_json) || '[]') as string[],
    collection: optional(row.collection),
    readingPosition: Number(row.reading_position),
  };
}

export function toArticle(row: Row): Article {
  return {
    ...toSummary(row),
    body: text(row.body),
    blocks: JSON.parse(text(row.blocks)) as Block[],
    contentHash: text(row.content_hash),
    origin: text(row.origin),
  };
}
