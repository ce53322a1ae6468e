// What the library and archive/ exchange about sync: the link, outbox entries, articles and
// annotations going out and coming in, one pulled page and what writing it did. Plain types.
import type { NoteVersion } from '../contract/archive.ts';
import type { TextPositionSelector, TextQuoteSelector } from '../contract/annotation.ts';
import type { AnnotationColor } from '../contract/annotation-colors.ts';

export interface ArchiveLinkRecord {
  /** Without its password. */
  address: string;
  user: string;
  /** This library's own id, so the archive can tell two machines of one reporter apart. */
  clientId: string;
  defaultDesk: string | null;
  /** The password encrypted by the host (Electron safeStorage); null when it comes from elsewhere. */
  secret: Uint8Array | null;
  /** The archive's change_seq this library has pulled up to. */
  pullSeq: number;
  lastSync: string | null;
  lastProblem: string | null;
  /** The reporter's desks at the last pull: a desk joined since brings its older shares with a pull from the start. */
  knownDesks: string[];
}

export type ArchiveOutboxKind = 'article' | 'annotation' | 'annotation-delete' | 'collection';

export interface ArchiveOutboxEntry {
  seq: number;
  kind: ArchiveOutboxKind;
  entityId: string;
}

/** A local article as pushed: the canonical URL key and content hash are the library's own dedup rules. */
export interface OutgoingArticle {
  localId: string;
  archiveId: string | null;
  urlKey: string | null;
  contentHash: string;
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  body: string;
  /** The blocks as stored (JSON text). */
  blocksJson: string;
  collection: string | null;
}

/** The fields of an annotation that sync compares, each with the time it was last written (ISO 8601). */
export interface SyncedAnnotationFields {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: AnnotationColor;
  colorUpdated: string;
  note: string;
  noteUpdated: string;
  desk: string | null;
  deskUpdated: string;
}

export interface LocalAnnotationState extends SyncedAnnotationFields {
  id: string;
  articleId: string;
  created: string;
  author: string | null;
  foreign: boolean;
}

/** An article as the archive holds it, for the local library. */
export interface IncomingArticle {
  archiveId: string;
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  body: string;
  blocks: unknown;
}

export interface IncomingAnnotation extends SyncedAnnotationFields {
  id: string;
  articleArchiveId: string;
  author: string;
  created: string;
}

export interface IncomingNoteVersion extends NoteVersion {
  annotationId: string;
}

/** One page of what changed in the archive, in change_seq order, up to `highWater`. */
export interface PulledChanges {
  articles: IncomingArticle[];
  annotations: IncomingAnnotation[];
  history: IncomingNoteVersion[];
  /** Annotations deleted or taken back from a desk this reporter no longer sees them through. */
  removed: string[];
  highWater: number;
}

/** Last writer wins per field; the texts that lose go to `history`. */
export type AnnotationMerge = (
  local: SyncedAnnotationFields | null,
  remote: SyncedAnnotationFields,
) => { merged: SyncedAnnotationFields; history: NoteVersion[] };

export interface PullOutcome {
  /** Local ids of articles the pull added. */
  articles: string[];
  /** Annotations written or replaced. */
  annotations: string[];
  removed: string[];
  /** Articles whose search document changed (added, or their annotations did). */
  changedArticles: string[];
  /** Articles or annotations the archive sent that this library could not take (invalid, or their article unknown). */
  skipped: number;
}

