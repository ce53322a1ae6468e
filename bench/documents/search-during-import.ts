// Issue 17's "a 500-page PDF import keeps the UI responsive": search.query through the dispatcher of
// an AppContext (what serve and the desktop core run) on a library of generated articles, idle and
// then while `library.importPaths` takes in a long PDF, with the same typed queries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../commands/app-context.ts';
import { startCpuProfile } from '../cpu-profile.ts';
import { buildLibrary } from '../e2e/library-fixture.ts';
import { UI_PAGE_SIZE } from '../e2e/in-process.ts';
import { typedQueries } from '../e2e/queries.ts';
import { formatMs, loadLine, nearestRank, table } from '../measure.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';

const threadMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

const SEARCH_P95_TARGET_MS = 30;

/** One query's wall time and the CPU time this thread (the core's) spent on it, in ms. */
interface Timed {
  wall: number;
  cpu: number;
}

async function timedQuery(context: AppContext, query: string): Promise<Timed> {
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  const outcome = await context.dispatch('search.query', { query, limit: UI_PAGE_SIZE });
  if (!outcome.ok) throw new Error(`search.query failed: ${outcome.error.message}`);
  const wall = performance.now() - started;
  const used = process.threadCpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * How long this thread could not run a timer: a task that holds it for 200 ms shows as a 200 ms gap,
 * whatever the load. Load stretches gaps too, so the CPU of the thread beside it says whose they are.
 */
function loopGaps(): { stop: () => { p99: number; max: number } } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    stop: () => {
      histogram.disable();
      return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
    },
  };
}

export async function runSearchDuringImport(options: { log: (line: string) => void; pdf: Uint8Array; pages: number; articles: number; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-pdf-search-'));
  try {
    const articles = [...generateArticles(options.articles, syllableModel(options.corpusDir), 42)];
    await buildLibrary(join(dir, 'library'), articles, []);
    const pdfPath = join(dir, 'long.pdf');
    writeFileSync(pdfPath, options.pdf);
    const queries = typedQueries(articles, 200, 2, 5);
    const context = await AppContext.open({ libraryDir: join(dir, 'library'), runtime: 'browser' });
    try {
      await context.search.whenIdle();
      for (const query of queries.slice(0, 10)) await timedQuery(context, query);
      // Idle: the same pace as during the import (a reader types about every 250 ms), for as many queries.
      const idle: Timed[] = [];
      const idleGaps = loopGaps();
      let threadCpu = process.threadCpuUsage();
      let started = performance.now();
      for (const query of queries.slice(10, 110)) {
        idle.push(await timedQuery(context, query));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const idleLoop = idleGaps.stop();
      const idleThread = threadMs(process.threadCpuUsage(threadCpu));
      const idleMs = performance.now() - started;
      const idleLoad = loadLine();

      const during: Timed[] = [];
      let importing = true;
      const stopProfile = await startCpuProfile('pdf-import-core.cpuprofile');
      const importGaps = loopGaps();
      threadCpu = process.threadCpuUsage();
      const processCpu = process.cpuUsage();
      started = performance.now();
      const imported = context.dispatch('library.importPaths', { jobId: 'bench-pdf', paths: [pdfPath] }).then(async (outcome) => {
        // Until the article is searchable: the index's catch-up is part of what the import costs.
        await context.search.whenIdle();
        return outcome;
      });
      void imported.finally(() => {
        importing = false;
      });
      for (let i = 0; importing; i++) {
        during.push(await timedQuery(context, queries[110 + (i % 90)]!));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const outcome = await imported;
      const importMs = performance.now() - started;
      const importLoop = importGaps.stop();
      const importThread = threadMs(process.threadCpuUsage(threadCpu));
      const importProcess = threadMs(process.cpuUsage(processCpu));
      await stopProfile?.();
      if (!outcome.ok) throw new Error(`import failed: ${outcome.error.message}`);
      const sum = (samples: readonly Timed[]): number => samples.reduce((total, sample) => total + sample.cpu, 0);
      const row = (name: string, samples: Timed[], loop: { p99: number; max: number }): string[] => {
        const walls = samples.map((sample) => sample.wall);
        const cpus = samples.map((sample) => sample.cpu);
        const p95 = nearestRank(walls, 95);
        return [name, String(samples.length), formatMs(nearestRank(walls, 50)), formatMs(p95), formatMs(Math.max(...walls)), p95 <= SEARCH_P95_TARGET_MS ? 'yes' : 'NO', `${formatMs(nearestRank(cpus, 50))} / ${formatMs(nearestRank(cpus, 95))}`, `${formatMs(loop.p99)} / ${formatMs(loop.max)}`];
      };
      log(`Search while a ${options.pages}-page PDF imports (library.importPaths, parse in a worker, ${formatMs(importMs)} to import and index), ${options.articles.toLocaleString('en')} articles, page of ${UI_PAGE_SIZE}, one query every 250 ms:`);
      table(
        log,
        ['search.query', 'queries', 'p50', 'p95', 'max', `p95 ≤ ${SEARCH_P95_TARGET_MS} ms`, 'core thread CPU per query p50 / p95', 'event-loop delay p99 / max'],
        [row('idle', idle, idleLoop), row('during the import', during, importLoop)],
      );
      // What the import itself cost the core's thread: its CPU over the import, less the queries'.
      log(`Core thread CPU outside the queries: idle ${formatMs(idleThread - sum(idle))} over ${formatMs(idleMs)}; during the import ${formatMs(importThread - sum(during))} over ${formatMs(importMs)} (the whole process: ${formatMs(importProcess)}, parse and index workers included).`);
      log(`Load when idle was measured: ${idleLoad}.`);
      log(`Measured under: ${loadLine()}.`);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
