import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** `--library DIR` wins, then NEWSROOM_LIBRARY, then the desktop app's folder. */
export function resolveLibraryDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.NEWSROOM_LIBRARY) return resolve(env.NEWSROOM_LIBRARY);
  return defaultLibraryDir(process.platform, env);
}
