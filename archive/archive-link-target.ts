// What an archive address reaches, in the words a person confirms before linking: the server and
// database the address names (libpq's meaning, defaults included), the role, and whether the open
// connection is encrypted, which only the server can say (sslmode=prefer may fall back to plain).
import type { ArchiveLinkPreview } from '../contract/archive.ts';
import { archiveClientConfig, type ArchiveDb } from './archive-connection.ts';

export type ArchiveLinkTarget = Pick<ArchiveLinkPreview, 'host' | 'port' | 'database' | 'user' | 'tls'>;

export async function describeLinkTarget(db: ArchiveDb, address: string): Promise<ArchiveLinkTarget> {
  const { config, user } = archiveClientConfig(address);
  // Every role may read its own backend's row of pg_stat_ssl.
  const { rows } = await db.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
  return {
    host: config.host ?? 'localhost',
    port: config.port ?? 5432,
    database: config.database ?? user,
    user: db.user,
    tls: rows[0]?.ssl === true,
  };
}
