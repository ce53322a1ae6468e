// Two builds of the search, side by side in one process: this worktree's `search/` and the one of a
// base commit, on the same index bytes and the search bench's corpus and query classes (15 hits
// highlighted through runSearch). Each query runs on both, order alternating, and is timed in CPU
// time of the thread, which a loaded machine inflates far less than wall time; the results (total,
// ids, order, scores, marks, snippets, corrections) must be identical.
//
//   node_modules/.bin/node --max-old-space-size=8000 bench/search/side-by-side.ts --base=<commit> \
//     [--scale=20000] [--index=/tmp/search-20000.bin] [--class=prefix]
//
// --index keeps the built index's bytes between runs (building 20,000 articles takes minutes).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSearch } from '../../search/run-search.ts';
import { SearchEngine } from '../../search/search-engine.ts';
import type { SearchDocument } from '../../search/search-document.ts';
import type { SearchResult } from '../../search/types.ts';
import { nearestRank } from '../measure.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';
import { queryClasses } from './index.ts';

interface Side {
  name: string;
  engine: unknown;
  run: (raw: string, segments: never, options: { limit: number }) => SearchResult;
}

/** The project root: the nearest folder above this file holding node_modules (from sources or from dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'node_modules')) && dir !== dirname(dir)) dir = dirname(dir);
  return dir;
}

const root = projectRoot();
const flag = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const base = flag('base');
if (!base) throw new Error('--base=<commit> is required: the build to compare this worktree with');
const scale = Number(flag('scale') ?? 20_000);
const indexFile = flag('index');
const onlyClass = flag('class');

/** The base commit's search (and what it imports) in a temporary directory, importable as TypeScript. */
function checkOut(commit: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nr-search-base-'));
  const archive = execFileSync('git', ['-C', root, 'archive', commit, 'search', 'contract', 'vietnamese'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const corpusDir = process.env.NEWSROOM_BENCH_CORPUS ?? [join(root, '..', 'shared', 'corpus'), join(root, '..', '..', 'shared', 'corpus')].find(existsSync);
const articles = [...generateArticles(scale, syllableModel(corpusDir), 42)];
const docs = new Map<string, SearchDocument>(
  articles.map((a, i) => [`doc-${i}`, { id: `doc-${i}`, title: a.title, body: a.body, author: null, source: a.source, tags: [], publishedAt: a.publishedAt, importedAt: a.publishedAt, notes: [] }]),
);
let bytes: Uint8Array;
if (indexFile && existsSync(indexFile)) bytes = new Uint8Array(readFileSync(indexFile));
else {
  console.log(`building the index of ${scale.toLocaleString('en')} articles…`);
  bytes = SearchEngine.build(docs.values()).serialize();
  if (indexFile) writeFileSync(indexFile, bytes);
}

const baseDir = checkOut(base);
try {
  const baseEngine = (await import(join(baseDir, 'search', 'search-engine.ts'))) as { SearchEngine: { deserialize(bytes: Uint8Array): unknown } };
  const baseRun = (await import(join(baseDir, 'search', 'run-search.ts'))) as { runSearch: Side['run'] };
  const sides: Side[] = [
    { name: `base ${base}`, engine: baseEngine.SearchEngine.deserialize(bytes), run: baseRun.runSearch },
    { name: 'this worktree', engine: SearchEngine.deserialize(bytes), run: runSearch as Side['run'] },
  ];
  const segments = (engine: unknown): never =>
    ({ engines: [engine], removed: new Set<string>(), documents: (ids: readonly string[]) => ids.flatMap((id) => docs.get(id) ?? []) }) as never;
  const cpuMs = (): number => {
    const usage = process.threadCpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  console.log(`CPU ms of the search thread per query, p50 / p95; load average ${process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?'}`);
  let differing = 0;
  for (const [name, queries] of queryClasses(articles, 7)) {
    if (onlyClass && !name.startsWith(onlyClass)) continue;
    for (const side of sides) for (const query of queries.slice(0, 20)) side.run(query.typed, segments(side.engine), { limit: 15 });
    const times: number[][] = sides.map(() => []);
    queries.forEach((query, q) => {
      const order = q % 2 === 0 ? [0, 1] : [1, 0];
      const results: string[] = [];
      for (const s of order) {
        const side = sides[s]!;
        const started = cpuMs();
        const result = side.run(query.typed, segments(side.engine), { limit: 15 });
        times[s]!.push(cpuMs() - started);
        results[s] = JSON.stringify({ total: result.total, hits: result.hits, corrections: result.corrections });
      }
      if (results[0] !== results[1]) {
        differing++;
        if (differing <= 5) console.log(`differs: ${name}: ${JSON.stringify(query.typed)}`);
      }
    });
    const cell = (s: number): string => `${nearestRank(times[s]!, 50).toFixed(1)} / ${nearestRank(times[s]!, 95).toFixed(1)}`;
    const ratio = (p: number): string => (nearestRank(times[1]!, p) / nearestRank(times[0]!, p)).toFixed(2);
    // The ratio of total CPU time: steadier than a percentile on a loaded machine.
    const sum = (s: number): number => times[s]!.reduce((a, b) => a + b, 0);
    console.log(`${name.padEnd(28)} ${sides[0]!.name}: ${cell(0)}   ${sides[1]!.name}: ${cell(1)}   ratio p50 ${ratio(50)}, p95 ${ratio(95)}, total ${(sum(1) / sum(0)).toFixed(2)}`);
  }
  console.log(`queries whose results differ: ${differing}`);
  if (differing > 0) process.exitCode = 1;
} finally {
  rmSync(baseDir, { recursive: true, force: true });
}
