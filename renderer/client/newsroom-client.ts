import type { CommandArgs, CommandErrorCode, CommandName, CommandResult, EventName, EventPayload, NewsroomBridge } from '../../electron/contract.ts';
import { detectBridge } from './transport.ts';

/** A command the host refused or that failed; `message` is written for the user. */
export class CommandFailure extends Error {
  readonly code: CommandErrorCode;

  constructor(code: CommandErrorCode, message: string) {
    super(message);
    this.code = code;
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
    if (!outcome.ok) throw new CommandFailure(outcome.error.code, outcome.error.message);
    return outcome.value as CommandResult<N>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.#bridge.on(event, (payload) => listener(payload as EventPayload<E>));
  }
}

export const client = new NewsroomClient();
