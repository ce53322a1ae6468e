// The CLI run in this process with its output captured, as the CLI tests call it.
import { runCli } from '../../../cli/main.ts';
import type { CliIo } from '../../../cli/cli-output.ts';

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs one CLI invocation with `env` as its whole environment (no remembered library, no HOME). */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await runCli(args, io, env);
  return { code, out, err };
}
