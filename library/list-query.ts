import type { ListQuery } from '../contract/article.ts';

export type SqlValue = string | number;

/** Turns a sidebar view plus filters into a WHERE clause with bound parameters. */
export function whereClause(query: ListQuery): { sql: string; params: SqlValue[] } {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  switch (query.view ?? 'all') {
    case 'all':
      conditions.push('trashed_at IS NULL', 'archived = 0');
      break;
    case 'unread':
      conditions.push('trashed_at IS NULL', 'archived = 0', 'read = 0');
      break;
    case 'starred':
      conditions.push('trashed_at IS NULL', 'starred = 1');
      break;
    case 'archived':
      conditions.push('trashed_at IS NULL', 'archived = 1');
      break;
    case 'trash':
      conditions.push('trashed_at IS NOT NULL');
      break;
  }
  addFilterConditions(query, conditions, params);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Tag, collection, source and date filters, shared by the list and by search's filter chips. */
export function addFilterConditions(
  query: Pick<ListQuery, 'tag' | 'collection' | 'source' | 'sourceId' | 'from' | 'to'>,
  conditions: string[],
  params: SqlValue[],
): void {
  if (query.tag !== undefined) {
    conditions.push('id IN (SELECT article_id FROM article_tags WHERE tag = ?)');
    params.push(query.tag);
  }
  if (query.collection !== undefined) {
    conditions.push('collection = ?');
    params.push(query.collection);
  }
  if (query.source !== undefined) {
    conditions.push('source = ?');
    params.push(query.source);
  }
  if (query.sourceId !== undefined) {
    conditions.push('id IN (SELECT article_id FROM source_items WHERE source_id = ?)');
    params.push(query.sourceId);
  }
  // Dates may be date-only or full ISO times; comparing the first ten characters covers both.
  if (query.from !== undefined) {
    conditions.push('substr(sort_date, 1, 10) >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    conditions.push('substr(sort_date, 1, 10) <= ?');
    params.push(query.to);
  }
}

export function orderClause(query: ListQuery): string {
  const sort = query.sort ?? 'published';
  const defaultDirection = sort === 'title' || sort === 'source' ? 'ASC' : 'DESC';
  const direction = query.direction ? query.direction.toUpperCase() : defaultDirection;
  switch (sort) {
    // By publication date only: articles without one (a .txt with no dateline) come after the dated
    // ones in either direction, among themselves newest import first. Their import date is never
    // ranked as if they had been published then; "imported" is the order for that.
    case 'published':
      return direction === 'DESC'
        ? 'ORDER BY published_at DESC, imported_at DESC, rowid DESC'
        : 'ORDER BY published_at IS NULL, published_at ASC, imported_at DESC, rowid DESC';
    case 'imported':
      return `ORDER BY imported_at ${direction}, rowid ${direction}`;
    case 'title':
      return `ORDER BY title_key ${direction}, rowid`;
    case 'source':
      return `ORDER BY source IS NULL, source COLLATE NOCASE ${direction}, published_at DESC, imported_at DESC, rowid DESC`;
  }
}
