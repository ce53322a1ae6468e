// What sync needs of the local library: its link to the archive, the outbox, archive ids of its
// articles, its annotations' sync state, and one transaction that writes a pulled page. The library
// implements it (library/archive-store.ts, reached as `library.archive`); archive code never touches
// SQLite itself.
import type { NoteVersion } from '../contract/archive.ts';
import type {
  AnnotationMerge,
  ArchiveLinkRecord,
  ArchiveOutboxEntry,
  LocalAnnotationState,
  OutgoingArticle,
  PulledChanges,
  PullOutcome,
} from '../library/archive-sync-model.ts';

export type {
  AnnotationMerge,
  ArchiveLinkRecord,
  ArchiveOutboxEntry,
  ArchiveOutboxKind,
  IncomingAnnotation,
  IncomingArticle,
  IncomingNoteVersion,
  LocalAnnotationState,
  OutgoingArticle,
  PulledChanges,
  PullOutcome,
  SyncedAnnotationFields,
} from '../library/archive-sync-model.ts';

export interface ArchiveLocalStore {
  link(): ArchiveLinkRecord | null;
  linkTo(input: { address: string; user: string; defaultDesk?: string | null; secret?: Uint8Array | null }): ArchiveLinkRecord;
  unlink(options?: { discardPending?: boolean }): void;
  updateLink(patch: Partial<Pick<ArchiveLinkRecord, 'defaultDesk' | 'secret' | 'lastSync' | 'lastProblem' | 'pullSeq' | 'knownDesks'>>): void;
  pendingCount(): number;
  /** Outbox entries in order, oldest first, after `afterSeq` when given. */
  outbox(limit: number, afterSeq?: number): ArchiveOutboxEntry[];
  /** After the archive committed: drops these entries and records archive ids (local id → archive id). */
  acknowledge(seqs: readonly number[], archiveIds: ReadonlyMap<string, string>): void;
  archiveIdOf(localId: string): string | null;
  localIdOf(archiveId: string): string | null;
  /** The content hash of a local article's text (the library's dedup hash), null when it is gone. */
  contentHashOf(localId: string): string | null;
  article(localId: string): OutgoingArticle | null;
  articlesInCollection(collection: string): string[];
  annotation(id: string): LocalAnnotationState | null;
  collectionShares(): { collection: string; desk: string }[];
  shareCollection(collection: string, desk: string, share: boolean): void;
  shareAnnotations(ids: readonly string[], desk: string | null): string[];
  noteHistory(annotationId: string): NoteVersion[];
  applyPull(changes: PulledChanges, merge: AnnotationMerge): PullOutcome;
}
