#!/usr/bin/env node
// Launcher for the CLI. The app needs Node >= 22.13 (built-in node:sqlite; Electron embeds Node 24).
// On an older system Node it re-runs itself with the Node 24 that `npm install` put in node_modules.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  let bundledNode = null;
  try {
    const manifest = createRequire(import.meta.url).resolve('node/package.json');
    const candidate = join(dirname(manifest), 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
    if (existsSync(candidate)) bundledNode = candidate;
  } catch {
    bundledNode = null;
  }
  if (!bundledNode) {
    console.error(`newsroom-reader: needs Node.js 22.13 or newer (this is ${process.version}); run npm install to get the bundled Node 24`);
    process.exit(2);
  }
  // Asynchronous, and signals passed on: a SIGTERM to this launcher (a service manager, `kill`) must
  // stop the real CLI too, or it would go on holding the library's lock with no parent.
  const child = spawn(bundledNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 1) : 1)));
} else {
  // The bundled CLI (build/bundle-cli.ts: a few files to load instead of ~150); the compiled modules
  // when only tsc has run.
  const bundled = new URL('../dist/cli-bundle/entry.js', import.meta.url);
  const entry = existsSync(bundled) ? bundled : new URL('../dist/cli/entry.js', import.meta.url);
  if (!existsSync(entry)) {
    console.error('newsroom-reader: the app is not built yet; run npm run build');
    process.exit(2);
  }
  // V8's code cache on disk (Node ≥ 22.1): a CLI call compiles its ~100 modules once, not every run.
  // Only a cache; Node ignores it when stale and carries on without it where it cannot write.
  (await import('node:module')).enableCompileCache?.();
  await import(entry.href);
}
