// The sync half of the archive bench on its own (no archive search load first):
//   node_modules/.bin/node --expose-gc bench/archive/sync-bench-run.ts [--pull=10000] [--annotations=1000]
// Same pull and push as `npm run bench -- archive`, on a throwaway cluster, with the articles restored.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgresCluster } from '../postgres-cluster.ts';
import { loadLine } from '../measure.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';
import { restoreArchiveArticles } from './index.ts';
import { runSyncBench } from './sync-bench.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const pullCount = Number(flag('pull') ?? 10_000);
const annotations = Number(flag('annotations') ?? 1_000);
const log = (line: string): void => console.log(line);

/** `../shared/corpus` above this file, as bench/run.ts finds it, so the articles are the same. */
function sharedCorpus(): string | undefined {
  if (process.env.NEWSROOM_BENCH_CORPUS) return process.env.NEWSROOM_BENCH_CORPUS;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(candidate)) return resolve(candidate);
  }
  return undefined;
}

log(`Start: ${loadLine()}.`);
const articles = [...generateArticles(pullCount, syllableModel(sharedCorpus()), 42)];
const cluster = await startPostgresCluster();
try {
  await runSyncBench({
    cluster,
    articles,
    annotations,
    desk: 'Bàn tin',
    writer: 'bench_writer',
    reader: 'bench_reader',
    password: 'bench-secret',
    restore: (db, address, some) => restoreArchiveArticles(db, address, some, 3),
    log,
  });
} finally {
  cluster.destroy();
}
