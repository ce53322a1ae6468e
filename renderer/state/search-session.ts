import type { SearchFilters, SearchIndexState, SearchResult } from '../../contract/index.ts';
import { firstSearchPage, hasMoreHits, nextSearchPage } from '../client/search-pages.ts';
import type { CommandClient } from './client-port.ts';
import { LatestAnswer } from './latest-answer.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/** The query being searched, its filter chips (they apply to every query until cleared) and its answer. */
export class SearchSession extends Observable {
  query = '';
  filters: SearchFilters = {};
  result: SearchResult | null = null;
  /** Whether the host's index is ready; a query typed while it builds is answered again once it is. */
  indexState: SearchIndexState = 'ready';
  /** Whether the latest query is on its way: the results say "đang tìm…" over the previous answer. */
  searching = false;
  readonly #client: CommandClient;
  readonly #notices: Notices;
  readonly #answers = new LatestAnswer();
  /** Whether the answer shown is still that of the latest query, and whether its next page is on its way. */
  #shownCurrent: (() => boolean) | null = null;
  #paging = false;

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
  }

  /** Whether a search is running: the list pane shows its results instead of the library. */
  get active(): boolean {
    return this.query.trim() !== '';
  }

  get filtered(): boolean {
    return Object.keys(this.filters).length > 0;
  }

  async search(query: string): Promise<void> {
    // The same query answered again (an edit, new filters, the index ready) keeps the hits scrolled to.
    const depth = query === this.query ? (this.result?.hits.length ?? 0) : 0;
    this.query = query;
    const current = this.#answers.begin();
    if (!this.active) {
      this.result = null;
      this.searching = false;
      this.changed();
      return;
    }
    this.searching = true;
    this.changed();
    const filters = this.filtered ? this.filters : undefined;
    const result = await this.#notices.attempt(() => firstSearchPage(this.#client, query, filters, depth));
    if (!current()) return;
    this.searching = false;
    // A slower answer to an older query must not overwrite the newer one; a cancelled one says nothing.
    if (result && !result.cancelled) {
      this.result = result;
      this.#shownCurrent = current;
    }
    this.changed();
  }

  /** The results list was scrolled near its end: the next page of the query shown. */
  async searchMore(): Promise<void> {
    const shown = this.result;
    const current = this.#shownCurrent;
    // Not while a newer query is on its way: its answer replaces the list (and paging would cancel it).
    if (this.#paging || !current?.() || !shown || !hasMoreHits(shown)) return;
    this.#paging = true;
    const filters = this.filtered ? this.filters : undefined;
    const more = await this.#notices.attempt(() => nextSearchPage(this.#client, shown, filters));
    this.#paging = false;
    if (more && current() && this.result === shown) {
      this.result = more;
      this.changed();
    }
  }

  /** The same query again, after the library changed. */
  async refresh(): Promise<void> {
    if (this.query) await this.search(this.query);
  }

  async setFilters(filters: SearchFilters): Promise<void> {
    this.filters = filters;
    await this.search(this.query);
  }

  /** Asks whether the index is ready; an unanswered question changes nothing. */
  async loadIndexState(): Promise<void> {
    try {
      this.indexState = (await this.#client.call('search.status', {})).state;
      this.changed();
    } catch {
      // The host answers `search.state` events too; the first of them will say.
    }
  }

  indexStateChanged(state: SearchIndexState): void {
    this.indexState = state;
    this.changed();
    if (state === 'ready' && this.active) void this.search(this.query);
  }
}
