// Subscribed feeds ("sources") as every host and the UI see them. Plain types only.
import type { ImportFailure } from './import-report.ts';

export const DEFAULT_SOURCE_INTERVAL_MINUTES = 30;
export const MIN_SOURCE_INTERVAL_MINUTES = 5;
export const MAX_SOURCE_INTERVAL_MINUTES = 7 * 24 * 60;
/** Retention is counted in whole days, at most ten years. */
export const MAX_KEEP_DAYS = 3650;

/**
 * When a source fetches each item's linked page for its full text: `auto` when the feed's text looks
 * like a summary (short, or ending in an ellipsis or "Đọc tiếp"), `always`, or `never`.
 */
export type FullTextMode = 'auto' | 'always' | 'never';
export const FULL_TEXT_MODES: readonly FullTextMode[] = ['auto', 'always', 'never'];

/** Whether a source keeps its items' photos: true, false, or null for "as the library's `downloadPhotos` setting says". */
export type SourcePhotos = boolean | null;

/** How long a source keeps its items: a number of days, `forever`, or null for "as its folder says". */
export type KeepDays = number | 'forever' | null;

/** Why the last refresh failed, as data the UI words (the same reasons as imports), with the CLI's English. */
export interface SourceError {
  reason: ImportFailure;
  message: string;
  at: string;
}

export interface SourceInfo {
  id: string;
  /** The feed's address (after discovery; redirects are not written back). */
  url: string;
  title: string;
  /** null: not in a folder. */
  folder: string | null;
  intervalMinutes: number;
  paused: boolean;
  addedAt: string;
  lastSuccessAt: string | null;
  lastError: SourceError | null;
  /** When the scheduler will next fetch it (later after failures: backoff, Retry-After). */
  nextRefreshAt: string;
  /** Failures in a row since the last success. */
  failures: number;
  /** Its place in its folder (the sidebar's order), 0 first. */
  position: number;
  /** Articles this source brought (including ones it found already in the library). */
  articleCount: number;
  /** Of those, the ones not read yet (and neither archived nor in the trash): the sidebar's count. */
  unreadCount: number;
  /** A refresh of this source is running now (background or asked for). */
  refreshing: boolean;
  fullText: FullTextMode;
  /** This source's own retention; null follows its folder's. */
  keepDays: KeepDays;
  /** The retention in force (its own, else its folder's): days, or null for forever. */
  retentionDays: number | null;
  /** Keep its items' photos: its own switch, or null to follow the library's `downloadPhotos` setting. */
  photos: SourcePhotos;
}

/** The `sources.changed` event: these sources were added, changed, removed, started or finished refreshing. */
export interface SourcesChanged {
  ids: string[];
}

/** What marking a source's (or folder's) articles read changed, so that it can be undone. */
export interface SourceMarkedRead {
  ids: string[];
}

/** A folder's settings; sources in it follow them unless they have their own. */
export interface SourceFolderInfo {
  /** null: the sources in no folder (listed last by `sources.folders`; it has no settings of its own). */
  folder: string | null;
  /** null: forever. */
  keepDays: number | null;
  sources: number;
  /** Unread articles of its sources (not read, archived nor trashed), each once however many of them brought it. */
  unreadCount: number;
}

/** What a retention pass moved to the trash (never deleted), per source. */
export interface RetentionResult {
  trashed: number;
  bySource: { id: string; title: string; trashed: number }[];
}

/** A feed a site's page links to, offered when there are several. */
export interface FeedCandidate {
  url: string;
  title: string | null;
  type: 'rss' | 'atom' | 'json';
}

export interface SourceRefreshResult {
  id: string;
  title: string;
  /** `not-modified`: the server answered 304, nothing was parsed. */
  status: 'refreshed' | 'not-modified' | 'failed' | 'skipped';
  imported: number;
  updated: number;
  unchanged: number;
  /** Entries that could not be used (no text, bad link…); the others went in. */
  failedItems: number;
  /** Entries beyond the per-refresh limit (the oldest of a huge feed), not processed. */
  skippedItems: number;
  /** Linked pages fetched for their full text, and those that failed (the feed's summary was kept). */
  fullTextFetched: number;
  fullTextFailed: number;
  /** The first full-text failure of this refresh, in words. */
  fullTextError?: SourceError;
  /** Articles this source's retention moved to the trash after the refresh. */
  expired: number;
  error?: SourceError;
}

export type SourceAddResult =
  | { status: 'added'; source: SourceInfo; refresh: SourceRefreshResult }
  /** The address was a site's page linking to several feeds: add one of these. */
  | { status: 'choose'; feeds: FeedCandidate[] };

export interface SourceRemoved {
  id: string;
  title: string;
  /** Articles only this source had brought, moved to the trash (`trash`) or kept (`keep`). */
  trashed: number;
  kept: number;
}

/** Why a line of an OPML file was skipped, as data the UI words in its language. */
export type OpmlProblemReason =
  /** The XML parser's own (English, technical) words. */
  | { kind: 'not-well-formed'; detail: string }
  | { kind: 'not-opml' }
  | { kind: 'no-body' }
  /** An outline with no xmlUrl that holds no feeds either; `label` may be empty. */
  | { kind: 'outline-without-feed'; label: string }
  | { kind: 'not-http'; label: string; url: string }
  /** A local or private address, refused when a renderer imports the file. */
  | { kind: 'address-not-allowed'; url: string; host: string };

/** One problem in an OPML file, by line, so a partial file still imports what it can. */
export interface OpmlProblem {
  line: number;
  reason: OpmlProblemReason;
  /** The same in English, for the command line. */
  message: string;
}

export interface OpmlImportResult {
  added: SourceInfo[];
  /** Outlines whose feed is already a source (by canonical address). */
  existing: { url: string; id: string }[];
  problems: OpmlProblem[];
}
