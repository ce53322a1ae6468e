import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../hosting/static-files.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';

describe.skipIf(process.platform === 'win32')('static files', () => {
  it('do not follow a symlink out of the bundle', async () => {
    const folder = temporaryFolder();
    try {
      const root = join(folder.dir, 'bundle');
      mkdirSync(join(root, 'assets'), { recursive: true });
      writeFileSync(join(root, 'index.html'), '<p>app</p>');
      writeFileSync(join(folder.dir, 'secret.txt'), 'bí mật');
      symlinkSync(join(folder.dir, 'secret.txt'), join(root, 'assets', 'leak.txt'));
      symlinkSync(folder.dir, join(root, 'up'));
      symlinkSync(join(root, 'index.html'), join(root, 'assets', 'home.html'));
      expect(await readStaticFile(root, '/assets/leak.txt')).toBeNull();
      expect(await readStaticFile(root, '/up/secret.txt')).toBeNull();
      expect((await readStaticFile(root, '/index.html'))?.body.toString()).toBe('<p>app</p>');
      // A link that stays inside the bundle is fine.
      expect((await readStaticFile(root, '/assets/home.html'))?.body.toString()).toBe('<p>app</p>');
    } finally {
      folder.remove();
    }
  });
});
