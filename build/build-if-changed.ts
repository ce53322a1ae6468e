// `npm start` runs this first: it builds (npm run build) only when a source changed since the last
// build it made, so starting the app again after no edit shows it at once instead of after ~45 s.
// Run directly by Node 24 (type stripping), since it has to work before anything is built.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Besides the folders tsconfig.node.json compiles: what vite bundles, and what configures the build. */
const EXTRA_FOLDERS = ['renderer', 'assets'];
const CONFIG_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.node.json', 'tsconfig.renderer.json', 'vite.config.ts', 'lit-localize.json', 'build/bundle-cli.ts'];
/** What `npm start` runs; a build that lost any of them is no build. */
const OUTPUTS = ['dist/cli/start.js', 'dist/cli-bundle/entry.js', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
export const STAMP = 'dist/.build-stamp.json';

/** The folders the node build compiles, read from tsconfig.node.json so a new one is never missed. */
function sourceFolders(root: string): string[] {
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.node.json'), 'utf8')) as { include?: string[] };
  return [...new Set([...(config.include ?? []), ...EXTRA_FOLDERS])];
}

function* filesUnder(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Editor swap files and the like are not sources.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * One hash over every source file's path and content. Content, not modification times: a file put
 * back with an older time, a deleted file or a new one all change it; saving without a change does not.
 */
export function sourceFingerprint(root: string): string {
  const files = [...sourceFolders(root).flatMap((folder) => [...filesUnder(join(root, folder))]), ...CONFIG_FILES.map((file) => join(root, file)).filter((file) => existsSync(file))];
  const hash = createHash('sha256');
  for (const file of files.map((path) => relative(root, path).split('\\').join('/')).sort()) {
    hash.update(`${file}\0`);
    hash.update(createHash('sha256').update(readFileSync(join(root, file))).digest());
  }
  return hash.digest('hex');
}

export type BuildDecision = { build: false } | { build: true; reason: string; fingerprint: string };

export function decideBuild(root: string): BuildDecision {
  const fingerprint = sourceFingerprint(root);
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return { build: true, reason: `${missing} is missing`, fingerprint };
  let stamped: string | undefined;
  try {
    stamped = (JSON.parse(readFileSync(join(root, STAMP), 'utf8')) as { fingerprint?: string }).fingerprint;
  } catch {
    return { build: true, reason: 'no record of the last build', fingerprint };
  }
  return stamped === fingerprint ? { build: false } : { build: true, reason: 'sources changed since the last build', fingerprint };
}

/** Records what was built: the fingerprint taken before the build, so an edit made during it still counts. */
export function writeStamp(root: string, fingerprint: string): void {
  writeFileSync(join(root, STAMP), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // `--report`: say what was decided even when nothing is built (the bench prints it beside its figures).
  const report = process.argv.includes('--report');
  const decision = decideBuild(root);
  if (decision.build) {
    console.log(`Building (${decision.reason})…`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: report ? ['ignore', 'ignore', 'inherit'] : 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeStamp(root, decision.fingerprint);
    if (report) console.log(`Built dist/ (${decision.reason}).`);
  } else if (report) console.log('dist/ is current: no source changed since its build.');
}
