// One process at a time per library. Two processes could share the SQLite file safely (WAL and a busy
// timeout), but each keeps its own search index in memory and on disk and would not see the other's
// changes, so the second is told clearly instead of serving stale searches.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeFolder } from './make-folder.ts';

export const LOCK_FILE = 'library.lock';

export class LibraryInUseError extends Error {
  readonly folder: string;
  readonly pid: number;

  constructor(folder: string, pid: number) {
    super(`The library in ${folder} is open in another Newsroom Reader process (pid ${pid}). Close it first, or use --library for another folder.`);
    this.name = 'LibraryInUseError';
    this.folder = folder;
    this.pid = pid;
  }
}

// Several contexts in one process (tests, a library being moved) share the lock.
const held = new Map<string, number>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(path: string): number | null {
  try {
    const pid = Number((JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the library's lock file (creating the folder if needed) and returns its release. A lock left
 * by a process that no longer runs (a crash, kill -9) is taken over.
 */
export function lockLibrary(dir: string): () => void {
  const folder = resolve(dir);
  const path = join(folder, LOCK_FILE);
  const count = held.get(folder);
  if (count !== undefined) {
    held.set(folder, count + 1);
    return once(() => release(folder, path));
  }
  makeFolder(folder, 0o700);
  // Two attempts: the second after removing a stale lock. Bounded, so it always ends.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${JSON.stringify({ pid: process.pid })}\n`);
      } finally {
        closeSync(fd);
      }
      held.set(folder, 1);
      return once(() => release(folder, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holder(path);
      if (pid !== null && pid !== process.pid && isRunning(pid)) throw new LibraryInUseError(folder, pid);
      rmSync(path, { force: true });
    }
  }
  throw new LibraryInUseError(folder, holder(path) ?? 0);
}

function release(folder: string, path: string): void {
  const count = held.get(folder) ?? 0;
  if (count > 1) {
    held.set(folder, count - 1);
    return;
  }
  held.delete(folder);
  rmSync(path, { force: true });
}

function once(work: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    work();
  };
}
