// The e2e section runs the built CLI (bin/newsroom-reader.js → dist/), so a build older than the
// sources would be measured instead of them; after a schema change it even refuses the library.
// Before anything is timed, build/build-if-changed.ts (what `npm start` runs) rebuilds dist/ when a
// source changed since its last build, and its verdict is printed with the figures.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whether the bench runs from its sources or from dist/bench. */
const ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../' : '../../', import.meta.url));

/** Builds dist/ if it is older than the sources; answers the line saying which (or throws when the build fails). */
export function ensureCurrentBuild(): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'build/build-if-changed.ts'), '--report'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`the build before the e2e bench failed (exit ${run.status}); run npm run build to see why`);
  const said = run.stdout.trim().split('\n').at(-1) ?? '';
  if (!said) throw new Error('build/build-if-changed.ts said nothing');
  return said;
}
