// Saved searches' new counts: matches among the articles imported since each was last opened,
// counted by the search engine over just those articles, and recounted (then announced with
// `watch.counts`) once a change to the library has reached the search index.
import type { SavedSearch, WatchCounts } from '../contract/index.ts';
import type { Library, SavedSearchRecord } from '../library/index.ts';
import type { SearchIndexManager } from '../search/index.ts';
import type { EventBus } from './event-bus.ts';

/** A burst of changes (an import's batches) is recounted once it rests this long. */
export const RECOUNT_DELAY_MS = 200;

export interface WatchServiceOptions {
  library: () => Library;
  /** Null when the context runs without search (then counts are of filters only when the query is empty, else 0). */
  search: () => SearchIndexManager | null;
  events: EventBus;
}

export class WatchService {
  readonly #options: WatchServiceOptions;
  /**
   * The counts last announced or shown, to tell which rose. A saved search is first known when it is
   * listed, added or opened, so starting the app never notifies of what was already there.
   */
  readonly #announced = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  readonly #off: () => void;

  constructor(options: WatchServiceOptions) {
    this.#options = options;
    this.#off = options.events.onAny((event) => {
      if (event === 'library.changed') this.#schedule();
    });
  }

  /** New matches of one saved search: what the engine finds among the articles imported since it was opened. */
  async count(search: SavedSearchRecord): Promise<number> {
    const candidates = this.#options.library().savedSearches.importedSince(search.lastOpenedAt, search.filters);
    if (candidates.size === 0) return 0;
    if (search.query.trim() === '') return candidates.size;
    const index = this.#options.search();
    if (!index) return 0;
    // limit 0: only the total is wanted, so no hit is read from SQLite or highlighted.
    const result = await index.search(search.query, { limit: 0, accept: (id) => candidates.has(id) });
    return result.total;
  }

  async withCount(search: SavedSearchRecord): Promise<SavedSearch> {
    return { ...search, newCount: await this.count(search) };
  }

  async list(): Promise<SavedSearch[]> {
    const searches = this.#options.library().savedSearches.list();
    const counted: SavedSearch[] = [];
    for (const search of searches) counted.push(await this.withCount(search));
    // Not overwritten: a list shown between an import and its announcement must not hide the rise.
    for (const search of counted) if (!this.#announced.has(search.id)) this.#announced.set(search.id, search.newCount);
    return counted;
  }

  /** Counts every saved search now and says which of those that notify rose since the last announcement. */
  async recount(): Promise<WatchCounts> {
    const searches = await this.list();
    const risen = searches
      .filter((search) => search.notify && search.newCount > (this.#announced.get(search.id) ?? search.newCount))
      .map(({ id, name, newCount }) => ({ id, name, newCount }));
    for (const search of searches) this.#announced.set(search.id, search.newCount);
    return { counts: searches.map(({ id, newCount }) => ({ id, newCount })), risen };
  }

  /** A saved search was opened, added or edited: its count is what the caller now shows, not a rise. */
  remember(search: SavedSearch): void {
    this.#announced.set(search.id, search.newCount);
  }

  #schedule(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.#running = this.#announce().finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.#schedule();
        }
      });
    }, RECOUNT_DELAY_MS);
  }

  async #announce(): Promise<void> {
    try {
      // The index takes changes in after the library commits them; count once it has.
      await this.#options.search()?.whenIdle();
      if (this.#closed || this.#options.library().savedSearches.list().length === 0) return;
      this.#options.events.emit('watch.counts', await this.recount());
    } catch {
      // A library closed or moved under the recount: the next change recounts.
    }
  }

  /** Resolves once any recount scheduled so far has been announced (tests, the bench). */
  async whenIdle(): Promise<void> {
    while (this.#timer || this.#running) {
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = null;
        this.#running ??= this.#announce().finally(() => {
          this.#running = null;
        });
      }
      await this.#running;
    }
  }

  close(): void {
    this.#closed = true;
    this.#off();
    if (this.#timer) clearTimeout(this.#timer);
  }
}
