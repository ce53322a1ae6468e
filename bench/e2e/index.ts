import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMs, table } from '../measure.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';
import { measureServeAndTyping } from './browser.ts';
import { measureCliCalls } from './cli-calls.ts';
import { measureCliImport } from './cli-import.ts';
import { ensureCurrentBuild } from './current-build.ts';
import { measureInProcess, UI_PAGE_SIZE } from './in-process.ts';
import { buildLibrary } from './library-fixture.ts';
import { typedQueries } from './queries.ts';

// Under the index's end-of-batch fold threshold (256), so they stay a segment of their own.
const DELTA_ARTICLES = 200;
const TYPED_QUERIES = 20;

export interface E2eOptions {
  log: (line: string) => void;
  /** Library sizes for the serve and search parts. */
  scales: number[];
  /** How many .txt files the CLI import brings in. */
  importCount: number;
  /** How many saved news pages (.html) the CLI import brings in; 0 skips them. */
  htmlImportCount: number;
  /** Only the imports: no library is built for the serve and search parts. */
  importOnly?: boolean;
  /** The import is killed and reported as unfinished past this. */
  importCapMs: number;
  corpusDir?: string;
}

/**
 * The paths users live through, through the built CLI in child processes and Chromium: import until
 * searchable, serve until results are painted, typing, CLI calls, and the UI's search in-process.
 */
export async function runE2eBench(options: E2eOptions): Promise<void> {
  const { log } = options;
  log('Checking that dist/ was built from these sources (build/build-if-changed.ts)…');
  log(ensureCurrentBuild());
  const model = syllableModel(options.corpusDir);
  log(`Built CLI (bin/newsroom-reader.js → dist/cli-bundle/) in child processes; every timing repeated (median, min–max, n); p95 at nearest rank.`);

  const importArticles = [...generateArticles(options.importCount, model, 3)];
  const imported = await measureCliImport(importArticles, options.importCapMs, log);
  const htmlRows: string[][] = [];
  if (options.htmlImportCount > 0) {
    const pages = [...generateArticles(options.htmlImportCount, model, 5)];
    htmlRows.push(...(await measureCliImport(pages, options.importCapMs, log, 'html')).rows);
  }
  log('');
  table(log, ['import (empty library, index attached)', 'wall time', 'articles/s', 'target'], [...imported.rows, ...htmlRows]);
  if (options.importOnly) return;

  for (const scale of options.scales) {
    const dir = mkdtempSync(join(tmpdir(), 'nr-bench-e2e-'));
    try {
      const articles = [...generateArticles(scale + DELTA_ARTICLES, model, 11)];
      log(`\n  building a ${scale.toLocaleString('en')}-article library in-process (Library + SearchIndexManager), then ${DELTA_ARTICLES} more as a delta…`);
      const fixture = await buildLibrary(dir, articles.slice(0, scale), articles.slice(scale));
      if (!fixture.hasDelta) throw new Error('no delta segment was written; the search figures would cover the main segment only');
      log(`  library ready in ${formatMs(fixture.buildMs)}: ${scale.toLocaleString('en')} articles in the main segment, ${DELTA_ARTICLES} in the delta`);
      const total = `${(scale + DELTA_ARTICLES).toLocaleString('en')} articles`;

      const inProcess = await measureInProcess(dir, typedQueries(articles, 43, 3, 21));
      log('');
      table(log, [`UI search path in-process, ${total} (main + delta)`, 'median (min–max, n)', 'p50 / p95 (n)'], inProcess);

      const cli = await measureCliCalls(dir, typedQueries(articles, 9, 2, 31));
      log('');
      table(log, [`CLI calls, ${total}`, 'median (min–max, n)', 'p50 / p95 (n)'], cli);

      const ui = await measureServeAndTyping(dir, typedQueries(articles, 3, 2, 41), typedQueries(articles, TYPED_QUERIES, 3, 51), log);
      log('');
      table(log, [`serve + Chromium, ${total}`, 'median (min–max, n)', 'p50 / p95 (n)'], ui);
      log(`(The UI asks for ${UI_PAGE_SIZE} hits a page, renderer/client/search-pages.ts.)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
