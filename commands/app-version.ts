import { readFileSync } from 'node:fs';

interface PackageManifest {
  name: string;
  productName?: string;
  version: string;
}

// Read once from package.json, so the version shown in About, app.info and --version is the one packaged.
const manifest = JSON.parse(readFileSync(new URL(findManifest(), import.meta.url), 'utf8')) as PackageManifest;

function findManifest(): string {
  // Source runs from <root>/commands, compiled code from <root>/dist/commands.
  return import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json';
}

export const appName = manifest.productName ?? manifest.name;
export const appVersion = manifest.version;
