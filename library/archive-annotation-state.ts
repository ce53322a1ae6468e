// An annotation as sync compares it (its fields, each with when it was last written, its author and
// desk), read from the library's row: the archive store hands it to push, the pull's page writer to
// the merge.
import type { StatementSync } from 'node:sqlite';
import { isAnnotationColor } from '../annotations/model.ts';
import type { LocalAnnotationState } from './archive-sync-model.ts';

type Row = Record<string, string | number | null | Uint8Array>;

/** The columns `annotationState` reads. */
export const ANNOTATION_STATE_COLUMNS = `id, article_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end, color, note, created_at, updated_at,
  author, desk, color_updated, note_updated, desk_updated, is_foreign`;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The annotation with this id, through `SELECT ${ANNOTATION_STATE_COLUMNS} FROM annotations WHERE id = ?`. */
export function annotationState(select: StatementSync, id: string): LocalAnnotationState | null {
  const row = select.get(id) as Row | undefined;
  return row ? toState(row) : null;
}

function toState(row: Row): LocalAnnotationState {
  const color = row.color;
  if (!isAnnotationColor(color)) throw new Error(`annotation ${String(row.id)} has an unknown colour ${String(color)}`);
  const updated = String(row.updated_at);
  return {
    id: String(row.id),
    articleId: String(row.article_id),
    quote: { type: 'TextQuoteSelector', exact: String(row.quote_exact), prefix: String(row.quote_prefix), suffix: String(row.quote_suffix) },
    position: { type: 'TextPositionSelector', start: Number(row.position_start), end: Number(row.position_end) },
    color,
    colorUpdated: text(row.color_updated) ?? updated,
    note: String(row.note),
    noteUpdated: text(row.note_updated) ?? updated,
    desk: text(row.desk),
    deskUpdated: text(row.desk_updated) ?? String(row.created_at),
    created: String(row.created_at),
    author: text(row.author),
    foreign: Number(row.is_foreign) === 1,
  };
}
