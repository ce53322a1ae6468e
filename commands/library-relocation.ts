import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Library } from '../library/index.ts';
import { FolderCreateError, makeFolder } from '../library/make-folder.ts';
import { CommandError } from './command-error.ts';

/**
 * Copies a library to `target` safely: the database through SQLite's backup API (consistent while
 * the app runs), then checked — integrity, article and annotation counts, generation — before the
 * caller switches over. The old folder is left untouched; nothing is deleted.
 */
export async function copyLibraryTo(library: Library, target: string): Promise<string> {
  const destination = resolve(target);
  if (!isAbsolute(target)) throw new CommandError('invalid-arguments', 'Choose the new library folder by its full path.', { kind: 'move.not-absolute' });
  const from = resolve(library.dir);
  const inside = relative(from, destination);
  if (destination === from) throw new CommandError('invalid-arguments', 'The library is already in that folder.', { kind: 'move.same-folder' });
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    throw new CommandError('invalid-arguments', 'The new folder cannot be inside the current library folder.', { kind: 'move.inside-library' });
  }
  if (existsSync(destination)) {
    if (!statSync(destination).isDirectory()) {
      throw new CommandError('invalid-arguments', `${destination} is a file, not a folder.`, { kind: 'move.not-a-folder', path: destination });
    }
    if (readdirSync(destination).length > 0) {
      throw new CommandError('invalid-arguments', `${destination} is not empty; choose an empty or new folder.`, { kind: 'move.not-empty', path: destination });
    }
  }
  const parent = dirname(destination);
  if (!existsSync(parent)) throw new CommandError('invalid-arguments', `The folder ${parent} does not exist.`, { kind: 'move.parent-missing', path: parent });
  // makeFolder, never `recursive: true`: that loops forever where the system answers ENOENT for an
  // existing parent (/proc on Linux). The parent was checked above, so only the folder itself is made.
  try {
    makeFolder(destination, 0o700);
  } catch (error) {
    if (!(error instanceof FolderCreateError)) throw error;
    throw new CommandError('invalid-arguments', error.message, { kind: 'move.cannot-create', path: error.path, code: error.code });
  }
  const databasePath = await library.copyDatabaseInto(destination);
  const photos = library.images.copyFilesInto(destination);
  const originals = library.originals.copyFilesInto(destination);
  // The search index is derived data: copied to spare a rebuild, rebuilt anyway if it does not match.
  const index = join(library.dir, 'search-index');
  if (existsSync(index)) cpSync(index, join(destination, 'search-index'), { recursive: true });

  const copy = new DatabaseSync(databasePath, { readOnly: true });
  try {
    const integrity = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    const count = (db: DatabaseSync, table: string): number => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    const same =
      integrity.integrity_check === 'ok' &&
      count(copy, 'articles') === count(library.db, 'articles') &&
      count(copy, 'annotations') === count(library.db, 'annotations') &&
      count(copy, 'article_content') === count(library.db, 'article_content') &&
      photos === library.images.refs().filter((ref) => existsSync(library.images.pathOf(ref)!)).length &&
      originals === library.originals.paths().length;
    if (!same) {
      throw new CommandError('failed', `The copy in ${destination} does not match the library; the library was not moved.`, { kind: 'move.copy-mismatch', path: destination });
    }
  } finally {
    copy.close();
  }
  return destination;
}
