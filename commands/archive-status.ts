// The archive service's plain pieces: the status of a library with no archive, the problem kept on
// the link across restarts, and the refusals every archive command shares (with their UI reasons).
import type { ArchiveProblem, ArchiveStatus } from '../contract/index.ts';
import type { ArchiveLinkRecord } from '../archive/archive-local-store.ts';
import { CommandError } from './command-error.ts';

export const UNLINKED_STATUS: Readonly<ArchiveStatus> = Object.freeze({
  linked: false,
  address: null,
  user: null,
  reachable: false,
  live: false,
  syncing: false,
  lastSync: null,
  pending: 0,
  problem: null,
  message: null,
  desks: [],
  defaultDesk: null,
  sharedCollections: [],
  passwordSource: null,
});

export interface KeptProblem {
  problem: ArchiveProblem;
  /** Its English wording, for the CLI and logs. */
  message: string;
}

/** What the link keeps of the last problem, so a restarted app shows it before it tries again. */
export function keepProblem(kept: KeptProblem | null): string | null {
  return kept ? JSON.stringify(kept) : null;
}

/** The link's kept problem; null when there is none. Text that is not one (an older version's) is shown as it is. */
export function storedProblem(link: ArchiveLinkRecord | null): KeptProblem | null {
  if (!link?.lastProblem) return null;
  try {
    const parsed = JSON.parse(link.lastProblem) as Partial<KeptProblem>;
    if (typeof parsed?.problem?.kind === 'string' && typeof parsed.message === 'string') return { problem: parsed.problem, message: parsed.message };
  } catch {
    // Not JSON: fall through.
  }
  return { problem: { kind: 'archive.failed', detail: link.lastProblem }, message: `The archive failed: ${link.lastProblem}` };
}

export function notLinkedError(): CommandError {
  return new CommandError('failed', 'This library is not linked to an archive: run archive connect first.', { kind: 'archive.not-linked' });
}

export function pendingChangesError(pending: number): CommandError {
  return new CommandError(
    'failed',
    `${pending} local change${pending === 1 ? '' : 's'} wait${pending === 1 ? 's' : ''} to be pushed: push them first (archive push), or disconnect discarding them.`,
    { kind: 'archive.pending-changes', pending },
  );
}

export function notOnDeskError(desk: string, user: string | undefined): CommandError {
  return new CommandError('invalid-arguments', `There is no desk "${desk}" that ${user ?? 'this reporter'} is on.`, { kind: 'archive.not-on-desk', desk });
}
