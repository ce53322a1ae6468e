import type { CommandArgs, SearchFilters, SearchResult } from '../../contract/index.ts';

/**
 * Hits asked for at once: a little more than the results pane shows, so the host fetches and
 * highlights no more than the reader sees; scrolling towards the end asks for the next page.
 */
export const SEARCH_PAGE = 15;
/** The contract's largest page. */
const MAX_PAGE = 500;

/** This window's name for the host: its newer query cancels its older one still waiting there. */
const CLIENT = `window-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export interface SearchCaller {
  call(name: 'search.query', args: CommandArgs<'search.query'>): Promise<SearchResult>;
}

/** The first page of a query; `depth` keeps as many hits as were shown when the same query is answered again. */
export function firstSearchPage(caller: SearchCaller, query: string, filters: SearchFilters | undefined, depth = 0): Promise<SearchResult> {
  return caller.call('search.query', { query, filters, limit: Math.min(MAX_PAGE, Math.max(SEARCH_PAGE, depth)), client: CLIENT });
}

/**
 * `shown` with its next page appended, or null when the host cancelled it for a newer query. A hit
 * already shown is not repeated, should the library have changed between the pages.
 */
export async function nextSearchPage(caller: SearchCaller, shown: SearchResult, filters: SearchFilters | undefined): Promise<SearchResult | null> {
  const next = await caller.call('search.query', { query: shown.query, filters, offset: shown.hits.length, limit: SEARCH_PAGE, client: CLIENT });
  if (next.cancelled) return null;
  const known = new Set(shown.hits.map((hit) => hit.id));
  return { ...shown, total: next.total, hits: [...shown.hits, ...next.hits.filter((hit) => !known.has(hit.id))] };
}

/** Whether scrolling on would show more: the host found more hits than the list holds. */
export const hasMoreHits = (result: SearchResult | null): boolean => result !== null && !result.cancelled && result.hits.length < result.total;
