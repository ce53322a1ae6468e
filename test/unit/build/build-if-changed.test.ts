import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideBuild, writeStamp } from '../../../build/build-if-changed.ts';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Builds as `npm start` would: records the fingerprint taken before the build. */
function build(): void {
  const decision = decideBuild(root);
  if (!decision.build) throw new Error('nothing to build');
  for (const output of ['dist/cli/start.js', 'dist/cli-bundle/entry.js', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) write(output, 'built');
  writeStamp(root, decision.fingerprint);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nr-build-stamp-'));
  write('tsconfig.node.json', JSON.stringify({ include: ['cli', 'search', 'newfolder'] }));
  write('package.json', '{"name":"x"}');
  write('cli/main.ts', 'export const a = 1;');
  write('search/run-search.ts', 'export const b = 2;');
  write('renderer/components/nr-app.ts', 'export const c = 3;');
  write('test/unit/a.test.ts', 'it()');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start builds only when a source changed', () => {
  it('builds the first time, then not again while nothing changed', () => {
    expect(decideBuild(root)).toMatchObject({ build: true, reason: 'dist/cli/start.js is missing' });
    build();
    expect(decideBuild(root)).toEqual({ build: false });
  });

  it.each([
    ['a changed .ts in a source folder', () => write('search/run-search.ts', 'export const b = 3;')],
    ['a changed renderer file', () => write('renderer/components/nr-app.ts', 'export const c = 4;')],
    ['a new file', () => write('cli/extra.ts', 'export {};')],
    ['a file in a folder tsconfig.node.json names', () => write('newfolder/x.ts', 'export {};')],
    ['a deleted file', () => unlinkSync(join(root, 'cli/main.ts'))],
    ['a changed dependency list', () => write('package.json', '{"name":"x","dependencies":{}}')],
    ['a file put back with an older time', () => {
      write('cli/main.ts', 'export const a = 0;');
      utimesSync(join(root, 'cli/main.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    }],
  ])('rebuilds after %s', (_name, change) => {
    build();
    change();
    expect(decideBuild(root)).toMatchObject({ build: true, reason: 'sources changed since the last build' });
  });

  it('does not rebuild for tests, dotfiles or a file saved unchanged', () => {
    build();
    write('test/unit/a.test.ts', 'it("changed")');
    write('cli/.main.ts.swp', 'swap');
    write('cli/main.ts', 'export const a = 1;');
    expect(decideBuild(root)).toEqual({ build: false });
  });

  it('rebuilds when an output is gone or the stamp is unreadable', () => {
    build();
    unlinkSync(join(root, 'dist/renderer/index.html'));
    expect(decideBuild(root)).toMatchObject({ build: true, reason: 'dist/renderer/index.html is missing' });
    build();
    write('dist/.build-stamp.json', 'not json');
    expect(decideBuild(root)).toMatchObject({ build: true, reason: 'no record of the last build' });
  });

  it('rebuilds when the bundled CLI is gone or the script that bundles it changed', () => {
    write('build/bundle-cli.ts', 'export const bundle = 1;');
    build();
    unlinkSync(join(root, 'dist/cli-bundle/entry.js'));
    expect(decideBuild(root)).toMatchObject({ build: true, reason: 'dist/cli-bundle/entry.js is missing' });
    build();
    write('build/bundle-cli.ts', 'export const bundle = 2;');
    expect(decideBuild(root)).toMatchObject({ build: true, reason: 'sources changed since the last build' });
  });

  it('an edit made while building still counts next time', () => {
    const decision = decideBuild(root);
    write('cli/main.ts', 'export const a = 5;');
    for (const output of ['dist/cli/start.js', 'dist/cli-bundle/entry.js', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) write(output, 'built');
    if (decision.build) writeStamp(root, decision.fingerprint);
    expect(decideBuild(root).build).toBe(true);
  });
});
