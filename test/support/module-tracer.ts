// A script preloaded (`--import`) into a child process that records every module the process loads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the tracer into `dir` and answers its path. The child, run with `--import <path>` and
 * NR_TRACE_FILE set, writes the URL of every module it loaded, one per line, to that file as it exits.
 */
export function writeModuleTracer(dir: string): string {
  const tracer = join(dir, 'trace-modules.mjs');
  writeFileSync(
    tracer,
    `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = [];
registerHooks({ load(url, context, nextLoad) { loaded.push(url); return nextLoad(url, context); } });
process.on('exit', () => writeFileSync(process.env.NR_TRACE_FILE, loaded.join('\\n')));
`,
  );
  return tracer;
}
