import type { CommandArgs, CommandName, CommandResult } from '../../contract/index.ts';

/**
 * What the state classes need of the host: its commands, as renderer/client's NewsroomClient sends
 * them. Unit tests pass a double that records the calls and answers them.
 */
export interface CommandClient {
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
}
