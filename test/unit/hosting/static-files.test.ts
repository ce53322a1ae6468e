import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, readStaticFile, resolveStaticPath } from '../../../hosting/static-files.ts';

describe('static renderer files', () => {
  it('never resolves outside the renderer folder', () => {
    const root = '/srv/renderer';
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
    expect(resolveStaticPath(root, '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/..%5c..%5cwindows')).toBeNull();
    expect(resolveStaticPath(root, '/a%00b')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });

  it('serves real files with their type and refuses folders and missing files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nr-static-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
    expect((await readStaticFile(root, '/'))?.type).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/assets/font.woff2'))?.body.length).toBe(3);
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
    expect(mimeTypeFor('x.js')).toMatch(/javascript/);
  });
});
