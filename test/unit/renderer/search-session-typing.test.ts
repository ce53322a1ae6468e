import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandArgs, CommandName, CommandResult, SearchResult } from '../../../contract/index.ts';
import { SEND_AFTER_KEY_MS, TYPING_PAUSE_MS } from '../../../renderer/search-typing.ts';
import type { CommandClient } from '../../../renderer/state/client-port.ts';
import { Notices } from '../../../renderer/state/notices.ts';
import type { After } from '../../../renderer/state/after.ts';
import { SearchSession } from '../../../renderer/state/search-session.ts';

/** A clock that moves only when told, running what falls due in time order. */
class FakeClock {
  now = 0;
  #timers: { at: number; work: () => void }[] = [];

  readonly after: After = (ms, work) => {
    const timer = { at: this.now + ms, work };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  };

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.now = due.at;
      due.work();
      await flush();
    }
    this.now = end;
    await flush();
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** The host as the session meets it: every `search.query` waits until the test answers it. */
class FakeHost implements CommandClient {
  readonly sent: { query: string; at: number; answer: (hitIds: string[]) => void; fail: (error: Error) => void }[] = [];
  readonly #clock: FakeClock;

  constructor(clock: FakeClock) {
    this.#clock = clock;
  }

  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    if (name !== 'search.query') return Promise.reject(new Error(`not expected: ${name}`));
    const { query } = args as CommandArgs<'search.query'>;
    return new Promise((resolve, reject) => {
      const answer = (ids: string[]): void => resolve(resultOf(query, ids) as CommandResult<N>);
      this.sent.push({ query, at: this.#clock.now, answer, fail: reject });
    });
  }

  /** The latest query sent for `query`. */
  request(query: string): FakeHost['sent'][number] {
    const found = this.sent.filter((s) => s.query === query).at(-1);
    if (!found) throw new Error(`"${query}" was never sent; sent: ${this.sent.map((s) => s.query).join(', ')}`);
    return found;
  }
}

function resultOf(query: string, ids: string[]): SearchResult {
  return { query, total: ids.length, tookMs: 1, hits: ids.map((id) => ({ id, title: id, score: 1, snippet: { text: '', matches: [] }, matches: [] })) };
}

const shownIds = (search: SearchSession): string[] | undefined => search.result?.hits.map((hit) => hit.id);

describe('SearchSession while the reader types', () => {
  let clock: FakeClock;
  let host: FakeHost;
  let notices: Notices;
  let search: SearchSession;

  beforeEach(() => {
    clock = new FakeClock();
    host = new FakeHost(clock);
    notices = new Notices();
    search = new SearchSession(host, notices, clock.after);
  });

  afterEach(() => notices.dispose());

  it('sends the query long before the pause ends, and paints its answer only once the pause has passed', async () => {
    const paused = search.type('dam phan');
    await clock.advance(SEND_AFTER_KEY_MS);
    expect(host.sent.map((s) => [s.query, s.at])).toEqual([['dam phan', SEND_AFTER_KEY_MS]]);
    expect(SEND_AFTER_KEY_MS).toBeLessThan(TYPING_PAUSE_MS);
    host.request('dam phan').answer(['a1']);
    await flush();
    // Answered, but the reader may still be typing: nothing is painted yet.
    expect(search.result).toBeNull();
    expect(search.active).toBe(false);
    await clock.advance(TYPING_PAUSE_MS - SEND_AFTER_KEY_MS - 1);
    expect(search.result).toBeNull();
    await clock.advance(1);
    expect(search.query).toBe('dam phan');
    expect(shownIds(search)).toEqual(['a1']);
    expect(search.searching).toBe(false);
    await expect(paused).resolves.toBe(true);
  });

  it('paints a slow answer as soon as it arrives after the pause, saying "searching" until then', async () => {
    void search.type('bão');
    await clock.advance(TYPING_PAUSE_MS);
    expect(search.searching).toBe(true);
    expect(search.query).toBe('bão');
    expect(search.result).toBeNull();
    await clock.advance(200);
    host.request('bão').answer(['storm']);
    await flush();
    expect(shownIds(search)).toEqual(['storm']);
    expect(search.searching).toBe(false);
  });

  it('never paints the answer to text no longer in the box, even when it arrives last', async () => {
    const first = search.type('dam');
    await clock.advance(SEND_AFTER_KEY_MS);
    void search.type('dam p');
    await expect(first).resolves.toBe(false);
    await clock.advance(SEND_AFTER_KEY_MS);
    host.request('dam p').answer(['new']);
    await clock.advance(TYPING_PAUSE_MS);
    expect(shownIds(search)).toEqual(['new']);
    // The older text's answer comes in late: it is dropped.
    host.request('dam').answer(['old']);
    await flush();
    expect(shownIds(search)).toEqual(['new']);
    expect(search.query).toBe('dam p');
  });

  it('sends nothing for keys typed faster than the send delay, only the text that stays', async () => {
    void search.type('d');
    void search.type('da');
    void search.type('dam');
    await clock.advance(TYPING_PAUSE_MS);
    expect(host.sent.map((s) => s.query)).toEqual(['dam']);
  });

  it('does not search a lone unaccented letter, keeps the results shown, and drops an answer still on its way', async () => {
    void search.type('do');
    await clock.advance(SEND_AFTER_KEY_MS);
    host.request('do').answer(['shown']);
    await clock.advance(TYPING_PAUSE_MS);
    expect(shownIds(search)).toEqual(['shown']);
    void search.type('don');
    await clock.advance(SEND_AFTER_KEY_MS);
    // Back to one letter before "don" is answered: its answer is for text no longer in the box.
    await expect(search.type('d')).resolves.toBe(false);
    await clock.advance(1000);
    host.request('don').answer(['stale']);
    await flush();
    expect(host.sent.map((s) => s.query)).toEqual(['do', 'don']);
    expect(shownIds(search)).toEqual(['shown']);
    expect(search.searching).toBe(false);
  });

  it('empties at once: the library comes back without waiting, and no typed answer can bring the search back', async () => {
    void search.type('bao');
    await clock.advance(SEND_AFTER_KEY_MS);
    await search.type('');
    expect(search.active).toBe(false);
    host.request('bao').answer(['late']);
    await clock.advance(TYPING_PAUSE_MS);
    expect(search.result).toBeNull();
    expect(search.active).toBe(false);
  });

  it('Enter (search now) ends the typing: the typed answer is not painted over the one asked for', async () => {
    void search.type('bao so');
    await clock.advance(SEND_AFTER_KEY_MS);
    const now = search.search('bao so 3');
    host.request('bao so 3').answer(['enter']);
    await now;
    expect(shownIds(search)).toEqual(['enter']);
    host.request('bao so').answer(['typed']);
    await clock.advance(TYPING_PAUSE_MS);
    expect(shownIds(search)).toEqual(['enter']);
  });

  it('new filters while typing send the typed text again, and only that answer is painted', async () => {
    void search.type('lu lon');
    await clock.advance(SEND_AFTER_KEY_MS);
    void search.setFilters({ source: 'VnExpress' });
    await flush();
    expect(host.sent.map((s) => s.query)).toEqual(['lu lon', 'lu lon']);
    host.sent[1]!.answer(['filtered']);
    host.sent[0]!.answer(['unfiltered']);
    await clock.advance(TYPING_PAUSE_MS);
    expect(shownIds(search)).toEqual(['filtered']);
  });

  it('shows a failed typed query as a failure, and not one for text already replaced', async () => {
    void search.type('aa');
    await clock.advance(SEND_AFTER_KEY_MS);
    void search.type('aab');
    host.request('aa').fail(new Error('stale failure'));
    await flush();
    expect(notices.failure).toBeNull();
    await clock.advance(SEND_AFTER_KEY_MS);
    host.request('aab').fail(new Error('query refused'));
    await clock.advance(TYPING_PAUSE_MS);
    expect(notices.failure).toMatchObject({ kind: 'command' });
    expect(search.searching).toBe(false);
  });
});
