import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { FolderCreateError, makeFolder } from '../../../library/make-folder.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const node = join(repo, 'node_modules/.bin/node');

/** Runs a module snippet in a child with a hard time limit, so a regression fails instead of hanging the suite. */
function runBounded(source: string): { status: number | null; stdout: string; timedOut: boolean } {
  const result = spawnSync(node, ['--input-type=module', '-e', source], { cwd: repo, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  return { status: result.status, stdout: result.stdout, timedOut: result.signal === 'SIGKILL' };
}

// The audit: moving the library to /proc/khong-the sent the host into an endless mkdir loop (Node's
// recursive mkdir retries forever when the system answers ENOENT for a parent that exists).
describe.skipIf(process.platform !== 'linux' || !existsSync('/proc/self'))('loops over a user-supplied path end, with a reason', () => {
  it('moving the library under /proc is refused, naming the folder', () => {
    const folder = temporaryFolder();
    try {
      const run = runBounded(`
        import { AppContext } from './commands/app-context.ts';
        const context = await AppContext.open({ libraryDir: ${JSON.stringify(join(folder.dir, 'lib'))}, runtime: 'browser' });
        const outcome = await context.dispatch('library.move', { path: '/proc/khong-the' });
        await context.close();
        console.log(JSON.stringify(outcome));
      `);
      expect(run.timedOut).toBe(false);
      expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', reason: { kind: 'move.cannot-create', path: '/proc/khong-the', code: 'ENOENT' } },
      });
    } finally {
      folder.remove();
    }
  });

  it('opening a library under /proc ends with an error naming the folder', () => {
    const run = runBounded(`
      import { runCli } from './cli/main.ts';
      const lines = [];
      const code = await runCli(['list', '--library', '/proc/khong-the/thu-vien'], { out: (l) => lines.push(l), err: (l) => lines.push(l) }, {});
      console.log(JSON.stringify({ code, lines }));
    `);
    expect(run.timedOut).toBe(false);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { code: number; lines: string[] };
    expect(result.code).toBe(2);
    expect(result.lines.join('\n')).toMatch(/Cannot create the folder \/proc\/khong-the \(ENOENT\)/);
  });

  it('makeFolder creates missing parents one at a time elsewhere', () => {
    const folder = temporaryFolder();
    try {
      makeFolder(join(folder.dir, 'a', 'b', 'c'));
      expect(existsSync(join(folder.dir, 'a', 'b', 'c'))).toBe(true);
      expect(() => makeFolder('/proc/khong-the/x')).toThrow(FolderCreateError);
      // A new library folder is the user's alone: it holds unpublished work.
      Library.open(join(folder.dir, 'private')).close();
      expect(statSync(join(folder.dir, 'private')).mode & 0o777).toBe(0o700);
    } finally {
      folder.remove();
    }
  });
});
