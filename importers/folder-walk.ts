// Expands folders into the files to import: recursive, hidden entries skipped, symlink loops cut, sorted.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extensionOf } from './format-sniff.ts';

/** Extensions imported from inside folders; other files there (images, PDFs…) are silently skipped. */
export const IMPORTABLE_EXTENSIONS = new Set([
  'txt', 'text', 'html', 'htm', 'xhtml', 'shtml', 'md', 'markdown', 'mdown', 'mkd', 'json', 'jsonld', 'ndjson', 'jsonl',
  'xml', 'rss', 'atom', 'rdf',
]);

export interface WalkOptions {
  signal?: AbortSignal;
}

/** Files under a folder, depth first, names compared by code point so every platform gives the same order. */
export async function listImportableFiles(folder: string, options: WalkOptions = {}): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();

  const walk = async (dir: string): Promise<void> => {
    if (options.signal?.aborted) return;
    // A symlink pointing back up the tree would otherwise recurse forever.
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const path = join(dir, name);
      let info;
      try {
        info = await stat(path); // follows symlinks; broken ones are skipped
      } catch {
        continue;
      }
      if (info.isDirectory()) await walk(path);
      else if (info.isFile() && IMPORTABLE_EXTENSIONS.has(extensionOf(name))) files.push(path);
    }
  };

  await walk(folder);
  return files;
}
