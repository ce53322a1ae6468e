// One spawn per call, as a script or a terminal user calls the CLI: `--version` (start-up alone) and
// `search` (start-up, index load, first query after load, print).
import { quantiles, spread } from '../measure.ts';
import { runCli } from './cli-process.ts';

const VERSION_CALLS = 5;

export async function measureCliCalls(libraryDir: string, queries: readonly string[]): Promise<string[][]> {
  const version: number[] = [];
  for (let i = 0; i < VERSION_CALLS; i++) {
    const run = await runCli(['--version']);
    if (run.code !== 0) throw new Error(`--version failed: ${run.stderr}`);
    version.push(run.ms);
  }
  const search: number[] = [];
  const engine: number[] = [];
  for (const query of queries) {
    const run = await runCli(['--library', libraryDir, '--json', 'search', query]);
    if (run.code !== 0) throw new Error(`search failed: ${run.stderr}`);
    search.push(run.ms);
    engine.push((JSON.parse(run.stdout) as { tookMs: number }).tookMs);
  }
  return [
    ['CLI `--version`, spawn → exit', spread(version), ''],
    ['CLI `search`, spawn → exit (loads the index each call)', spread(search), quantiles(search)],
    ['  of which the query itself (tookMs, cold: first after load)', spread(engine), quantiles(engine)],
  ];
}
