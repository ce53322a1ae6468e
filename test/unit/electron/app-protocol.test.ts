import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../../electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../hosting/content-security-policy.ts';

// <tmp>/renderer is the bundle; <tmp>/secret.txt and <tmp>/renderer-evil/ sit right next to it,
// so any escape from the bundle would find a real file and answer 200 instead of 404.
let base: string;
let rendererRoot: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nr-app-protocol-'));
  rendererRoot = join(base, 'renderer');
  await mkdir(join(rendererRoot, 'assets'), { recursive: true });
  await writeFile(join(rendererRoot, 'index.html'), '<!doctype html><title>Newsroom Reader</title>');
  await writeFile(join(rendererRoot, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(rendererRoot, 'assets', 'tin tức.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'SECRET');
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'SECRET');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string): Promise<Response> => appProtocolResponse(url, rendererRoot);

describe('app:// protocol handler', () => {
  it('serves bundled files with their type, the CSP and nosniff', async () => {
    const page = await get('app://bundle/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>Newsroom Reader</title>');

    const script = await get('app://bundle/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log("app");');
  });

  it('serves index.html for the root and ignores query and fragment', async () => {
    expect(await (await get('app://bundle/')).text()).toContain('Newsroom Reader');
    expect(await (await get('app://bundle')).text()).toContain('Newsroom Reader');
    expect((await get('app://bundle/index.html?lang=vi#/article/1')).status).toBe(200);
  });

  it('decodes percent-encoded names inside the bundle', async () => {
    const css = await get(`app://bundle/assets/${encodeURIComponent('tin tức.css')}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for unknown paths and for folders', async () => {
    for (const url of ['app://bundle/missing.js', 'app://bundle/assets/missing.css', 'app://bundle/assets', 'app://bundle/assets/', 'app://bundle/index.html/x']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('never serves a file outside the bundle, however the path is written', async () => {
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/..%2fsecret.txt',
      'app://bundle/%2e%2e%2fsecret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://bundle/..%2frenderer-evil%2fx.js',
      'app://bundle/..%5csecret.txt',
      'app://bundle/assets%5c..%5c..%5csecret.txt',
      `app://bundle/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://bundle/index.html%00.js',
      'app://bundle/%E0%A4%A',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
    }
  });

  it('answers only for the bundle host and the app scheme', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://bundle.evil/index.html',
      'app://bundle:8080/index.html',
      'https://bundle/index.html',
      `file://${join(rendererRoot, 'index.html')}`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('answers 400 when the request URL does not parse', async () => {
    expect((await get('not a url')).status).toBe(400);
    expect((await get('')).status).toBe(400);
  });
});
