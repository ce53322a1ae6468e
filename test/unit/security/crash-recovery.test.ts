import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { temporaryFolder, integrityCheck } from '../library/library-fixtures.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const ACKS_BEFORE_KILL = 12;

/** Starts the child, lets it acknowledge some writes, kills it with SIGKILL mid-stream; returns the acknowledged ids. */
async function killMidway(libraryDir: string, mode: 'import' | 'annotate'): Promise<{ seeded: string | null; acked: string[] }> {
  const child = spawn(join(repo, 'node_modules/.bin/node'), [join(repo, 'test/unit/security/crash-child.ts'), libraryDir, mode], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  let stderr = '';
  const acked: string[] = [];
  let seeded: string | null = null;
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no acknowledgements in time: ${stderr}`)), 40_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        // Only whole lines count: a line cut by the kill was never an acknowledgement.
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const ack = /^ack (\d+) (\S+)$/.exec(line);
          if (ack) acked.push(ack[2]!);
          const seed = /^seeded (\S+)$/.exec(line);
          if (seed) seeded = seed[1]!;
        }
        if (acked.length >= ACKS_BEFORE_KILL) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`child exited early with ${code}: ${stderr}`)));
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  return { seeded, acked };
}


// The child may have committed one more write whose acknowledgement the kill cut off; nothing acknowledged may be missing.
describe('after kill -9', () => {
  it('during imports: the library is intact, holds every acknowledged article, and search finds the last one', async () => {
    const folder = temporaryFolder();
    try {
      const { acked } = await killMidway(folder.dir, 'import');
      expect(integrityCheck(folder.dir)).toBe('ok');
      const context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
      try {
        const count = context.library.counts().all;
        expect(count).toBeGreaterThanOrEqual(acked.length);
        expect(count).toBeLessThanOrEqual(acked.length + 1);
        for (const id of acked) expect(context.library.get(id), id).not.toBeNull();
        await context.search.whenIdle();
        const last = acked.length - 1;
        const found = await context.dispatch('search.query', { query: `dauvet${last}x` });
        expect(found).toMatchObject({ ok: true, value: { total: 1, hits: [{ id: acked[last] }] } });
      } finally {
        await context.close();
      }
    } finally {
      folder.remove();
    }
  }, 90_000);

  it('during annotating: the library is intact and holds every acknowledged annotation', async () => {
    const folder = temporaryFolder();
    try {
      const { seeded, acked } = await killMidway(folder.dir, 'annotate');
      expect(integrityCheck(folder.dir)).toBe('ok');
      const context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
      try {
        const annotations = context.library.annotations.forArticle(seeded!);
        expect(annotations.length).toBeGreaterThanOrEqual(acked.length);
        expect(annotations.length).toBeLessThanOrEqual(acked.length + 1);
        const ids = new Set(annotations.map((annotation) => annotation.id));
        for (const id of acked) expect(ids.has(id), id).toBe(true);
        await context.search.whenIdle();
        // Notes are searchable: the last acknowledged one is found.
        const found = await context.dispatch('search.query', { query: `dauvet${acked.length - 1}x` });
        expect(found).toMatchObject({ ok: true, value: { total: 1, hits: [{ id: seeded }] } });
      } finally {
        await context.close();
      }
    } finally {
      folder.remove();
    }
  }, 90_000);
});
