// `serve` as a user meets it in Chromium: launch → URL printed → first list row painted → first
// search results painted, then 3-word queries typed key by key, timed from the last key to the
// frame that shows their results. Times in the page are on the page's clock (performance.now()).
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { quantiles, spread } from '../measure.ts';
import { startServe } from './cli-process.ts';

const RUNS = 3;
/**
 * A quick typist: 150 ms a key, longer than the search box's 120 ms typing pause, so the results of
 * prefixes are painted too (renderer/search-typing.ts); the query itself goes to the host 20 ms after a key.
 */
const KEY_DELAY_MS = 150;
// The launch arguments of playwright.config.ts, with Debian's Chromium.
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface BenchWindow {
  __nrFirstRow: Promise<number>;
  __nrLastKey: number;
  __nrResults?: Promise<{ at: number; total: number }>;
}

/** Runs in every new document: notes when the first list row has been painted, and every key press. */
function watchPage(): void {
  const w = window as unknown as BenchWindow;
  w.__nrLastKey = 0;
  addEventListener('keydown', () => (w.__nrLastKey = performance.now()), true);
  w.__nrFirstRow = new Promise((resolve) => {
    const check = (): void => {
      const list = document.querySelector('nr-app')?.shadowRoot?.querySelector('nr-list-pane')?.shadowRoot?.querySelector('nr-article-list');
      // Found in this frame's callback, so this frame paints it; the next callback comes after.
      if (list?.shadowRoot?.querySelector('[role=option]')) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Starts watching, before anything is typed, for the frame that shows results for `query`. */
async function expectResults(page: Page, query: string): Promise<void> {
  await page.evaluate((wanted) => {
    const w = window as unknown as BenchWindow;
    type Results = HTMLElement & { result: { query: string; total: number } | null; isUpdatePending: boolean };
    w.__nrResults = new Promise((resolve) => {
      const check = (): void => {
        const results = document.querySelector('nr-app')?.shadowRoot?.querySelector('nr-list-pane')?.shadowRoot?.querySelector('nr-search-results') as Results | null | undefined;
        const result = results?.result;
        const shown = result && result.query.trim() === wanted && !results.isUpdatePending && (result.total === 0 || results.shadowRoot?.querySelector('button.hit'));
        if (shown) requestAnimationFrame(() => resolve({ at: performance.now(), total: result.total }));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, query);
}

async function resultsShown(page: Page): Promise<{ at: number; total: number }> {
  return page.evaluate(() => (window as unknown as BenchWindow).__nrResults!);
}

export async function measureServeAndTyping(libraryDir: string, firstQueries: readonly string[], typed: readonly string[], log: (line: string) => void): Promise<string[][]> {
  if (!existsSync(CHROMIUM)) return [['serve + Chromium', `skipped: no Chromium at ${CHROMIUM}`, '']];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  const version = browser.version();
  const launch: number[] = [];
  const firstRow: number[] = [];
  const firstResults: number[] = [];
  const toFirstResults: number[] = [];
  const keystroke: number[] = [];
  let zeroHits = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      log(`  serve + Chromium, run ${run + 1}/${RUNS}…`);
      const spawnAt = performance.now();
      const serve = await startServe(libraryDir);
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(watchPage);
        launch.push(serve.urlMs);
        const gotoAt = performance.now();
        await page.goto(serve.url);
        const rowAt = await page.evaluate(() => (window as unknown as BenchWindow).__nrFirstRow);
        firstRow.push(rowAt);
        // The first query after load, entered at once (pasted), as soon as the list is there.
        const box = page.getByRole('searchbox');
        await expectResults(page, firstQueries[run]!);
        const enteredAt = await page.evaluate(() => performance.now());
        await box.fill(firstQueries[run]!);
        const first = await resultsShown(page);
        firstResults.push(first.at - enteredAt);
        toFirstResults.push(gotoAt - spawnAt + first.at);
        for (const query of typed) {
          await box.press('Escape');
          await expectResults(page, query);
          await box.pressSequentially(query, { delay: KEY_DELAY_MS });
          const shown = await resultsShown(page);
          const lastKey = await page.evaluate(() => (window as unknown as BenchWindow).__nrLastKey);
          keystroke.push(shown.at - lastKey);
          if (shown.total === 0) zeroHits++;
        }
      } finally {
        await context.close();
        await serve.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return [
    ['serve: spawn → URL printed', spread(launch), ''],
    [`serve: URL → first list row painted (Chromium ${version})`, spread(firstRow), ''],
    ['serve: first query after load (cold), entered → results painted (120 ms typing pause included)', spread(firstResults), ''],
    ['serve: spawn → first search results painted', spread(toFirstResults), ''],
    [`typed 3-word query, last key → results painted (${KEY_DELAY_MS} ms a key, 120 ms pause included; ${zeroHits} with 0 hits)`, '', quantiles(keystroke)],
  ];
}
