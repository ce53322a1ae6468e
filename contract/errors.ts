// How a refusal crosses every host: a code, the English message the CLI prints, and the reason as
// data for the UI to word in its own language. Plain types only.

import type { ImportFailure } from './import-report.ts';
import type { OpmlProblemReason } from './sources.ts';
import type { ArchiveProblem } from './archive.ts';

export type CommandErrorCode = 'invalid-arguments' | 'unknown-command' | 'not-found' | 'unsupported' | 'failed';

/**
 * Why a command was refused, as data, for the UI to say in its own language; `message` keeps the
 * English wording the CLI prints. Failures the host did not foresee come without one.
 */
export type FailureReason =
  | { kind: 'move.not-absolute' }
  | { kind: 'move.same-folder' }
  | { kind: 'move.inside-library' }
  | { kind: 'move.not-a-folder'; path: string }
  | { kind: 'move.not-empty'; path: string }
  | { kind: 'move.parent-missing'; path: string }
  | { kind: 'move.copy-mismatch'; path: string }
  | { kind: 'move.cannot-create'; path: string; code: string }
  | { kind: 'command.not-allowed'; command: string }
  /** The app's core stopped while the command ran (it is restarted); `restarted: false` once it stopped too often. */
  | { kind: 'core.stopped'; restarted: boolean }
  | { kind: 'backup.exists'; path: string }
  | { kind: 'backup.live-library'; path: string }
  | { kind: 'disk-full'; folder: string }
  | { kind: 'library.in-use'; folder: string; pid: number }
  | { kind: 'backup.is-folder'; path: string }
  | { kind: 'backup.folder-missing'; path: string }
  | { kind: 'article.not-found'; id: string }
  | { kind: 'export.unknown-articles' }
  | { kind: 'annotation.article-not-found' }
  | { kind: 'annotation.not-found' }
  | { kind: 'annotation.quote-not-found' }
  | { kind: 'annotation.invalid-range' }
  | { kind: 'annotation.invalid-input' }
  | { kind: 'source.not-found'; id: string }
  | { kind: 'source.exists'; id: string; title: string }
  /** Subscribing failed: the address could not be fetched, or holds no feed; `failure` says why. */
  | { kind: 'source.unusable'; url: string; failure: ImportFailure }
  | { kind: 'source.empty-folder'; folder: string }
  /** An OPML file so broken that nothing could be read from it. */
  | { kind: 'opml.unreadable'; line: number; detail: string; problem: OpmlProblemReason }
  /** The bulk action to undo is no longer remembered (undone already, or too old). */
  | { kind: 'bulk.undo-expired' }
  | { kind: 'watch.not-found'; id: string }
  | { kind: 'watch.exists'; name: string }
  /** The shared archive could not be reached or used (connect, sync, search). */
  | ArchiveProblem
  /** An archive command on a library that is not linked to an archive. */
  | { kind: 'archive.not-linked' }
  /** Disconnecting would drop local changes not yet pushed. */
  | { kind: 'archive.pending-changes'; pending: number }
  /** The address carried a password; `where` says where it belongs on this host. */
  | { kind: 'archive.password-in-address'; where: 'keychain' | 'session' | 'environment' }
  /** The archive holds no article with this id that this reporter may see. */
  | { kind: 'archive.article-not-found'; archiveId: string }
  /** The desk does not exist, or this reporter is not on it. */
  | { kind: 'archive.not-on-desk'; desk: string }
  /** Another reporter's annotation: it can be read here, not shared or changed. */
  | { kind: 'archive.foreign-annotation'; id: string }
  /**
   * A renderer's link to a new archive without a valid confirmation from archive.probe: none was given,
   * it is unknown (used already, or from an earlier run), it expired, or it was for another address.
   */
  | { kind: 'archive.link-unconfirmed'; why: 'missing' | 'unknown' | 'expired' | 'other-address' };

export interface CommandErrorBody {
  code: CommandErrorCode;
  message: string;
  reason?: FailureReason;
}

/** Every host answers a call with this envelope, so errors cross IPC and HTTP intact. */
export type CommandOutcome<R> = { ok: true; value: R } | { ok: false; error: CommandErrorBody };

const SQLITE_FULL = 13;

/**
 * Whether an error means the disk (or the database's size limit) is full: SQLite's SQLITE_FULL or the system's ENOSPC.
 * Here so every layer that writes (library, importers, hosts) words it as the one `disk-full` reason.
 */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { errcode, code } = error as Error & { errcode?: number; code?: string };
  // Extended result codes keep the primary code in the low byte.
  return (typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL) || code === 'ENOSPC';
}
