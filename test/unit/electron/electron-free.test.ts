import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every bare module a file pulls in, following its relative imports through the repo. */
function bareImports(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) found.set(specifier, file);
    }
  };
  visit(join(repoRoot, entry));
  return found;
}

// These modules are unit-tested under plain Node, so neither they nor anything they import may load Electron.
describe.each(['electron/navigation-policy.ts', 'electron/app-protocol.ts', 'electron/window-state.ts', 'electron/menu-template.ts', 'electron/menu-labels.ts', 'electron/menu-language.ts'])('%s', (entry) => {
  it('does not import electron, directly or through its imports', () => {
    const imports = bareImports(entry);
    expect([...imports.keys()].filter((name) => name === 'electron' || name.startsWith('electron/'))).toEqual([]);
  });
});

it('the import scan does see electron where it is imported', () => {
  expect(bareImports('electron/main.ts').has('electron')).toBe(true);
  expect(bareImports('electron/preload.ts').has('electron')).toBe(true);
});
