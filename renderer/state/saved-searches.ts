import type { SavedSearch, SearchFilters, WatchCounts } from '../../contract/index.ts';
import type { CommandClient } from './client-port.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/** Whether the search shown is this saved search: the same query and the same filters, in any key order. */
export function showsSavedSearch(saved: Pick<SavedSearch, 'query' | 'filters'>, query: string, filters: SearchFilters): boolean {
  const canonical = (value: SearchFilters): string => JSON.stringify(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return saved.query === query && canonical(saved.filters) === canonical(filters);
}

/** A saved search whose new count rose while it asked to be notified. */
export type RiseListener = (rise: WatchCounts['risen'][number]) => void;

/**
 * The saved searches in the sidebar, with their new counts (kept current by the host's
 * `watch.counts` event), and what the sidebar does with them.
 */
export class SavedSearches extends Observable {
  items: SavedSearch[] = [];
  /** The saved search whose results the list shows, until the query or its filters change. */
  openId: string | null = null;
  readonly #client: CommandClient;
  readonly #notices: Notices;

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
  }

  async load(): Promise<void> {
    const items = await this.#notices.attempt(() => this.#client.call('watch.list', {}));
    if (items) {
      this.items = items;
      this.changed();
    }
  }

  /** Saves a query and its filters; resolves to whether it was saved. */
  async add(name: string, query: string, filters: SearchFilters): Promise<boolean> {
    const added = await this.#notices.attempt(() => this.#client.call('watch.add', { name, query, filters }));
    if (!added) return false;
    this.items = [...this.items, added];
    this.openId = added.id;
    this.changed();
    return true;
  }

  async update(id: string, patch: { name?: string; notify?: boolean; query?: string; filters?: SearchFilters }): Promise<boolean> {
    const updated = await this.#notices.attempt(() => this.#client.call('watch.update', { id, patch }));
    if (!updated) return false;
    this.#replace(updated);
    return true;
  }

  /** Marks it opened (its count starts again from zero); resolves to it, for the caller to run its query. */
  async open(id: string): Promise<SavedSearch | undefined> {
    const opened = await this.#notices.attempt(() => this.#client.call('watch.open', { id }));
    if (opened) {
      this.openId = id;
      this.#replace(opened);
    }
    return opened;
  }

  /** One place up (-1) or down (1): the buttons' and the keyboard's (Alt+↑/↓) way to reorder. */
  async move(id: string, delta: 1 | -1): Promise<void> {
    const at = this.items.findIndex((item) => item.id === id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= this.items.length) return;
    const ids = this.items.map((item) => item.id);
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await this.#reorder(ids);
  }

  /** Puts a dragged saved search just before another one, or (`beforeId` null) at the end. */
  async placeBefore(id: string, beforeId: string | null): Promise<void> {
    if (id === beforeId || !this.items.some((item) => item.id === id)) return;
    const ids = this.items.map((item) => item.id).filter((other) => other !== id);
    const at = beforeId === null ? ids.length : ids.indexOf(beforeId);
    if (at < 0) return;
    ids.splice(at, 0, id);
    if (ids.every((other, index) => other === this.items[index]!.id)) return;
    await this.#reorder(ids);
  }

  async #reorder(ids: string[]): Promise<void> {
    const items = await this.#notices.attempt(() => this.#client.call('watch.reorder', { ids }));
    if (items) {
      this.items = items;
      this.changed();
    }
  }

  async remove(id: string): Promise<void> {
    const removed = await this.#notices.attempt(() => this.#client.call('watch.remove', { id }));
    if (!removed) return;
    this.items = this.items.filter((item) => item.id !== id);
    if (this.openId === id) this.openId = null;
    this.changed();
  }

  /** The search shown is no longer exactly the saved one. */
  leave(): void {
    if (this.openId === null) return;
    this.openId = null;
    this.changed();
  }

  /** The host recounted after the library changed; `onRise` hears of counts that rose and asked to notify. */
  countsChanged(counts: WatchCounts, onRise?: RiseListener): void {
    const byId = new Map(counts.counts.map((count) => [count.id, count.newCount]));
    this.items = this.items.map((item) => (byId.has(item.id) ? { ...item, newCount: byId.get(item.id)! } : item));
    this.changed();
    if (onRise) for (const rise of counts.risen) onRise(rise);
  }

  #replace(search: SavedSearch): void {
    this.items = this.items.map((item) => (item.id === search.id ? search : item));
    this.changed();
  }
}
