// What push and pull need of a connection to the archive: the reporter it acts as, queries, and
// transactions on one session. archive-connection.ts's ArchiveDb (openArchiveDb) is one.
import type pg from 'pg';

export interface ArchiveQueryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface ArchiveSyncDb extends ArchiveQueryable {
  /** The PostgreSQL role this connection acts as (the reporter). */
  readonly user: string;
  /** Runs `work` in BEGIN … COMMIT on one session; ROLLBACK when it throws. */
  transaction<T>(work: (client: ArchiveQueryable) => Promise<T>): Promise<T>;
}
