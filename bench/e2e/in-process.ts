// The UI's search path without the browser: `search.query` through the command dispatcher of an
// AppContext (what serve and Electron main run), at the UI's page size, over main + delta segments.
import { AppContext } from '../../commands/app-context.ts';
import { quantiles, spread } from '../measure.ts';

/** renderer/client/search-pages.ts (SEARCH_PAGE) asks for this many hits per search page; the bench may not import the renderer. */
export const UI_PAGE_SIZE = 15;
const OPENS = 3;

async function query(context: AppContext, text: string): Promise<number> {
  const started = performance.now();
  const outcome = await context.dispatch('search.query', { query: text, limit: UI_PAGE_SIZE });
  const ms = performance.now() - started;
  if (!outcome.ok) throw new Error(`search.query failed: ${outcome.error.message}`);
  return ms;
}

export async function measureInProcess(libraryDir: string, queries: readonly string[]): Promise<string[][]> {
  const opens: number[] = [];
  const firsts: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < OPENS; run++) {
    const started = performance.now();
    const context = await AppContext.open({ libraryDir, runtime: 'browser' });
    try {
      await context.search.whenIdle();
      if (context.search.state !== 'ready') throw new Error(`index not ready after open: ${context.search.state}`);
      opens.push(performance.now() - started);
      // A different first query each time, so no run is helped by the one before.
      firsts.push(await query(context, queries[run]!));
      for (const text of queries.slice(OPENS)) warm.push(await query(context, text));
    } finally {
      await context.close();
    }
  }
  return [
    ['AppContext.open → index loaded (main + delta)', spread(opens), ''],
    [`search.query, first after load (cold), limit ${UI_PAGE_SIZE}`, spread(firsts), ''],
    [`search.query, warm, limit ${UI_PAGE_SIZE}`, '', quantiles(warm)],
  ];
}
