// What push and pull need of a connection to the archive (openArchiveDb's ArchiveDb): the reporter it
// acts as, queries, and transactions on one session.
import type { ArchiveDb } from './archive-connection.ts';

export type { ArchiveQueryable } from './archive-connection.ts';
export type ArchiveSyncDb = Pick<ArchiveDb, 'user' | 'query' | 'transaction'>;
