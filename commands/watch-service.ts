// Saved searches' new counts: matches among the articles imported since each was last opened,
// counted by the search engine over just those articles, and recounted (then announced with
// `watch.counts`) once a change to the library has reached the search index. Counting is
// incremental: what each saved search matched is kept, and only its new candidates and those whose
// search document changed are searched again.
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

/** A saved search's matches as last counted, and what they depended on. */
interface KeptMatches {
  query: string;
  filters: string;
  candidates: ReadonlySet<string>;
  /** The candidates the query matched. */
  matched: ReadonlySet<string>;
  /** The library's change sequence number they were counted at. */
  changeSeq: number;
}

export class WatchService {
  readonly #options: WatchServiceOptions;
  readonly #kept = new Map<string, KeptMatches>();
  /** The library the kept counts were made in: after a move, counting starts afresh. */
  #keptIn: Library | null = null;
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
    return (await this.#counts([search])).get(search.id) ?? 0;
  }

  /**
   * New matches of each saved search, incrementally: the candidates are read together (one statement
   * per distinct filters), and the query runs only over the candidates that are new since the last
   * count or whose search document changed since (the library's change log); the rest keep what they
   * matched. After an import of 1,000 that is those 1,000; after a highlight on an older article, or a
   * bulk archive, nothing at all.
   */
  async #counts(searches: readonly SavedSearchRecord[]): Promise<Map<string, number>> {
    const library = this.#options.library();
    if (this.#keptIn !== library) {
      this.#kept.clear();
      this.#keptIn = library;
    }
    const changeSeq = library.changeSeq();
    const candidatesOf = library.savedSearches.candidatesOf(searches);
    const index = this.#options.search();
    const changedSince = new Map<number, ReadonlySet<string>>();
    const changedAfter = (seq: number): ReadonlySet<string> => {
      let changed = changedSince.get(seq);
      if (!changed) changedSince.set(seq, (changed = seq === changeSeq ? new Set() : new Set(library.changesSince(seq).ids)));
      return changed;
    };
    const counts = new Map<string, number>();
    for (const search of searches) {
      const candidates = candidatesOf.get(search.id) ?? new Set<string>();
      const filters = JSON.stringify(search.filters);
      const kept = this.#kept.get(search.id);
      const usable = kept && kept.query === search.query && kept.filters === filters ? kept : null;
      const changed = usable ? changedAfter(usable.changeSeq) : null;
      const matched = new Set<string>();
      const unknown = new Set<string>();
      for (const id of candidates) {
        if (!usable || changed!.has(id) || !usable.candidates.has(id)) unknown.add(id);
        else if (usable.matched.has(id)) matched.add(id);
      }
      let settled = true;
      if (unknown.size > 0 && search.query.trim() === '') for (const id of unknown) matched.add(id);
      else if (unknown.size > 0 && index) {
        // limit 0: only which match is wanted, so no hit is read from SQLite or highlighted.
        await index.search(search.query, { limit: 0, acceptIds: unknown, collect: (id) => matched.add(id) });
        // Counted by an index still taking changes in: good for now, made again in full next time.
        settled = index.indexedSeq >= changeSeq;
      }
      counts.set(search.id, matched.size);
      if (settled) this.#kept.set(search.id, { query: search.query, filters, candidates, matched, changeSeq });
      else this.#kept.delete(search.id);
    }
    return counts;
  }

  async withCount(search: SavedSearchRecord): Promise<SavedSearch> {
    return { ...search, newCount: await this.count(search) };
  }

  async list(): Promise<SavedSearch[]> {
    const searches = this.#options.library().savedSearches.list();
    const counts = await this.#counts(searches);
    const counted = searches.map((search) => ({ ...search, newCount: counts.get(search.id) ?? 0 }));
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
      // Nothing to count: no need to wait for the index (a bulk tag of 10,000 re-indexes them all).
      if (this.#closed || this.#options.library().savedSearches.list().length === 0) return;
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
