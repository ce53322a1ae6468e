// `npm run build` runs this after tsc: the CLI (and the workers it starts) as a few bundled files in
// dist/cli-bundle/, which bin/newsroom-reader.js runs. A CLI call is a fresh process, and resolving,
// reading and linking the ~150 modules of dist/ one by one cost a `search` about a quarter of its
// main-thread time. Splitting keeps every dynamic import() a chunk of its own, so `--version` and
// `list` still load neither the search engine nor the importers.
// Run directly by Node 24 (type stripping), since it has to work before anything is built.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const BUNDLE_DIR = 'dist/cli-bundle';

/**
 * Workers are started with `new URL('./<name>.js', import.meta.url)`: as entry points named after
 * themselves in the bundle's one folder, they sit beside the chunk that starts them. Paths that climb
 * out (`../renderer/`, `../../package.json`) still resolve, since the folder is as deep in dist/ as
 * the ones the code was compiled into.
 */
const ENTRY_POINTS = {
  entry: 'dist/cli/entry.js',
  'core-worker': 'dist/commands/core-worker.js',
  'index-worker': 'dist/search/index-worker.js',
  'parse-worker': 'dist/importers/parse-worker.js',
};

export async function bundleCli(root: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // Packages stay where npm put them (jsdom and pdf.js read their own files at run time).
    packages: 'external',
    logLevel: 'warning',
  });
}

if (import.meta.main) await bundleCli(fileURLToPath(new URL('..', import.meta.url)));
