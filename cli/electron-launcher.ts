import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronAvailability = { available: true; binary: string } | { available: false; reason: string };

/** Where the electron package keeps its binary, read without loading its API (which would start a download). */
export function installedElectronBinary(packageDir: string): string | null {
  try {
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Finds Electron's binary, trying its own installer once (bounded) when it is missing. Since Electron
 * 42 the binary comes from outside the npm registry, which locked-down machines cannot reach.
 */
export function findElectron(options: { install?: boolean; timeoutMs?: number } = {}): ElectronAvailability {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const present = installedElectronBinary(packageDir);
  if (present) return { available: true, binary: present };
  if (options.install === false) return { available: false, reason: 'its binary is not downloaded' };
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const installed = installedElectronBinary(packageDir);
  if (install.status === 0 && installed) return { available: true, binary: installed };
  return { available: false, reason: 'its download failed' };
}
