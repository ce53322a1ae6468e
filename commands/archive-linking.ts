// Reaching the archive an address names, to link the library to it (archive.connect) or to learn
// what linking would mean (archive.probe). Here are the rules a renderer's link has to pass before
// the core sends anything to a server the renderer named: no password inside the address, no move to
// another archive while changes wait, a typed password (PGPASSWORD holds for any server), and, for a
// new address, the confirmation archive.probe gave for it.
import type { ArchiveLinkPreview, DeskInfo, Host } from '../contract/index.ts';
import type { ArchiveDb } from '../archive/archive-connection.ts';
import type { ArchiveLinkRecord } from '../archive/archive-local-store.ts';
import { CommandError } from './command-error.ts';
import { unconfirmedLink, type ArchiveLinkConfirmations } from './archive-link-confirmations.ts';
import { passwordHome, refusePasswordInAddress, type ArchiveHostServices } from './archive-passwords.ts';
import { pendingChangesError } from './archive-status.ts';

/** The archive to reach: the address as typed, and the password when one was typed. */
export interface ArchiveLinkInput {
  address: string;
  password?: string | undefined;
}

/** What the library's ArchiveService tells about itself for reaching an archive. */
export interface LinkingContext {
  host: ArchiveHostServices;
  /** The archive the library is linked to now, if any. */
  current: ArchiveLinkRecord | null;
  pending: () => number;
  confirmations: ArchiveLinkConfirmations;
}

/** A renderer (the desktop window, a browser tab), as against the CLI or in-process code. */
export const fromRenderer = (caller: Host | undefined): boolean => caller !== undefined && caller !== 'cli';

const loadConnection = async () => {
  const [connection, migrations] = await Promise.all([import('../archive/archive-connection.ts'), import('../archive/archive-migrations.ts')]);
  return { ...connection, ...migrations };
};

/** An archive failure as the command's refusal, in the UI's reason kinds. */
async function archiveFailure(error: unknown, user: string): Promise<CommandError> {
  if (error instanceof CommandError) return error;
  const { describeArchiveError, describeProblem } = await loadConnection();
  const problem = describeArchiveError(error, user);
  return new CommandError('failed', describeProblem(problem), problem);
}

/**
 * Opens the archive an address names after the checks above, proves its schema and reads the role's
 * desks; the caller closes `db`. Linking (`linking` given), a renderer's new address uses up the
 * confirmation archive.probe gave for this very address, before the archive is reached.
 */
export async function reachArchive(
  input: ArchiveLinkInput,
  caller: Host | undefined,
  context: LinkingContext,
  linking: { confirmation?: string | undefined } | null,
): Promise<{ db: ArchiveDb; desks: DeskInfo[]; address: string }> {
  refusePasswordInAddress(input.address, passwordHome(caller, context.host));
  const { openArchiveDb, checkArchiveSchema, redactAddress, archiveClientConfig } = await loadConnection();
  const address = redactAddress(input.address);
  const newArchive = context.current?.address !== address;
  if (context.current && newArchive && context.pending() > 0) throw pendingChangesError(context.pending());
  if (fromRenderer(caller) && input.password === undefined && newArchive) {
    let user = '';
    try {
      user = archiveClientConfig(input.address).user;
    } catch {
      // An address pg cannot read: the password is still what is missing first.
    }
    throw new CommandError('invalid-arguments', `Give the password of ${user || 'this reporter'} to link to a new archive.`, { kind: 'archive.no-password', user });
  }
  const confirmed = linking && fromRenderer(caller) && newArchive ? context.confirmations.redeem(linking.confirmation, input.address) : null;
  let db: ArchiveDb;
  try {
    db = await openArchiveDb({ address: input.address, ...(input.password !== undefined ? { password: input.password } : {}) });
  } catch (error) {
    throw await archiveFailure(error, '');
  }
  try {
    if (confirmed && confirmed.user !== db.user) throw unconfirmedLink('other-address');
    await db.withClient((client) => checkArchiveSchema(client));
    return { db, desks: await db.desks(), address };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw await archiveFailure(error, '');
  }
}

/** What linking to this address would mean, with a confirmation for archive.connect; links nothing. */
export async function probeArchive(input: ArchiveLinkInput, caller: Host | undefined, context: LinkingContext): Promise<ArchiveLinkPreview> {
  const { db, desks, address } = await reachArchive(input, caller, context, null);
  try {
    const { describeLinkTarget } = await import('../archive/archive-link-target.ts');
    const target = await describeLinkTarget(db, input.address);
    return { ...context.confirmations.issue(input.address, db.user), address, ...target, desks };
  } catch (error) {
    throw await archiveFailure(error, db.user);
  } finally {
    await db.close().catch(() => undefined);
  }
}
