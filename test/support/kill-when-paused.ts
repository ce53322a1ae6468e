// Crash tests: a child process runs a write that prints "paused" at the moment a crash is wanted (and
// "finished" if it never got there); it is killed with SIGKILL there, as a power cut or kill -9 would.
import { spawn } from 'node:child_process';

/** Runs `script` with `args` on this Node until it prints "paused", then kills it with SIGKILL. `at` names the point, for failures. */
export async function killWhenPaused(script: string, args: readonly string[], at: string): Promise<void> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('paused')) resolve();
      if (output.includes('finished')) reject(new Error(`the child finished without pausing at ${at}`));
    });
    child.once('exit', () => reject(new Error(`the child exited before pausing at ${at}: ${output}`)));
  });
  child.kill('SIGKILL');
  await exited;
}
