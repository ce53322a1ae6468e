// Which articles a source's retention ("keep items N days") has run out for. SQL only: the caller
// moves them to the trash (never deletes them), so the reader can still restore any of them.
import type { DatabaseSync } from 'node:sqlite';

/**
 * An article expires only when every source that brought it keeps items for a limited time and the
 * article arrived (imported_at) longer ago than each of those limits. What the reader marked as
 * theirs never expires: starred, archived, tagged, annotated, or put in a collection. A source's own
 * keep_days wins over its folder's; 0 means forever. Retention moves an article once: one the reader
 * restored from the trash is theirs to keep.
 */
const EXPIRED_SQL = `
  WITH retention AS (
    SELECT s.id, COALESCE(s.keep_days, f.keep_days, 0) AS days
    FROM sources s LEFT JOIN source_folders f ON f.folder = s.folder
  )
  SELECT DISTINCT a.id AS id, i.source_id AS source_id
  FROM source_items i
  JOIN retention r ON r.id = i.source_id AND r.days > 0
  JOIN articles a ON a.id = i.article_id
  WHERE (:source IS NULL OR i.source_id = :source)
    AND a.trashed_at IS NULL AND a.starred = 0 AND a.archived = 0 AND a.collection IS NULL
    AND a.imported_at < strftime('%Y-%m-%dT%H:%M:%fZ', :now, '-' || r.days || ' days')
    AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM source_items e WHERE e.article_id = a.id AND e.expired_at IS NOT NULL)
    AND NOT EXISTS (
      SELECT 1 FROM source_items o JOIN retention k ON k.id = o.source_id
      WHERE o.article_id = a.id AND (k.days = 0 OR a.imported_at >= strftime('%Y-%m-%dT%H:%M:%fZ', :now, '-' || k.days || ' days'))
    )
`;

export interface ExpiredArticle {
  id: string;
  sourceId: string;
}

/** Articles past their sources' retention at `now` (ISO), of one source or (null) of all. */
export function expiredArticles(db: DatabaseSync, sourceId: string | null, now: string): ExpiredArticle[] {
  const rows = db.prepare(EXPIRED_SQL).all({ source: sourceId, now }) as { id: string; source_id: string }[];
  return rows.map((row) => ({ id: row.id, sourceId: row.source_id }));
}
