import type { CommandErrorCode } from '../electron/contract.ts';

/** An error a command handler raises on purpose; its message is shown to the user as is. */
export class CommandError extends Error {
  readonly code: CommandErrorCode;

  constructor(code: CommandErrorCode, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
  }
}
