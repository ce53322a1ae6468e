// Issue 17's "a 500-page PDF import keeps the UI responsive": search.query through the dispatcher of
// an AppContext (what serve and the desktop core run) on a library of generated articles, idle and
// then while `library.importPaths` takes in a long PDF, with the same typed queries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../commands/app-context.ts';
import { buildLibrary } from '../e2e/library-fixture.ts';
import { UI_PAGE_SIZE } from '../e2e/in-process.ts';
import { typedQueries } from '../e2e/queries.ts';
import { formatMs, loadLine, nearestRank, table } from '../measure.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';

const SEARCH_P95_TARGET_MS = 30;

async function timedQuery(context: AppContext, query: string): Promise<number> {
  const started = performance.now();
  const outcome = await context.dispatch('search.query', { query, limit: UI_PAGE_SIZE });
  if (!outcome.ok) throw new Error(`search.query failed: ${outcome.error.message}`);
  return performance.now() - started;
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
      const idle: number[] = [];
      for (const query of queries.slice(10, 110)) idle.push(await timedQuery(context, query));

      const during: number[] = [];
      let importing = true;
      const started = performance.now();
      const imported = context.dispatch('library.importPaths', { jobId: 'bench-pdf', paths: [pdfPath] }).finally(() => {
        importing = false;
      });
      // A reader types about every 250 ms; search as long as the import runs.
      for (let i = 0; importing; i++) {
        during.push(await timedQuery(context, queries[110 + (i % 90)]!));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const outcome = await imported;
      const importMs = performance.now() - started;
      if (!outcome.ok) throw new Error(`import failed: ${outcome.error.message}`);
      const row = (name: string, samples: number[]): string[] => {
        const p95 = nearestRank(samples, 95);
        return [name, String(samples.length), formatMs(nearestRank(samples, 50)), formatMs(p95), formatMs(Math.max(...samples)), p95 <= SEARCH_P95_TARGET_MS ? 'yes' : 'NO'];
      };
      log(`Search while a ${options.pages}-page PDF imports (library.importPaths, parse in a worker, ${formatMs(importMs)} to import), ${options.articles.toLocaleString('en')} articles, page of ${UI_PAGE_SIZE}:`);
      table(log, ['search.query', 'queries', 'p50', 'p95', 'max', `p95 ≤ ${SEARCH_P95_TARGET_MS} ms`], [row('idle', idle), row('during the import', during)]);
      log(`Measured under: ${loadLine()}.`);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
