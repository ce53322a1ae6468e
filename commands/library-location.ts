import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The per-user application data folder, as Electron's `app.getPath('appData')` gives it on each OS. */
export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** Electron's userData for this app; main.ts sets it to this so the app, `serve` and the CLI share one library. */
export function userDataDir(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string {
  return join(appDataDir(platform, env), 'newsroom-reader');
}

export function defaultLibraryDir(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string {
  return join(userDataDir(platform, env), 'library');
}

/** Where a moved library's folder is remembered, next to the app's other per-user data. */
export function libraryPointerPath(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string {
  return join(userDataDir(platform, env), 'library-location.json');
}

export function readLibraryPointer(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    const { libraryDir } = JSON.parse(readFileSync(libraryPointerPath(process.platform, env), 'utf8')) as { libraryDir?: unknown };
    return typeof libraryDir === 'string' && libraryDir ? libraryDir : null;
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed, so a crash never leaves the app without its library's address. */
export function writeLibraryPointer(libraryDir: string, env: NodeJS.ProcessEnv = process.env): void {
  const path = libraryPointerPath(process.platform, env);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ libraryDir })}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Whether the folder in use is the one the desktop app would pick by itself (no flag or variable). */
export function usesRememberedLibrary(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return !flag && !env.NEWSROOM_LIBRARY;
}

/** `--library DIR` wins, then NEWSROOM_LIBRARY, then where the library was moved to, then the desktop app's folder. */
export function resolveLibraryDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.NEWSROOM_LIBRARY) return resolve(env.NEWSROOM_LIBRARY);
  return readLibraryPointer(env) ?? defaultLibraryDir(process.platform, env);
}
