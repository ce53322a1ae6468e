import type { AppInfo, ArticleSummary, ListSort, SidebarCounts } from '../../contract/index.ts';
import type { LibrarySelection } from '../events.ts';
import type { CommandClient } from './client-port.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/** Rows fetched per page as the list scrolls. */
export const PAGE = 200;
/** How many rows a refresh reloads at most; rows further down stay until the list asks for more. */
export const REFRESH_DEPTH = 3000;
/** The contract's largest page. */
const MAX_PAGE = 1000;

/** The library list: which part of the library (selection), its order, the rows loaded so far, and the counts. */
export class LibraryView extends Observable {
  /** Where the library lives and the host's limits. */
  info: AppInfo | null = null;
  counts: SidebarCounts | null = null;
  selection: LibrarySelection = { view: 'all' };
  sort: ListSort = 'published';
  items: ArticleSummary[] = [];
  total = 0;
  readonly #client: CommandClient;
  readonly #notices: Notices;
  #loadingMore = false;

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
  }

  /** Whether the library holds nothing at all, in any view (the first-run page shows). */
  get empty(): boolean {
    return this.counts !== null && this.counts.all + this.counts.archived + this.counts.trash === 0;
  }

  /** Reads app.info; a failure is the caller's to show. */
  async loadInfo(): Promise<void> {
    this.info = await this.#client.call('app.info', {});
    this.changed();
  }

  libraryMoved(libraryDir: string): void {
    if (!this.info) return;
    this.info = { ...this.info, libraryDir };
    this.changed();
  }

  /**
   * Reloads the counts and what the list has shown so far, a page of at most 1,000 at a time (the
   * contract's limit); beyond REFRESH_DEPTH the rows already loaded stay. A failure is the caller's to show.
   */
  async reload(): Promise<void> {
    const depth = Math.min(Math.max(PAGE, this.items.length), REFRESH_DEPTH);
    const offsets = Array.from({ length: Math.ceil(depth / MAX_PAGE) }, (_, i) => i * MAX_PAGE);
    const [counts, ...pages] = await Promise.all([
      this.#client.call('library.counts', {}),
      ...offsets.map((offset) => this.#client.call('library.list', { ...this.selection, sort: this.sort, offset, limit: Math.min(MAX_PAGE, depth - offset) })),
    ]);
    this.counts = counts;
    const fresh = pages.flatMap((page) => page.items);
    this.items = this.items.length > depth ? [...fresh, ...this.items.slice(fresh.length)] : fresh;
    this.total = pages[0]?.total ?? 0;
    this.changed();
  }

  /** The next page, when the list has scrolled near its end; one request at a time. */
  async loadMore(): Promise<void> {
    if (this.#loadingMore || this.items.length >= this.total) return;
    this.#loadingMore = true;
    await this.#notices.attempt(async () => {
      const page = await this.#client.call('library.list', { ...this.selection, sort: this.sort, offset: this.items.length, limit: PAGE });
      this.items = [...this.items, ...page.items];
      this.total = page.total;
      this.changed();
    });
    this.#loadingMore = false;
  }

  /** Another part of the library, or another order: the list starts over (the caller reloads). */
  choose(change: { selection?: LibrarySelection; sort?: ListSort }): void {
    if (change.selection) this.selection = change.selection;
    if (change.sort) this.sort = change.sort;
    this.items = [];
    this.changed();
  }
}
