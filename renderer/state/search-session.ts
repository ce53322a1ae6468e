import type { SearchFilters, SearchIndexState, SearchResult } from '../../contract/index.ts';
import { firstSearchPage, hasMoreHits, nextSearchPage } from '../client/search-pages.ts';
import { SEND_AFTER_KEY_MS, typingDelay } from '../search-typing.ts';
import { afterTimeout, type After } from './after.ts';
import type { CommandClient } from './client-port.ts';
import { LatestAnswer } from './latest-answer.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/**
 * The text in the search box while the reader types: sent to the host a moment after the key, painted
 * only once the typing pause has passed and its own answer is in.
 */
interface Typing {
  readonly text: string;
  /** Hits to ask for: as many as were shown when the same text is answered again. */
  readonly depth: number;
  /** Whether the answer on its way is still wanted; renewed when the text is sent again. */
  current: () => boolean;
  sent: boolean;
  paused: boolean;
  /** The host's answer to `text`; undefined while on its way, null when it failed. */
  answer: SearchResult | null | undefined;
  readonly timers: (() => void)[];
  /** Resolves `type()`'s promise: whether the pause passed with this text still in the box. */
  readonly settle: (paused: boolean) => void;
}

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
  #typing: Typing | null = null;
  readonly #after: After;

  constructor(client: CommandClient, notices: Notices, after: After = afterTimeout) {
    super();
    this.#client = client;
    this.#notices = notices;
    this.#after = after;
  }

  /** Whether a search is running: the list pane shows its results instead of the library. */
  get active(): boolean {
    return this.query.trim() !== '';
  }

  get filtered(): boolean {
    return Object.keys(this.filters).length > 0;
  }

  #filtersSent(): SearchFilters | undefined {
    return this.filtered ? this.filters : undefined;
  }

  /** The same query answered again (an edit, new filters, the index ready) keeps the hits scrolled to. */
  #depthFor(query: string): number {
    return query === this.query ? (this.result?.hits.length ?? 0) : 0;
  }

  /**
   * A key in the search box: `text` is what the box holds now. It is sent to the host a moment later
   * (SEND_AFTER_KEY_MS) and its answer painted once the typing pause (search-typing.ts) has passed, so
   * the search runs while the pause does. Answers to text no longer in the box are never painted. A
   * lone unaccented letter is not searched (the results shown stay); an emptied box ends the search at
   * once. Resolves to whether the pause passed with `text` still in the box (then `query` is `text`).
   */
  type(text: string): Promise<boolean> {
    this.#stopTyping();
    if (text.trim() === '') return this.search(text).then(() => false);
    const pause = typingDelay(text);
    // Whatever was on its way answers text that is no longer in the box.
    const current = this.#answers.begin();
    if (pause === null) {
      if (this.searching) {
        this.searching = false;
        this.changed();
      }
      return Promise.resolve(false);
    }
    return new Promise((settle) => {
      const typing: Typing = { text, depth: this.#depthFor(text), current, sent: false, paused: false, answer: undefined, timers: [], settle };
      this.#typing = typing;
      typing.timers.push(
        this.#after(SEND_AFTER_KEY_MS, () => void this.#send(typing)),
        this.#after(pause, () => this.#paused(typing)),
      );
    });
  }

  async #send(typing: Typing): Promise<void> {
    if (this.#typing !== typing) return;
    typing.sent = true;
    const current = typing.current;
    let answer: SearchResult | null;
    try {
      answer = await firstSearchPage(this.#client, typing.text, this.#filtersSent(), typing.depth);
    } catch (error) {
      if (!current()) return;
      this.#notices.fail({ kind: 'command', error });
      answer = null;
    }
    if (!current() || this.#typing !== typing) return;
    typing.answer = answer;
    if (typing.paused) this.#paint(typing);
  }

  #paused(typing: Typing): void {
    if (this.#typing !== typing) return;
    typing.paused = true;
    this.query = typing.text;
    typing.settle(true);
    if (typing.answer !== undefined) return this.#paint(typing);
    this.searching = true;
    this.changed();
  }

  #paint(typing: Typing): void {
    this.#typing = null;
    this.searching = false;
    if (typing.answer && !typing.answer.cancelled) {
      this.result = typing.answer;
      this.#shownCurrent = typing.current;
    }
    this.changed();
  }

  /** Typing is over (newer text, Enter, a query from elsewhere): its timers stop and its answer is not painted. */
  #stopTyping(): void {
    const typing = this.#typing;
    if (!typing) return;
    this.#typing = null;
    for (const cancel of typing.timers) cancel();
    if (!typing.paused) typing.settle(false);
  }

  /** The query searched at once (Enter, a suggestion, a saved search, a refresh): painted as soon as it is answered. */
  async search(query: string): Promise<void> {
    this.#stopTyping();
    const depth = this.#depthFor(query);
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
    const filters = this.#filtersSent();
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
    const filters = this.#filtersSent();
    const more = await this.#notices.attempt(() => nextSearchPage(this.#client, shown, filters));
    this.#paging = false;
    if (more && current() && this.result === shown) {
      this.result = more;
      this.changed();
    }
  }

  /**
   * The text being typed, asked again (the library changed, new filters, the index ready) before its
   * answer is painted: sent again with its pause kept; not sent yet, it goes with what is current then.
   */
  async #sendAgain(typing: Typing): Promise<void> {
    if (!typing.sent) return;
    typing.current = this.#answers.begin();
    typing.answer = undefined;
    await this.#send(typing);
  }

  /** The same query again, after the library changed. */
  async refresh(): Promise<void> {
    if (this.#typing) await this.#sendAgain(this.#typing);
    else if (this.query) await this.search(this.query);
  }

  async setFilters(filters: SearchFilters): Promise<void> {
    this.filters = filters;
    if (this.#typing) await this.#sendAgain(this.#typing);
    else await this.search(this.query);
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
    if (state !== 'ready') return;
    if (this.#typing) void this.#sendAgain(this.#typing);
    else if (this.active) void this.search(this.query);
  }
}
