// The CLI stopped with SIGTERM in the middle of a large import: it exits at once, through the launcher
// too (which re-runs the CLI on the bundled Node 24 when the system Node is older), leaves no process
// holding the library, and leaves a whole library that opens and finds what was committed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { integrityCheck } from '../library/library-fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Far above the 2 s aim, so a loaded machine does not make the test flaky; the real figure is printed. */
const EXIT_BOUND_MS = 5000;
const FILES = 3000;

/** A system Node older than 22.13 (CI's Node 20), which makes the launcher re-run the CLI on Node 24. */
function olderSystemNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 13)) return candidate;
  }
  return null;
}

function articleCount(libraryDir: string): number {
  const db = new DatabaseSync(join(libraryDir, 'library.sqlite'), { readOnly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

function committedSoFar(libraryDir: string): number {
  if (!existsSync(join(libraryDir, 'library.sqlite'))) return 0;
  try {
    return articleCount(libraryDir);
  } catch (error) {
    // The schema not yet written, or the file briefly locked by the import (seen on the branch point
    // too, about 3 in 1,000 polls): "not yet", not a failure.
    if (/no such table|database is locked/.test(String(error))) return 0;
    throw error;
  }
}

describe('the CLI stops promptly on SIGTERM during an import', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nr-cli-stop-'));
    mkdirSync(join(root, 'in'));
    for (let i = 0; i < FILES; i++) writeFileSync(join(root, 'in', `bai-${i}.txt`), `Bài số ${i} về đàm phán\n\nHai bên nối lại đàm phán ngừng bắn, lần thứ ${i}.`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const cases: [string, () => [string, string[]] | null][] = [
    ['run directly on Node 24', () => [process.execPath, [join(repoRoot, 'cli/entry.ts')]]],
    ['through the launcher on an older system Node', () => {
      const node = olderSystemNode();
      return node && existsSync(join(repoRoot, 'dist/cli/entry.js')) ? [node, [join(repoRoot, 'bin/newsroom-reader.js')]] : null;
    }],
  ];

  for (const [name, command] of cases) {
    it(name, async (context) => {
      const found = command();
      if (!found) return context.skip('needs a system Node older than 22.13 and a build (npm run build)');
      const [node, prefix] = found;
      const libraryDir = join(root, 'library');
      const child = spawn(node, [...prefix, '--library', libraryDir, 'import', join(root, 'in')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
      // Stop once articles are being committed. The file exists a moment before its schema does, so a
      // missing table while polling means "not yet", not a failure.
      for (let tries = 0; ; tries++) {
        if (committedSoFar(libraryDir) > 20) break;
        if (tries > 600) throw new Error('the import never started committing');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const started = performance.now();
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), EXIT_BOUND_MS))]);
      const ms = Math.round(performance.now() - started);
      if (code === 'late') {
        child.kill('SIGKILL');
        throw new Error(`the CLI did not exit within ${EXIT_BOUND_MS} ms of SIGTERM`);
      }
      console.log(`CLI (${name}) exited ${ms} ms after SIGTERM during an import`);

      expect(integrityCheck(libraryDir)).toBe('ok');
      const articles = articleCount(libraryDir);
      expect(articles).toBeGreaterThan(20);
      expect(articles).toBeLessThan(FILES);
      // No process was left holding the library: it opens here, and search finds what was committed.
      const app = await AppContext.open({ libraryDir, runtime: 'browser' });
      try {
        await app.search.whenIdle();
        const result = await app.dispatch('search.query', { query: 'dam phan', limit: 1 });
        expect(result).toMatchObject({ ok: true, value: { total: articles } });
      } finally {
        await app.close();
      }
    }, 60_000);
  }
});
