import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../importers/index.ts';
import { MemorySink } from '../importers/importer-test-helpers.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';

// The audit: a FIFO hung the import, /dev/zero grew to 504 MB in 10 s. Only regular files are read,
// and never more than the limit, whatever stat says.
describe.skipIf(process.platform === 'win32')('importing things that are not regular files', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const folder = temporaryFolder();
    try {
      const fifo = join(folder.dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const report = await runImport([{ kind: 'path', path: fifo }], new MemorySink());
      expect(report.failed).toEqual([{ path: fifo, error: expect.stringMatching(/not a regular file/), reason: { kind: 'not-a-regular-file' } }]);
    } finally {
      folder.remove();
    }
  }, 10_000);

  it.skipIf(!existsSync('/dev/zero'))('refuses a device such as /dev/zero without reading it', async () => {
    const before = process.memoryUsage().rss;
    const report = await runImport([{ kind: 'path', path: '/dev/zero' }], new MemorySink(), { maxBytes: 1024 });
    expect(report.failed).toEqual([{ path: '/dev/zero', error: expect.any(String), reason: { kind: 'not-a-regular-file' } }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 10_000);

  it('still reads a regular file up to the limit and refuses one past it', async () => {
    const folder = temporaryFolder();
    try {
      writeFileSync(join(folder.dir, 'fits.txt'), 'Tiêu đề\n\nNội dung vừa đủ.');
      writeFileSync(join(folder.dir, 'big.txt'), 'x'.repeat(2048));
      const report = await runImport([{ kind: 'path', path: join(folder.dir, 'fits.txt') }, { kind: 'path', path: join(folder.dir, 'big.txt') }], new MemorySink(), { maxBytes: 1024 });
      expect(report.imported).toHaveLength(1);
      expect(report.failed).toEqual([{ path: join(folder.dir, 'big.txt'), error: expect.any(String), reason: { kind: 'too-large', maxBytes: 1024 } }]);
    } finally {
      folder.remove();
    }
  });
});
