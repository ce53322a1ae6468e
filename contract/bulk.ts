// Bulk actions over a selection, and saved searches that watch a topic: plain shared types.
import type { ListQuery } from './article.ts';

export const BULK_ACTIONS = ['tag', 'untag', 'setCollection', 'markRead', 'markUnread', 'star', 'unstar', 'archive', 'unarchive', 'trash', 'restore'] as const;
export type BulkActionKind = (typeof BULK_ACTIONS)[number];

/** What a bulk action does; tag and untag name the tag, setCollection the collection (null: none). */
export type BulkAction =
  | { kind: 'tag' | 'untag'; tag: string }
  | { kind: 'setCollection'; collection: string | null }
  | { kind: Exclude<BulkActionKind, 'tag' | 'untag' | 'setCollection'> };

/** The filters a search was run with, as `search.query` takes them. */
export interface SearchTargetFilters {
  source?: string;
  tag?: string;
  from?: string;
  to?: string;
  unread?: boolean;
  starred?: boolean;
}

/**
 * Which articles: named ids, or "everything matching" as a query the core resolves itself, so
 * selecting all of 10,000 does not send 10,000 ids from the renderer.
 */
export type BulkTarget =
  | { ids: string[] }
  | { list: Omit<ListQuery, 'offset' | 'limit'> }
  | { search: { query: string; filters?: SearchTargetFilters } };

export interface BulkResult {
  action: BulkActionKind;
  /** Articles the action changed (those already in the wanted state are not counted). */
  count: number;
  /** Articles the target named. */
  matched: number;
  /** Hands the previous state back through `library.bulkUndo`; null when nothing changed. */
  undoToken: string | null;
}

export interface BulkUndone {
  action: BulkActionKind;
  /** Articles put back as they were. */
  count: number;
}

/** A query and its filters saved under a name; `newCount` counts matches imported since it was last opened. */
export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  filters: SearchTargetFilters;
  /** Desktop notification when new matches arrive. */
  notify: boolean;
  position: number;
  createdAt: string;
  lastOpenedAt: string;
  newCount: number;
}

export interface SavedSearchPatch {
  name?: string;
  query?: string;
  filters?: SearchTargetFilters;
  notify?: boolean;
}

/** The `watch.counts` event: every saved search's new count, and which ones asking to notify just rose. */
export interface WatchCounts {
  counts: { id: string; newCount: number }[];
  risen: { id: string; name: string; newCount: number }[];
}

/** Names are unique regardless of case and Unicode form, so the CLI's `watch show NAME` is never ambiguous. */
export const savedSearchNameKey = (name: string): string => name.trim().normalize('NFC').toLocaleLowerCase('vi');
