// What an archive administrator does besides `archive init`: make desks and put reporters on them.
// Run as the archive's owner (a role with CREATEROLE). Every reporter is a LOGIN role in the group
// nr_reporter; desk membership is a row the row-level security policies read.
import pg from 'pg';
import { ArchiveError, type ArchiveQueryable } from './archive-connection.ts';
import { REPORTER_ROLE } from './archive-schema.ts';

/** PostgreSQL's limit on a role name (NAMEDATALEN - 1 bytes). */
const MAX_ROLE_BYTES = 63;

function checkRoleName(role: string): void {
  if (!role.trim() || Buffer.byteLength(role) > MAX_ROLE_BYTES || /[\0]/.test(role)) {
    throw new ArchiveError({ kind: 'archive.failed', detail: `"${role}" is not a role name a reporter can have (1 to ${MAX_ROLE_BYTES} bytes)` });
  }
  if (role.startsWith('pg_') || role === REPORTER_ROLE) {
    throw new ArchiveError({ kind: 'archive.failed', detail: `"${role}" is reserved and cannot be a reporter` });
  }
}

/** Creates a desk; true when it is new, false when it existed. */
export async function createDesk(client: ArchiveQueryable, name: string): Promise<boolean> {
  if (!name.trim() || name.length > 200) throw new ArchiveError({ kind: 'archive.failed', detail: 'a desk name has 1 to 200 characters' });
  const { rowCount } = await client.query(`INSERT INTO desks (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
  return rowCount === 1;
}

/**
 * Puts `role` on `desk`. A role that does not exist is created as a LOGIN role in nr_reporter (with
 * `password` when given; without one it can only log in where pg_hba trusts it); an existing role is
 * added to nr_reporter. Returns whether the role was created.
 */
export async function addMember(client: ArchiveQueryable, desk: string, role: string, password?: string): Promise<{ createdRole: boolean }> {
  checkRoleName(role);
  const desks = await client.query(`SELECT 1 FROM desks WHERE name = $1`, [desk]);
  if (desks.rowCount === 0) throw new ArchiveError({ kind: 'archive.failed', detail: `there is no desk "${desk}" (create it first)` });
  const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  const ident = pg.escapeIdentifier(role);
  const createdRole = exists.rowCount === 0;
  if (createdRole) {
    // The server hashes the password (SCRAM) before storing it; it is never kept in plain text.
    const withPassword = password === undefined ? '' : ` PASSWORD ${pg.escapeLiteral(password)}`;
    await client.query(`CREATE ROLE ${ident} LOGIN${withPassword} IN ROLE ${REPORTER_ROLE}`);
  } else {
    await client.query(`GRANT ${REPORTER_ROLE} TO ${ident}`);
    if (password !== undefined) await client.query(`ALTER ROLE ${ident} PASSWORD ${pg.escapeLiteral(password)}`);
  }
  await client.query(`INSERT INTO desk_members (desk, member) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [desk, role]);
  return { createdRole };
}

/** Takes `role` off `desk` (the role stays: it may be on other desks); true when it was a member. */
export async function removeMember(client: ArchiveQueryable, desk: string, role: string): Promise<boolean> {
  const { rowCount } = await client.query(`DELETE FROM desk_members WHERE desk = $1 AND member = $2`, [desk, role]);
  return rowCount === 1;
}
