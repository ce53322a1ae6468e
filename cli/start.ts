// `npm start`: the desktop app where Electron can be had, otherwise the same app served to a browser.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveLibraryDir } from '../commands/library-location.ts';
import { startServeHost } from '../serve/index.ts';
import { findElectron } from './electron-launcher.ts';

const appRoot = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));
const electron = findElectron();

if (electron.available) {
  const child = spawn(electron.binary, [appRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
} else {
  console.log(`Electron is not available on this machine (${electron.reason}); starting the headless host instead.`);
  const libraryFlag = process.argv.indexOf('--library');
  try {
    const host = await startServeHost({ libraryDir: resolveLibraryDir(libraryFlag >= 0 ? process.argv[libraryFlag + 1] : undefined) });
    const stop = (): void => void host.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`newsroom-reader: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    process.exitCode = 2;
  }
}
