import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { Library } from '../../library/index.ts';
import { startServeHost } from '../../serve/index.ts';
import { generateArticles, percentile, syllableModel, table } from '../vietnamese-corpus.ts';
import { readerDraft, scrollListDown, selectToPaint } from './select-to-paint.ts';

const SELECTIONS = 60;

/**
 * Select-to-paint through the real renderer: the app is served from a 50,000-article library to
 * Debian's Chromium, rows are clicked as a reader would, and the time runs from the click until a
 * frame holding the article's title and text has been painted.
 */
export async function runReaderBench(options: { log: (line: string) => void; articles?: number; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const total = options.articles ?? 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-reader-'));
  try {
    const library = Library.open(dir);
    const model = syllableModel(options.corpusDir);
    // One transaction: filling the library is setup here, not what is measured.
    library.db.exec('BEGIN');
    for (const article of generateArticles(total, model, 11)) {
      library.addArticle(readerDraft(article));
    }
    library.db.exec('COMMIT');
    library.close();

    const host = await startServeHost({ libraryDir: dir, port: 0, log: () => {} });
    // The index builds in a worker at first start; measure once it is done so it does not compete.
    await host.core.whenSearchIdle();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const loadStarted = performance.now();
      await page.goto(host.url);
      await page.locator('nr-article-list lit-virtualizer [role=option]').first().waitFor();
      const firstRowsMs = performance.now() - loadStarted;
      const samples: number[] = [];
      for (let i = 0; i < SELECTIONS; i++) {
        // Jump further down the list now and then, so rows come from later pages too.
        if (i > 0 && i % 10 === 0) await scrollListDown(page);
        samples.push(await selectToPaint(page, i));
      }
      table(
        log,
        [`reader at ${total.toLocaleString('en')} articles (Chromium ${browser.version()})`, 'p50', 'p95', 'target'],
        [
          ['select an article → its text painted', `${percentile(samples, 50).toFixed(0)} ms`, `${percentile(samples, 95).toFixed(0)} ms`, 'p95 < 100 ms'],
          ['open the app → first rows shown', `${firstRowsMs.toFixed(0)} ms`, '', ''],
        ],
      );
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
