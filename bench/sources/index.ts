// Live sources under load: `feeds` feeds of `items` items on a loopback server, subscribed through OPML
// in a running `serve` (its core in its worker thread, as users run it), then refreshed with full text
// (every item is a summary, so every linked page is fetched and read by Readability). While that first
// refresh runs, search and select-to-paint are measured in Chromium and through the core; then a second
// refresh, where every feed answers 304, is timed against its 2 s target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { CommandName, SourceRefreshResult } from '../../contract/index.ts';
import { Library } from '../../library/index.ts';
import { startServeHost } from '../../serve/index.ts';
import { typedQueries } from '../e2e/queries.ts';
import { formatMs, quantiles, ratio, table } from '../measure.ts';
import { readerDraft, scrollListDown, selectToPaint } from '../reader/select-to-paint.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';
import { FEEDS_PER_SITE, startFeedSite } from './feed-site.ts';
import { sequentialFetchAndParse } from './sequential-peer.ts';

export interface SourcesBenchOptions {
  log: (line: string) => void;
  feeds: number;
  items: number;
  /** Articles already in the library when the feeds arrive (search and reading measured on them). */
  baseArticles: number;
  corpusDir?: string;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function opml(urls: readonly string[]): string {
  const outlines = urls.map((url, n) => `<outline type="rss" text="Nguồn ${n + 1}" xmlUrl="${url}"/>`).join('');
  return `<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body><outline text="Bench">${outlines}</outline></body></opml>`;
}

function sum(results: readonly SourceRefreshResult[], key: 'imported' | 'fullTextFetched' | 'fullTextFailed' | 'failedItems'): number {
  return results.reduce((total, result) => total + result[key], 0);
}

export async function runSourcesBench(options: SourcesBenchOptions): Promise<void> {
  const { log, feeds, items } = options;
  const model = syllableModel(options.corpusDir);
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-sources-'));
  const site = await startFeedSite(feeds, items, model);
  try {
    const base = [...generateArticles(options.baseArticles, model, 11)];
    const library = Library.open(dir);
    library.db.exec('BEGIN');
    for (const article of base) {
      library.addArticle(readerDraft(article));
    }
    library.db.exec('COMMIT');
    library.close();
    const queries = typedQueries(base, 40, 3, 5);

    const host = await startServeHost({ libraryDir: dir, port: 0, log: () => {} });
    await host.core.whenSearchIdle();
    const cli = host.core.dispatchFor('cli');
    const serve = host.core.dispatchFor('serve');
    const call = async (dispatch: typeof cli, name: CommandName, args: unknown): Promise<unknown> => {
      const outcome = await dispatch(name, args);
      if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
      return outcome.value;
    };
    const search = async (query: string): Promise<number> => {
      const started = performance.now();
      await call(serve, 'search.query', { query, limit: 15 });
      return performance.now() - started;
    };
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(host.url);
      await page.locator('nr-article-list lit-virtualizer [role=option]').first().waitFor();
      const idleSearch: number[] = [];
      const idlePaint: number[] = [];
      for (let i = 0; i < 20; i++) {
        idleSearch.push(await search(queries[i % queries.length]!));
        idlePaint.push(await selectToPaint(page, i));
      }

      // Peak memory of the whole process: the core and the parse pool are its threads.
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const started = performance.now();
      // CPU of the whole process (serve's thread, the core, the parse workers, the search index, the
      // feed server): unlike the wall time, it hardly moves with the machine's load.
      const cpuStarted = process.cpuUsage();
      await call(cli, 'opml.import', { opml: opml(site.feedUrls) });
      let done = false;
      const refresh = (call(cli, 'sources.refresh', { all: true }) as Promise<SourceRefreshResult[]>).finally(() => (done = true));
      const busySearch: number[] = [];
      const busyPaint: number[] = [];
      for (let i = 0; !done; i++) {
        busySearch.push(await search(queries[i % queries.length]!));
        if (i > 0 && i % 10 === 0) await scrollListDown(page);
        busyPaint.push(await selectToPaint(page, i));
      }
      const first = await refresh;
      const firstMs = performance.now() - started;
      const firstCpu = process.cpuUsage(cpuStarted);
      const firstCpuMs = (firstCpu.user + firstCpu.system) / 1000;
      clearInterval(sampler);
      const pagesFetched = site.counts.page;
      const imagesFetched = site.counts.image;

      const secondStarted = performance.now();
      const second = (await call(cli, 'sources.refresh', { all: true })) as SourceRefreshResult[];
      const secondMs = performance.now() - secondStarted;
      const notModified = second.filter((result) => result.status === 'not-modified').length;

      const peer = await sequentialFetchAndParse(site.feedUrls);
      const total = feeds * items;
      log(
        `  ${feeds} feeds × ${items} items on loopback (${FEEDS_PER_SITE} feeds per site, one address per site), library of ${options.baseArticles.toLocaleString('en')} articles before; first refresh: ${sum(first, 'imported')} imported, ` +
          `full text ${sum(first, 'fullTextFetched')} fetched / ${sum(first, 'fullTextFailed')} failed, ${sum(first, 'failedItems')} unusable; ${pagesFetched} pages and ${imagesFetched} images requested; ` +
          `second refresh: ${notModified} of ${feeds} answered 304.`,
      );
      table(
        log,
        [`sources: ${feeds} × ${items} (serve's core, Chromium ${browser.version()})`, 'ours', 'peer: sequential fetch + feedsmith + Readability, nothing stored', 'ours/peer', 'target'],
        [
          ['first refresh, full text (OPML subscribe → all stored and indexed)', formatMs(firstMs), formatMs(peer.ms), ratio(firstMs, peer.ms), ''],
          ['  items per second', (total / (firstMs / 1000)).toFixed(0), (peer.pages / (peer.ms / 1000)).toFixed(0), '', ''],
          ['  CPU time of the process (all its threads) per item', `${(firstCpuMs / total).toFixed(1)} ms`, '', '', 'flat as the library grows'],
          ['  peak memory (process RSS, core and parse workers included)', mb(peak), '', '', 'reported'],
          ['second refresh, every feed 304', formatMs(secondMs), 'no validators: a full pass again', '', '< 2 s'],
          ['search.query p50 / p95, idle', quantiles(idleSearch), '', '', ''],
          ['search.query p50 / p95, during the first refresh', quantiles(busySearch), '', '', 'as idle'],
          ['select → text painted p50 / p95, idle', quantiles(idlePaint), '', '', 'p95 < 100 ms'],
          ['select → text painted p50 / p95, during the first refresh', quantiles(busyPaint), '', '', 'p95 < 100 ms'],
        ],
      );
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
