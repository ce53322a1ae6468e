// Sync between the library and the shared archive: push the outbox, pull by change_seq, merge
// annotations field by field, listen for changes. The host's archive service drives these.
import { pullChanges, type PullResult } from './archive-pull.ts';
import { pushOutbox, type PushResult } from './archive-push.ts';
import type { ArchiveLocalStore } from './archive-local-store.ts';
import type { ArchiveSyncDb } from './archive-sync-db.ts';

export { mergeAnnotation } from './annotation-merge.ts';
export { listenForChanges, ARCHIVE_CHANNEL, type ArchiveListener, type ArchiveListenerOptions } from './archive-listen.ts';
export { pullChanges, type PullResult } from './archive-pull.ts';
export { pushOutbox, type PushResult } from './archive-push.ts';
export type { ArchiveLocalStore } from './archive-local-store.ts';
export type { ArchiveQueryable, ArchiveSyncDb } from './archive-sync-db.ts';

/** Push, then pull; records the time of success on the link (and clears its problem). */
export async function syncArchive(db: ArchiveSyncDb, local: ArchiveLocalStore): Promise<{ pushed: PushResult; pulled: PullResult }> {
  const pushed = await pushOutbox(db, local);
  const pulled = await pullChanges(db, local);
  local.updateLink({ lastSync: new Date().toISOString(), lastProblem: null });
  return { pushed, pulled };
}
