#!/usr/bin/env node
// Launcher for the CLI. The app needs Node >= 22.13 (built-in node:sqlite; Electron embeds Node 24).
// On an older system Node it re-runs itself with the Node 24 that `npm install` put in node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  const child = spawnSync(bundledNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const entry = new URL('../dist/cli/entry.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('newsroom-reader: the app is not built yet; run npm run build');
  process.exit(2);
}
await import(entry.href);
