import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { Library } from '../../library/index.ts';
import { startServeHost } from '../../serve/index.ts';
import { generateArticles, percentile, syllableModel, table } from '../vietnamese-corpus.ts';

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
      const blocks = [];
      let start = 0;
      for (const paragraph of article.body.split('\n\n')) {
        blocks.push({ kind: 'paragraph' as const, start, end: start + paragraph.length });
        start += paragraph.length + 2;
      }
      library.addArticle({ ...article, author: null, url: null, language: 'vi', blocks, origin: 'bench', tags: [] });
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
        if (i > 0 && i % 10 === 0) {
          // Jump further down the list now and then, so rows come from later pages too.
          await page.locator('nr-article-list').evaluate((list) => {
            const scroller = list.shadowRoot?.querySelector('lit-virtualizer') ?? list;
            (scroller as HTMLElement).scrollTop += 4000;
          });
          await page.waitForTimeout(300);
        }
        samples.push(
          await page.evaluate(async (index) => {
            const app = document.querySelector('nr-app')!.shadowRoot!;
            const rows = [...app.querySelector('nr-list-pane')!.shadowRoot!.querySelector('nr-article-list')!.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
            const visible = rows.filter((row) => {
              const box = row.getBoundingClientRect();
              return box.top >= 0 && box.bottom <= innerHeight;
            });
            const row = (visible.length ? visible : rows)[index % Math.max(1, (visible.length ? visible : rows).length)]!;
            const title = row.querySelector('.title')!.textContent!.replace('★', '').trim();
            const started = performance.now();
            row.click();
            await new Promise<void>((resolve) => {
              const check = (): void => {
                const reader = app.querySelector('nr-reader')?.shadowRoot;
                const heading = reader?.querySelector('article h1');
                if (heading?.textContent?.trim() === title && reader?.querySelector('article p')) resolve();
                else requestAnimationFrame(check);
              };
              check();
            });
            // Two frames later the frame holding the text has been painted.
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            return performance.now() - started;
          }, i),
        );
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
