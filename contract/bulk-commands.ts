// Bulk actions over a selection (with undo) and saved searches ("watch"), joined into the one table
// by commands.ts.
import * as v from 'valibot';
import { returns } from './returns.ts';
import { command, Id, Ids, IsoDate, Name, NoArgs } from './command-spec.ts';
import type { BulkResult, BulkUndone, SavedSearch } from './bulk.ts';

const Filters = v.strictObject({
  source: v.optional(Name),
  tag: v.optional(Name),
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  unread: v.optional(v.boolean()),
  starred: v.optional(v.boolean()),
});

const Query = v.pipe(v.string(), v.maxLength(10_000, 'query is too long'));

export const BulkTargetSchema = v.union([
  v.strictObject({ ids: Ids }),
  v.strictObject({
    list: v.strictObject({
      view: v.optional(v.picklist(['all', 'unread', 'starred', 'archived', 'trash'])),
      tag: v.optional(Name),
      collection: v.optional(Name),
      source: v.optional(Name),
      from: v.optional(IsoDate),
      to: v.optional(IsoDate),
      sort: v.optional(v.picklist(['published', 'imported', 'title', 'source'])),
      direction: v.optional(v.picklist(['asc', 'desc'])),
    }),
  }),
  v.strictObject({ search: v.strictObject({ query: v.pipe(Query, v.trim(), v.minLength(1, 'the query is empty')), filters: v.optional(Filters) }) }),
]);

export const BulkActionSchema = v.variant('kind', [
  v.strictObject({ kind: v.picklist(['tag', 'untag']), tag: Name }),
  v.strictObject({ kind: v.literal('setCollection'), collection: v.nullable(Name) }),
  v.strictObject({ kind: v.picklist(['markRead', 'markUnread', 'star', 'unstar', 'archive', 'unarchive', 'trash', 'restore']) }),
]);

const UndoToken = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'not an undo token'));
const SavedSearchName = v.pipe(v.string(), v.trim(), v.minLength(1, 'the name must not be empty'), v.maxLength(100, 'the name is longer than 100 characters'));

export const bulkCommands = {
  'library.bulk': command(
    'One action on many articles (named, or everything a list view or a search matches), in one transaction; returns a token that undoes it.',
    v.strictObject({ action: BulkActionSchema, target: BulkTargetSchema }),
    returns<BulkResult>(),
  ),
  'library.bulkUndo': command('Put the articles of a bulk action back exactly as they were before it.', v.strictObject({ token: UndoToken }), returns<BulkUndone>()),
  'library.bulkExport': command('The articles a selection names (ids, a list view or a search), as NDJSON with user state.', v.strictObject({ target: BulkTargetSchema }), returns<{ filename: string; ndjson: string; count: number }>()),
  'watch.list': command('Saved searches in sidebar order, each with its matches new since it was last opened.', NoArgs, returns<SavedSearch[]>()),
  'watch.add': command(
    'Save a query and its filters under a name; it starts with nothing new.',
    v.strictObject({ name: SavedSearchName, query: Query, filters: v.optional(Filters), notify: v.optional(v.boolean()) }),
    returns<SavedSearch>(),
  ),
  'watch.update': command(
    'Rename a saved search, change its query or filters, or switch its notification.',
    v.strictObject({
      id: Id,
      patch: v.strictObject({ name: v.optional(SavedSearchName), query: v.optional(Query), filters: v.optional(Filters), notify: v.optional(v.boolean()) }),
    }),
    returns<SavedSearch>(),
  ),
  'watch.open': command('Mark a saved search as opened now: its new count starts again from zero.', v.strictObject({ id: Id }), returns<SavedSearch>()),
  'watch.reorder': command('Put the saved searches in this order (every id once).', v.strictObject({ ids: Ids }), returns<SavedSearch[]>()),
  'watch.remove': command('Delete a saved search (the articles stay).', v.strictObject({ id: Id }), returns<{ id: string }>()),
} as const;
