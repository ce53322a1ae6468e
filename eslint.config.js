// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import table from './layers.json' with { type: 'json' };

// The layer table (layers.json) as one no-restricted-imports rule per folder and nesting depth, so an
// editor flags a forbidden import as it is typed. test/unit/architecture/layers.test.ts checks every
// import of the repository against the same table, dynamic imports and cycles included.
const ELECTRON = { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron.' };
const ELECTRON_IMPORTERS = ['electron/main.ts', 'electron/preload.ts', 'test/e2e/electron.spec.ts'];
const MAX_DEPTH = 6;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Patterns for a file `depth` folders below the root of `folder`: '../' × depth reaches the root. */
function layerPatterns(folder, depth) {
  const layer = table.layers[folder];
  if (layer.imports.includes('*')) return [];
  const up = `^(\\.\\./){${depth}}`;
  const patterns = [];
  for (const other of Object.keys(table.layers)) {
    if (other === folder || other === '.' || layer.imports.includes(other)) continue;
    // Single files a folder may import from another, e.g. the renderer's plain-data modules.
    const files = layer.imports.filter((entry) => entry.startsWith(`${other}/`)).map((entry) => escape(entry.slice(other.length + 1)));
    const exceptFiles = files.length ? `(?!(${files.join('|')})$)` : '';
    const typesOnly = (layer.typeImports ?? []).includes(other);
    patterns.push({
      regex: `${up}${escape(other)}/${exceptFiles}`,
      allowTypeImports: typesOnly,
      message: `${folder}/ may not import ${typesOnly ? 'values' : 'anything'} from ${other}/ (layers.json: ${folder} → ${[...layer.imports, ...(layer.typeImports ?? []).map((entry) => `types of ${entry}`)].join(', ') || 'nothing'}).`,
    });
  }
  return patterns;
}

const layerConfigs = Object.keys(table.layers)
  .filter((folder) => folder !== '.')
  .flatMap((folder) =>
    Array.from({ length: MAX_DEPTH }, (_, index) => {
      const depth = index + 1;
      const files = [`${folder}/${'*/'.repeat(depth - 1)}*.ts`];
      const rule = (paths) => ['error', { paths, patterns: layerPatterns(folder, depth) }];
      const electronFiles = ELECTRON_IMPORTERS.filter((file) => file.split('/').length === depth + 1 && file.startsWith(`${folder}/`));
      return [
        { files, rules: { '@typescript-eslint/no-restricted-imports': rule([ELECTRON]) } },
        ...(electronFiles.length ? [{ files: electronFiles, rules: { '@typescript-eslint/no-restricted-imports': rule([]) } }] : []),
      ];
    }).flat(),
  );

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/generated/**', 'renderer/localization/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [ELECTRON] }],
    },
  },
  ...layerConfigs,
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
