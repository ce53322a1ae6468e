import type { CommandArgs, CommandErrorCode, CommandName, CommandResult, EventName, EventPayload, FailureReason, NewsroomBridge } from '../../contract/index.ts';
import { detectBridge } from './transport.ts';

/**
 * A command the host refused or that failed. `message` is the host's English (details for a tooltip
 * or the console); show renderer/host-messages.ts's commandFailureText(), which words `reason` in the
 * UI's language.
 */
export class CommandFailure extends Error {
  readonly code: CommandErrorCode;
  readonly reason: FailureReason | undefined;

  constructor(code: CommandErrorCode, message: string, reason?: FailureReason) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

/** The renderer's typed view of the command contract. */
export class NewsroomClient {
  readonly #bridge: NewsroomBridge;

  constructor(bridge: NewsroomBridge = detectBridge()) {
    this.#bridge = bridge;
  }

  async call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    const outcome = await this.#bridge.call(name, args);
    if (!outcome.ok) throw new CommandFailure(outcome.error.code, outcome.error.message, outcome.error.reason);
    return outcome.value as CommandResult<N>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.#bridge.on(event, (payload) => listener(payload as EventPayload<E>));
  }
}

export const client = new NewsroomClient();
