import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { BODY_COLUMN, SUMMARY_COLUMNS, toSummary, type Row } from './article-rows.ts';
import type { SearchDocument } from '../search/search-document.ts';

/**
 * An article's annotation quotes and notes as one JSON array of [quote, note] pairs, in reading
 * order (orphans last), so a search document needs no second query per article.
 */
const NOTES_COLUMN = `(SELECT json_group_array(json_array(a.quote_exact, a.note)
    ORDER BY a.status = 'orphan', a.position_start, a.position_end, a.created_at, a.id)
  FROM annotations a WHERE a.article_id = articles.id) AS notes_json`;

const COLUMNS = `${SUMMARY_COLUMNS}, ${BODY_COLUMN}, ${NOTES_COLUMN}`;

/** Every article's search document, streamed. */
export const ALL_SEARCH_DOCUMENTS = `SELECT ${COLUMNS} FROM articles`;

/** The search documents of a list of ids (a JSON array), in one statement whatever its length. */
export const SEARCH_DOCUMENTS_BY_ID = `SELECT ${COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`;

/** Quotes and notes: a highlight without a note contributes its quote only. */
function notesOf(json: string | number | null | undefined): string[] {
  if (typeof json !== 'string') return [];
  return (JSON.parse(json) as [string, string][]).flatMap(([quote, note]) => (note === '' ? [quote] : [quote, note]));
}

export function toSearchDocument(row: Row): SearchDocument {
  const summary = toSummary(row);
  return {
    id: summary.id,
    title: summary.title,
    body: String(row.body),
    author: summary.author,
    source: summary.source,
    tags: summary.tags,
    publishedAt: summary.publishedAt,
    importedAt: summary.importedAt,
    notes: notesOf(row.notes_json),
  };
}

/** The documents of `ids` in the order asked, unknown ids left out; `statement` is SEARCH_DOCUMENTS_BY_ID prepared. */
export function searchDocumentsById(statement: StatementSync, ids: readonly string[]): SearchDocument[] {
  if (ids.length === 0) return [];
  const byId = new Map<string, SearchDocument>();
  for (const row of statement.all(JSON.stringify(ids)) as Row[]) {
    const doc = toSearchDocument(row);
    byId.set(doc.id, doc);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Streams every article's search document (for building the index). */
export function* allSearchDocuments(db: DatabaseSync): Generator<SearchDocument> {
  for (const row of db.prepare(ALL_SEARCH_DOCUMENTS).iterate() as Iterable<Row>) yield toSearchDocument(row);
}
