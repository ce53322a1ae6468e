// Expands folders into the files to import: recursive, hidden entries skipped, symlink loops cut, sorted.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extensionOf } from './format-sniff.ts';

/** Extensions imported from inside folders; other files there (images, PDFs…) are silently skipped. */
export const IMPORTABLE_EXTENSIONS = new Set([
  'txt', 'text', 'html', 'htm', 'xhtml', 'shtml', 'md', 'markdown', 'mdown', 'mkd', 'json', 'jsonld', 'ndjson', 'jsonl',
  'xml', 'rss', 'atom', 'rdf', 'pdf', 'docx', 'epub',
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
    const entries = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // The directory listing already tells plain files and folders apart: one stat per file less,
      // which a folder of 20,000 articles waits for before anything is imported.
      let kind: 'folder' | 'file' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (kind === 'other') {
        try {
          const info = await stat(path); // symlinks are followed; broken ones are skipped
          kind = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
        } catch {
          continue;
        }
      }
      if (kind === 'folder') await walk(path);
      else if (kind === 'file' && IMPORTABLE_EXTENSIONS.has(extensionOf(entry.name))) files.push(path);
    }
  };

  await walk(folder);
  return files;
}
