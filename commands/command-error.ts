import type { CommandErrorCode, FailureReason } from '../contract/index.ts';

/**
 * An error a command handler raises on purpose. The CLI prints its English message; the UI words
 * `reason` in its own language, so give one whenever the user can act on the failure.
 */
export class CommandError extends Error {
  readonly code: CommandErrorCode;
  readonly reason: FailureReason | undefined;

  constructor(code: CommandErrorCode, message: string, reason?: FailureReason) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.reason = reason;
  }
}
