// Backups are written whole or not at all, never over another file unless asked, and never over a
// library's own database: a backup path comes from a person, and a wrong one must not cost a library.
import { randomUUID } from 'node:crypto';
import { copyFileSync, constants, linkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The files SQLite keeps for a library: writing over any of them would corrupt a live library. */
const LIBRARY_FILE = /^library\.sqlite(?:-wal|-shm|-journal)?$/i;

export class BackupTargetExistsError extends Error {
  readonly path: string;

  constructor(path: string) {
    super(`${path} already exists; choose another name, or ask to overwrite it.`);
    this.name = 'BackupTargetExistsError';
    this.path = path;
  }
}

export class BackupTargetIsLibraryError extends Error {
  readonly path: string;

  constructor(path: string) {
    super(`${path} is a library's own database file; a backup never replaces it.`);
    this.name = 'BackupTargetIsLibraryError';
    this.path = path;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Whether `target` (or the file it links to) is a library database or its -wal/-shm/-journal, by
 * name in any folder, or by identity with the open library's file.
 */
export function isLibraryDatabaseFile(target: string, openDatabase?: string): boolean {
  const absolute = resolve(target);
  const real = realOrSelf(absolute);
  if (LIBRARY_FILE.test(basename(absolute)) || LIBRARY_FILE.test(basename(real))) return true;
  if (!openDatabase) return false;
  const database = realOrSelf(resolve(openDatabase));
  return [database, `${database}-wal`, `${database}-shm`, `${database}-journal`].includes(real);
}

/**
 * Runs `write(temp)` to fill a temp file beside `target`, then links it into place (refused if
 * `target` exists) or, with `overwrite`, renames it over. The temp file never outlives the call.
 */
export async function writeBackup(
  write: (temp: string) => Promise<unknown>,
  target: string,
  options: { overwrite?: boolean; openDatabase?: string } = {},
): Promise<{ bytes: number }> {
  const path = resolve(target);
  if (isLibraryDatabaseFile(path, options.openDatabase)) throw new BackupTargetIsLibraryError(path);
  if (!options.overwrite && existsAsAnything(path)) throw new BackupTargetExistsError(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.partial`);
  try {
    await write(temp);
    const bytes = statSync(temp).size;
    if (options.overwrite) renameSync(temp, path);
    else placeWithoutReplacing(temp, path);
    return { bytes };
  } finally {
    rmSync(temp, { force: true });
  }
}

function existsAsAnything(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A hard link fails if the name is taken, closing the gap between the check above and the write. */
function placeWithoutReplacing(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupTargetExistsError(path);
    // File systems without hard links (FAT, some network shares): an exclusive copy is as safe.
    try {
      copyFileSync(temp, path, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupTargetExistsError(path);
      throw copyError;
    }
  }
}
