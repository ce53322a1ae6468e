import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { writeModuleTracer } from '../../support/module-tracer.ts';
import { draft } from '../library/library-fixtures.ts';

// The launcher runs the bundled CLI (build/bundle-cli.ts) that `npm run build` writes; these tests
// check that build, so they skip when there is none.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bundleDir = join(repoRoot, 'dist/cli-bundle');
const built = existsSync(join(bundleDir, 'entry.js'));
const work = mkdtempSync(join(tmpdir(), 'nr-cli-bundle-'));
const libraryDir = join(work, 'library');
const tracer = writeModuleTracer(work);

/** Runs bin/newsroom-reader.js and answers the files under dist/ that it loaded, relative to dist/. */
function run(args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const traceFile = join(work, `trace-${args.join('-').replace(/\W+/gu, '_')}.txt`);
  const child = spawnSync(process.execPath, ['--import', tracer, join(repoRoot, 'bin/newsroom-reader.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NR_TRACE_FILE: traceFile, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  const dist = join(repoRoot, 'dist/');
  const loaded = readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url))
    .filter((path) => path.startsWith(dist))
    .map((path) => path.slice(dist.length));
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, loaded };
}

/** The bundle's files that define class `name` (esbuild writes `class X` or `X = class`). */
function filesDefining(name: string): string[] {
  const definition = new RegExp(`class ${name}\\b|\\b${name} = class\\b`, 'u');
  return readdirSync(bundleDir)
    .filter((file) => file.endsWith('.js') && definition.test(readFileSync(join(bundleDir, file), 'utf8')))
    .map((file) => `cli-bundle/${file}`);
}

beforeAll(() => {
  const library = Library.open(libraryDir);
  library.addArticle(draft());
  library.close();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!built)('the bundled CLI (needs npm run build)', () => {
  it('is what the launcher runs, and --version loads none of the search engine', () => {
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/u);
    expect(version.loaded).toContain('cli-bundle/entry.js');
    // Nothing of the compiled modules: the bundle alone.
    expect(version.loaded.filter((file) => !file.startsWith('cli-bundle/'))).toEqual([]);
    const engine = filesDefining('SearchIndexManager');
    expect(engine).not.toEqual([]);
    expect(version.loaded.filter((file) => engine.includes(file))).toEqual([]);
  });

  it('searches a library, loading the search engine but not the importers', () => {
    const search = run(['--library', libraryDir, 'search', 'đàm phán']);
    expect(search.stderr).toBe('');
    expect(search.status).toBe(0);
    expect(search.stdout).toContain('Nối lại đàm phán ngừng bắn');
    expect(search.loaded.some((file) => filesDefining('SearchIndexManager').includes(file))).toBe(true);
    const importers = filesDefining('ParsePool');
    expect(importers).not.toEqual([]);
    expect(search.loaded.filter((file) => importers.includes(file))).toEqual([]);
  });
});
