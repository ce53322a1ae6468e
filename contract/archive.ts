// The shared archive (PostgreSQL) as every layer sees it: link status, sync results, archive search
// hits, and who wrote a shared annotation. Plain types and constants only.

/** Why the archive could not be reached or used, as data the UI words in its own language. */
export type ArchiveProblem =
  | { kind: 'archive.unreachable'; detail: string }
  | { kind: 'archive.auth-failed'; user: string }
  | { kind: 'archive.tls'; detail: string }
  | { kind: 'archive.not-set-up' }
  | { kind: 'archive.newer-schema'; version: number; known: number }
  | { kind: 'archive.not-reporter'; user: string }
  | { kind: 'archive.no-password'; user: string }
  | { kind: 'archive.failed'; detail: string };

export interface DeskInfo {
  name: string;
  /** Reporters (PostgreSQL roles) on the desk, as this reporter may see them. */
  members: string[];
}

export interface ArchiveStatus {
  /** Whether this library is linked to an archive at all (false: SQLite alone, the default). */
  linked: boolean;
  /** The archive's address without its password (postgres://user@host:port/db?sslmode=…), when linked. */
  address: string | null;
  /** The reporter (PostgreSQL role) this library syncs as, when linked. */
  user: string | null;
  /** Whether the last attempt to reach the archive succeeded. */
  reachable: boolean;
  /** Whether live updates (LISTEN/NOTIFY) are on: another desk's changes arrive without a sync. */
  live: boolean;
  /** Whether a push or pull is running now. */
  syncing: boolean;
  /** ISO 8601 time of the last successful push and pull, if any. */
  lastSync: string | null;
  /** Local changes (articles, annotations, shares) waiting in the outbox to be pushed. */
  pending: number;
  /** The last problem, in words the UI translates; null when the last sync succeeded. */
  problem: ArchiveProblem | null;
  /** English wording of `problem`, for the CLI and logs. */
  message: string | null;
  /** Desks this reporter belongs to. */
  desks: DeskInfo[];
  /** The desk new articles are shared with (null: private until shared). */
  defaultDesk: string | null;
  /** Collections of this library shared with desks. */
  sharedCollections: { collection: string; desk: string }[];
  /** Where the password comes from: the OS keychain (desktop), this run's memory (serve), or the environment (PGPASSFILE/PGPASSWORD). */
  passwordSource: 'keychain' | 'session' | 'environment' | null;
}

/**
 * What linking to an archive would mean, learnt by `archive.probe` and shown for the person to confirm
 * before a renderer's `archive.connect`: the server, the role, whether the connection is encrypted and
 * the desks this role is on. `confirmation` is single-use and short-lived, and links only this address.
 */
export interface ArchiveLinkPreview {
  /** Pass to archive.connect with the same address: without it a renderer cannot link to a new archive. */
  confirmation: string;
  /** ISO 8601 time after which the confirmation is refused (probe again). */
  expiresAt: string;
  /** The address without its password, as it would be stored. */
  address: string;
  host: string;
  port: number;
  database: string;
  /** The PostgreSQL role the library would sync as (the reporter). */
  user: string;
  /** Whether the probe's connection was encrypted (TLS), as the server reports it. */
  tls: boolean;
  /** The desks this role is on, with the members it may see. */
  desks: DeskInfo[];
}

export interface ArchiveSyncResult {
  pushed: { articles: number; annotations: number; shares: number };
  pulled: { articles: number; annotations: number; removed: number };
  status: ArchiveStatus;
}

export interface ArchiveHit {
  /** The article's id in the archive. */
  archiveId: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  score: number;
  snippet: { text: string; matches: { start: number; end: number; typo?: true }[] };
  /** The local article with the same URL or content, when this library holds it already. */
  localId: string | null;
  /** The reporters who pushed it, as far as this reporter may see. */
  addedBy: string[];
  /** The desks it is shared with that this reporter belongs to. */
  desks: string[];
}

export interface ArchiveSearchResult {
  query: string;
  total: number;
  tookMs: number;
  hits: ArchiveHit[];
  /** A one-line note (nothing searchable in the query, archive not linked). */
  message?: string;
}

/** An older text of a note that a later edit replaced: kept, never dropped. */
export interface NoteVersion {
  note: string;
  /** When that text was written, and when it was replaced (ISO 8601). */
  writtenAt: string;
  replacedAt: string;
}

/** Which annotations the All annotations view shows: everyone's, only mine, or those shared to my desks by others. */
export const ANNOTATION_AUTHOR_FILTERS = ['me', 'desk'] as const;
export type AnnotationAuthorFilter = (typeof ANNOTATION_AUTHOR_FILTERS)[number];
