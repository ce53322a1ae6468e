// The archive administrator's commands (the CLI's `archive init` and `archive desk …`): they act on
// the archive itself as its owner, with no library. Not in the command contract: a renderer never
// sets up an archive or hands out roles. The password comes from PGPASSFILE/PGPASSWORD, as psql's.
import type { ArchiveDb } from '../archive/archive-connection.ts';
import { CommandError } from './command-error.ts';
import { refusePasswordInAddress } from './archive-passwords.ts';

async function asOwner<T>(address: string, work: (db: ArchiveDb) => Promise<T>): Promise<T> {
  refusePasswordInAddress(address, 'environment');
  const { openArchiveDb, describeArchiveError, describeProblem } = await import('../archive/archive-connection.ts');
  const fail = (error: unknown): CommandError => {
    if (error instanceof CommandError) return error;
    const problem = describeArchiveError(error, '');
    return new CommandError('failed', describeProblem(problem), problem);
  };
  let db: ArchiveDb;
  try {
    // Migrations and role changes may take longer than a reporter's statement limit.
    db = await openArchiveDb({ address, statementTimeoutMs: 0, maxConnections: 1 });
  } catch (error) {
    throw fail(error);
  }
  try {
    return await work(db);
  } catch (error) {
    throw fail(error);
  } finally {
    await db.close().catch(() => undefined);
  }
}

/** Creates or migrates the archive's schema; `migrated` false when it was already current. */
export async function initArchive(address: string): Promise<{ address: string; schemaVersion: number; migrated: boolean }> {
  const { migrateArchive } = await import('../archive/archive-migrations.ts');
  return asOwner(address, async (db) => {
    const { from, to } = await db.withClient((client) => migrateArchive(client));
    return { address: db.address, schemaVersion: to, migrated: from !== to };
  });
}

export async function createArchiveDesk(address: string, name: string): Promise<{ desk: string; created: boolean }> {
  const { createDesk } = await import('../archive/archive-admin.ts');
  return asOwner(address, async (db) => ({ desk: name, created: await db.withClient((client) => createDesk(client, name)) }));
}

/** Puts a reporter on a desk, creating the LOGIN role (with `password`, hashed by the server) when it is new. */
export async function addArchiveDeskMember(address: string, desk: string, role: string, password?: string): Promise<{ desk: string; role: string; createdRole: boolean }> {
  const { addMember } = await import('../archive/archive-admin.ts');
  return asOwner(address, async (db) => ({ desk, role, ...(await db.withClient((client) => addMember(client, desk, role, password))) }));
}

export async function removeArchiveDeskMember(address: string, desk: string, role: string): Promise<{ desk: string; role: string; removed: boolean }> {
  const { removeMember } = await import('../archive/archive-admin.ts');
  return asOwner(address, async (db) => ({ desk, role, removed: await db.withClient((client) => removeMember(client, desk, role)) }));
}
