// The annotations table's shape, and the mapping between its rows and Annotation objects.
import type { SQLOutputValue } from 'node:sqlite';
import { isAnnotationColor, type Annotation } from './model.ts';

/**
 * One migration step for the library's migration list. It assumes `articles(id TEXT PRIMARY KEY, body TEXT)`
 * exists and that the connection runs with `PRAGMA foreign_keys = ON`, so annotations leave with their article.
 */
export const ANNOTATIONS_SCHEMA_SQL = `
CREATE TABLE annotations (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  quote_exact TEXT NOT NULL CHECK (quote_exact <> ''),
  quote_prefix TEXT NOT NULL DEFAULT '',
  quote_suffix TEXT NOT NULL DEFAULT '',
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL CHECK (position_end >= position_start),
  status TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
  color TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX annotations_reading_order ON annotations (article_id, status, position_start, position_end);
CREATE INDEX annotations_by_color ON annotations (color, created_at);
CREATE TABLE annotation_color_labels (
  color TEXT PRIMARY KEY CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
  label TEXT NOT NULL CHECK (label <> '')
) STRICT;
`;

export const ANNOTATION_COLUMNS =
  'id, article_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, status, color, note, created_at, updated_at';

/**
 * Read with the columns above once the library's archive step added them: who wrote it, the desk it
 * is shared with, and whether another reporter wrote it. A library never linked leaves them empty.
 */
export const ANNOTATION_SYNC_COLUMNS = 'author, desk, is_foreign';

/** Named parameters for INSERT … VALUES (:id, :article_id, …) in ANNOTATION_COLUMNS order. */
export const ANNOTATION_VALUES = ANNOTATION_COLUMNS.split(', ')
  .map((column) => `:${column}`)
  .join(', ');

export function annotationToRow(annotation: Annotation): Record<string, string | number> {
  return {
    id: annotation.id,
    article_id: annotation.articleId,
    quote_exact: annotation.quote.exact,
    quote_prefix: annotation.quote.prefix,
    quote_suffix: annotation.quote.suffix,
    position_start: annotation.position.start,
    position_end: annotation.position.end,
    status: annotation.status,
    color: annotation.color,
    note: annotation.note,
    created_at: annotation.created,
    updated_at: annotation.updated,
  };
}

export function rowToAnnotation(row: Record<string, SQLOutputValue>): Annotation {
  const color = row.color;
  if (!isAnnotationColor(color)) throw new Error(`annotation ${String(row.id)} has an unknown colour ${String(color)}`);
  return {
    id: String(row.id),
    articleId: String(row.article_id),
    quote: {
      type: 'TextQuoteSelector',
      exact: String(row.quote_exact),
      prefix: String(row.quote_prefix),
      suffix: String(row.quote_suffix),
    },
    position: { type: 'TextPositionSelector', start: Number(row.position_start), end: Number(row.position_end) },
    status: row.status === 'orphan' ? 'orphan' : 'anchored',
    color,
    note: String(row.note),
    created: String(row.created_at),
    updated: String(row.updated_at),
    ...(row.author !== undefined && row.author !== null ? { author: String(row.author) } : {}),
    ...(row.desk !== undefined && row.desk !== null ? { desk: String(row.desk) } : {}),
    ...(Number(row.is_foreign) === 1 ? { foreign: true as const } : {}),
  };
}
