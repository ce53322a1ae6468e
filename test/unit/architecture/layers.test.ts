// The folders are the architecture, and this is the rule that keeps them so: every import of every
// source file (static, dynamic, re-export, type-only) against the one table in layers.json, no
// cycle between files or folders, and eslint.config.js flagging exactly what the table forbids.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import table from '../../../layers.json' with { type: 'json' };
import { findCycles, importGraph, importsOf, sourceFiles, type ImportEdge } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Layer {
  why: string;
  imports: string[];
  typeImports?: string[];
}

const LAYERS: Readonly<Record<string, Layer>> = table.layers;

function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

/** A table entry grants a file when it is '*', the file's folder, or the file itself. */
function grants(entries: readonly string[] | undefined, file: string): boolean {
  return (entries ?? []).some((entry) => entry === '*' || entry === file || (!entry.includes('/') && entry === folderOf(file)));
}

/** Why this import breaks the table, or null when the table allows it. */
function violation(edge: Pick<ImportEdge, 'from' | 'to' | 'typeOnly'>): string | null {
  const from = folderOf(edge.from);
  const to = folderOf(edge.to);
  const layer = LAYERS[from];
  if (!layer) return `${edge.from}: its folder ${from}/ is not in layers.json`;
  if (from === to || grants(layer.imports, edge.to)) return null;
  if (edge.typeOnly && grants(layer.typeImports, edge.to)) return null;
  return `${edge.from} imports ${edge.typeOnly ? 'types from ' : ''}${edge.to}`;
}

const { edges, unresolved } = importGraph(ROOT);

function adjacency(pairs: Iterable<[string, string]>): Map<string, Set<string>> {
  const next = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
  }
  return next;
}

describe('the import walker', () => {
  it('sees static, type-only, re-exported, dynamic and type-position imports', () => {
    const text = [
      "import { a } from './value.ts';",
      "import type { B } from './type.ts';",
      "import { type C, type D } from './inline-types.ts';",
      "import { type E, f } from './mixed.ts';",
      "import './side-effect.ts';",
      "export { g } from './re-export.ts';",
      "export type { H } from './type-re-export.ts';",
      "export * from './star.ts';",
      "const lazy = await import('./dynamic.ts');",
      "let later: import('./type-position.ts').T;",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(importsOf('probe.ts', text).map(({ specifier, typeOnly }) => [specifier, typeOnly])).toEqual([
      ['./value.ts', false],
      ['./type.ts', true],
      ['./inline-types.ts', true],
      ['./mixed.ts', false],
      ['./side-effect.ts', false],
      ['./re-export.ts', false],
      ['./type-re-export.ts', true],
      ['./star.ts', false],
      ['./dynamic.ts', false],
      ['./type-position.ts', true],
      ['node:fs', false],
    ]);
  });

  it('finds the project files of this repository and their imports', () => {
    expect(sourceFiles(ROOT)).toContain('contract/commands.ts');
    expect(edges).toContainEqual(expect.objectContaining({ from: 'commands/app-context.ts', to: 'commands/handlers.ts', typeOnly: false }));
  });

  it('names a cycle by its path and finds none in a tree', () => {
    const graph = adjacency([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['d', 'd'], ['e', 'a']]);
    const cycles = findCycles(['a', 'b', 'c', 'd', 'e'], (node) => graph.get(node) ?? []);
    expect(cycles).toEqual(expect.arrayContaining([['a', 'b', 'c', 'a'], ['d', 'd']]));
    expect(cycles).toHaveLength(2);
    const tree = adjacency([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(findCycles(['a', 'b', 'c'], (node) => tree.get(node) ?? [])).toEqual([]);
  });
});

describe('the layer table', () => {
  it('judges imports by folder, by single file and by type-only', () => {
    expect(violation({ from: 'library/library.ts', to: 'commands/handlers.ts', typeOnly: true })).toMatch(/library\/library.ts imports types/);
    expect(violation({ from: 'library/library.ts', to: 'search/search-document.ts', typeOnly: true })).toBeNull();
    expect(violation({ from: 'library/library.ts', to: 'search/search-engine.ts', typeOnly: false })).not.toBeNull();
    expect(violation({ from: 'renderer/components/nr-app.ts', to: 'contract/index.ts', typeOnly: true })).toBeNull();
    expect(violation({ from: 'renderer/components/nr-app.ts', to: 'contract/index.ts', typeOnly: false })).not.toBeNull();
    expect(violation({ from: 'renderer/annotation-colors.ts', to: 'contract/annotation-colors.ts', typeOnly: false })).toBeNull();
    expect(violation({ from: 'newfolder/x.ts', to: 'contract/index.ts', typeOnly: true })).toMatch(/not in layers.json/);
  });

  it('names every folder that holds source files, and only folders and files that exist', () => {
    const folders = new Set(sourceFiles(ROOT).map(folderOf));
    expect([...folders].filter((folder) => !(folder in LAYERS))).toEqual([]);
    for (const [name, layer] of Object.entries(LAYERS)) {
      for (const entry of [...layer.imports, ...(layer.typeImports ?? [])]) {
        if (entry === '*') continue;
        const path = join(ROOT, entry);
        expect(existsSync(path) && (entry.includes('/') ? statSync(path).isFile() : statSync(path).isDirectory()), `${name} → ${entry}`).toBe(true);
        expect(entry.split('/')[0] in LAYERS, `${name} → ${entry}`).toBe(true);
      }
    }
  });

  it('allows no cycle between folders', () => {
    const granted = adjacency(
      Object.entries(LAYERS).flatMap(([name, layer]) =>
        [...layer.imports, ...(layer.typeImports ?? [])].filter((entry) => entry !== '*').map((entry): [string, string] => [name, entry.split('/')[0]!]),
      ),
    );
    expect(findCycles(granted.keys(), (folder) => granted.get(folder) ?? [])).toEqual([]);
  });
});

describe('the repository', () => {
  it('has no relative import of a missing file', () => {
    expect(unresolved.map((edge) => `${edge.from}:${edge.line} ${edge.specifier}`)).toEqual([]);
  });

  it('imports only what layers.json allows', () => {
    const broken = edges.flatMap((edge) => {
      const why = violation(edge);
      return why ? [`${why} (line ${edge.line})`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const graph = adjacency(edges.map((edge): [string, string] => [edge.from, edge.to]));
    expect(findCycles(graph.keys(), (file) => graph.get(file) ?? []).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const crossing = edges.filter((edge) => folderOf(edge.from) !== folderOf(edge.to));
    const graph = adjacency(crossing.map((edge): [string, string] => [folderOf(edge.from), folderOf(edge.to)]));
    const cycles = findCycles(graph.keys(), (folder) => graph.get(folder) ?? []).map((cycle) => {
      // Name one file import for each step, so the cycle can be broken where it is.
      const steps = cycle.slice(1).map((to, index) => crossing.find((edge) => folderOf(edge.from) === cycle[index] && folderOf(edge.to) === to)!);
      return `${cycle.join(' → ')} (${steps.map((edge) => `${edge.from} → ${edge.to}`).join(', ')})`;
    });
    expect(cycles).toEqual([]);
  });
});

describe('eslint.config.js', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  const flagged = async (file: string, text: string): Promise<boolean> => {
    const [result] = await eslint.lintText(text, { filePath: join(ROOT, file) });
    return result!.messages.some((message) => message.ruleId === '@typescript-eslint/no-restricted-imports');
  };

  it('flags exactly the imports the table forbids, at any depth, values and types', async () => {
    const folders = Object.keys(LAYERS).filter((folder) => folder !== '.');
    const grantedFiles = Object.values(LAYERS).flatMap((layer) => layer.imports.filter((entry) => entry.includes('/')));
    const targets = [...folders.map((folder) => `${folder}/probe-target.ts`), ...grantedFiles];
    const disagreements: string[] = [];
    for (const from of folders) {
      for (const nested of [false, true]) {
        const file = nested ? `${from}/nested/probe.ts` : `${from}/probe.ts`;
        const up = nested ? '../../' : '../';
        for (const to of targets) {
          if (folderOf(to) === from) continue;
          for (const typeOnly of [false, true]) {
            const text = typeOnly ? `import type { T } from '${up}${to}';\nexport type U = T;\n` : `import { t } from '${up}${to}';\nexport const u = t;\n`;
            const expected = violation({ from: file, to, typeOnly }) !== null;
            if ((await flagged(file, text)) !== expected) disagreements.push(`${file} → ${to}${typeOnly ? ' (types)' : ''}: table says ${expected ? 'no' : 'yes'}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  }, 120_000);

  it('keeps the electron package to electron/main.ts and electron/preload.ts', async () => {
    const text = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await flagged('electron/menu-template.ts', text)).toBe(true);
    expect(await flagged('commands/probe.ts', text)).toBe(true);
    expect(await flagged('electron/main.ts', text)).toBe(false);
  });
});
