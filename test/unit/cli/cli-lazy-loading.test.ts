import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { writeModuleTracer } from '../../support/module-tracer.ts';
import { draft } from '../library/library-fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nr-cli-modules-'));
const libraryDir = join(work, 'library');
const tracer = writeModuleTracer(work);

/** Runs the CLI from its sources and answers the repository-relative paths (or package names) of what it loaded. */
function modulesLoadedBy(args: string[]): { status: number | null; stdout: string; modules: string[] } {
  const traceFile = join(work, `trace-${args[0]}.txt`);
  const run = spawnSync(process.execPath, ['--import', tracer, join(repoRoot, 'cli/entry.ts'), '--library', libraryDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NR_TRACE_FILE: traceFile, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  const modules = readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url))
    .map((path) => (path.includes('/node_modules/') ? path.slice(path.lastIndexOf('/node_modules/') + 14) : path.slice(repoRoot.length)));
  return { status: run.status, stdout: run.stdout, modules };
}

const searchCode = (modules: string[]): string[] => modules.filter((m) => m.startsWith('search/') || m.startsWith('lunr/'));
// The import limit app.info reports lives with the importers' types, which import nothing heavy.
const IMPORT_CONSTANTS = new Set(['importers/import-types.ts', 'importers/import-failure.ts']);
const importerCode = (modules: string[]): string[] =>
  modules.filter((m) => (m.startsWith('importers/') && !IMPORT_CONSTANTS.has(m)) || m.startsWith('jsdom/') || m.startsWith('@mozilla/readability/'));

beforeAll(() => {
  const library = Library.open(libraryDir);
  library.addArticle(draft());
  library.close();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CLI loads only what a command needs', () => {
  it('--version and help load neither the library, search nor the importers', () => {
    for (const args of [['--version'], ['help']]) {
      const run = modulesLoadedBy(args);
      expect(run.status).toBe(0);
      expect(run.modules).toContain('cli/main.ts');
      expect(run.modules.filter((m) => m.startsWith('library/') || m.startsWith('commands/app-context'))).toEqual([]);
      expect(searchCode(run.modules)).toEqual([]);
      expect(importerCode(run.modules)).toEqual([]);
    }
  });

  it('list loads the library but neither search nor the importers', () => {
    const run = modulesLoadedBy(['list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Nối lại đàm phán ngừng bắn');
    expect(run.modules).toContain('library/library.ts');
    expect(searchCode(run.modules)).toEqual([]);
    expect(importerCode(run.modules)).toEqual([]);
  });

  it('search loads the search engine but not the importers (the trace does see what is loaded)', () => {
    const run = modulesLoadedBy(['search', 'đàm phán']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Nối lại đàm phán ngừng bắn');
    expect(run.modules).toContain('search/search-engine.ts');
    expect(importerCode(run.modules)).toEqual([]);
  });
});
