import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main.ts';

async function cli(args: string[]): Promise<{ code: number; err: string; out: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, {});
  return { code, err, out };
}

describe('CLI numbers and backups', () => {
  it('gives a clear range error for --offset instead of "datatype mismatch"', async () => {
    const library = await mkdtemp(join(tmpdir(), 'nr-cli-range-'));
    try {
      for (const [offset, message] of [
        ['1e20', '--offset must be a whole number, got "1e20"'],
        ['2000000000', '--offset must be between 0 and 1000000000'],
        ['-1', 'must be a whole number'],
      ] as const) {
        const result = await cli(['--library', library, 'list', `--offset=${offset}`]);
        expect(result.code, offset).toBe(2);
        expect(result.err).toContain(message);
        expect(result.err).not.toMatch(/datatype mismatch/);
      }
      expect((await cli(['--library', library, 'list', '--offset', '1000000000'])).code).toBe(0);
    } finally {
      await rm(library, { recursive: true, force: true });
    }
  });

  it('keeps an existing backup file unless --overwrite', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nr-cli-backup-'));
    try {
      const target = join(root, 'copy.sqlite');
      await writeFile(target, 'old');
      const refused = await cli(['--library', join(root, 'lib'), 'backup', target]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('already exists');
      expect((await cli(['--library', join(root, 'lib'), 'backup', target, '--overwrite'])).code).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
