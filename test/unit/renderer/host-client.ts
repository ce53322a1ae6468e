import { AppContext } from '../../../commands/app-context.ts';
import type { CommandArgs, CommandName, CommandResult } from '../../../contract/index.ts';
import type { CommandClient } from '../../../renderer/state/client-port.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';

/** A command as the client sent it. */
export interface RecordedCall {
  name: CommandName;
  args: unknown;
}

/**
 * The renderer's client for the state classes, answered by a real host in this process (AppContext
 * over a temporary library), recording every call. `hold(name)` keeps that command's answers back until
 * `release` is called, so a test can make an older request answer after a newer one.
 */
export class HostClient implements CommandClient {
  readonly calls: RecordedCall[] = [];
  readonly context: AppContext;
  readonly #folder: { dir: string; remove: () => void };
  readonly #held = new Map<CommandName, (() => void)[]>();

  private constructor(context: AppContext, folder: { dir: string; remove: () => void }) {
    this.context = context;
    this.#folder = folder;
  }

  static async open(): Promise<HostClient> {
    const folder = temporaryFolder();
    return new HostClient(await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' }), folder);
  }

  async close(): Promise<void> {
    await this.context.close();
    this.#folder.remove();
  }

  /** The calls of one command, in order. */
  callsOf(name: CommandName): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }

  /** Holds back the answers to `name` from now on; the function returned lets the oldest held one through. */
  hold(name: CommandName): () => void {
    this.#held.set(name, []);
    return () => {
      const waiting = this.#held.get(name);
      waiting?.shift()?.();
    };
  }

  /** Stops holding `name` back and lets every held answer through. */
  releaseAll(name: CommandName): void {
    const waiting = this.#held.get(name) ?? [];
    this.#held.delete(name);
    for (const go of waiting) go();
  }

  async call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    this.calls.push({ name, args });
    const outcome = await this.context.dispatch(name, args);
    const waiting = this.#held.get(name);
    if (waiting) await new Promise<void>((go) => waiting.push(go));
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
    return outcome.value as CommandResult<N>;
  }
}

/** Lets pending promise callbacks run (answers already dispatched, state updates that follow them). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
