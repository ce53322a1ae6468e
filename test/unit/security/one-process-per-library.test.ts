import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppContext, LibraryInUseError } from '../../../commands/app-context.ts';
import { runCli } from '../../../cli/main.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

// Decision: one process per library. SQLite alone would cope (WAL, busy_timeout), but each process
// keeps its own search index and would not see the other's changes; so the second is told clearly.
describe('a library open in another process', () => {
  it('is refused with the holder’s pid, and taken over once that process is gone (even after kill -9)', async () => {
    const folder = temporaryFolder();
    const libraryDir = join(folder.dir, 'lib');
    const child = spawn(
      join(repo, 'node_modules/.bin/node'),
      ['--input-type=module', '-e', `import { AppContext } from './commands/app-context.ts'; await AppContext.open({ libraryDir: ${JSON.stringify(libraryDir)}, runtime: 'browser' }); console.log('open'); setInterval(() => {}, 1000);`],
      { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
        child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
      });
      await expect(AppContext.open({ libraryDir, runtime: 'browser' })).rejects.toThrow(LibraryInUseError);
      await expect(AppContext.open({ libraryDir, runtime: 'browser' })).rejects.toMatchObject({ pid: child.pid, folder: libraryDir });
      const errors: string[] = [];
      expect(await runCli(['list', '--library', libraryDir], { out: () => {}, err: (line) => errors.push(line) }, {})).toBe(2);
      expect(errors.join('\n')).toContain(`is open in another Newsroom Reader process (pid ${child.pid})`);

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const context = await AppContext.open({ libraryDir, runtime: 'browser' });
      await context.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      folder.remove();
    }
  }, 60_000);
});
