import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A folder that could not be created, with the system's error code (ENOENT, EACCES, ENOTDIR…). */
export class FolderCreateError extends Error {
  readonly path: string;
  readonly code: string;

  constructor(path: string, code: string) {
    super(`Cannot create the folder ${path} (${code}).`);
    this.name = 'FolderCreateError';
    this.path = path;
    this.code = code;
  }
}

/**
 * Creates a folder and its missing parents one level at a time. Node's own `recursive: true` loops
 * forever when the system answers ENOENT for a parent that exists (e.g. anything under /proc on
 * Linux); this walk is bounded by the path's depth, so it always ends, with an error naming the path.
 */
export function makeFolder(path: string, mode = 0o777): void {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      if (!statSync(current).isDirectory()) throw new FolderCreateError(current, 'ENOTDIR');
      break;
    } catch (error) {
      if (error instanceof FolderCreateError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
      if (code !== 'ENOENT') throw new FolderCreateError(current, code);
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) throw new FolderCreateError(current, 'ENOENT');
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
      if (code !== 'EEXIST') throw new FolderCreateError(folder, code);
    }
  }
}
