import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { After } from '../../../renderer/state/after.ts';
import { AppState, CHANGE_READ_SPACING_MAX_MS, type AppStateClock } from '../../../renderer/state/app-state.ts';
import { draft } from '../library/library-fixtures.ts';
import { HostClient, settle } from './host-client.ts';

describe('AppState', () => {
  let client: HostClient;
  let state: AppState;
  const ids: string[] = [];

  beforeAll(async () => {
    client = await HostClient.open();
    for (let i = 0; i < 3; i++) {
      const body = `Phiên điều trần thứ ${i} của quốc hội về ngân sách.`;
      ids.push(client.context.library.addArticle(draft({ title: `Phiên ${i}`, body, origin: `p${i}.txt`, publishedAt: `2024-03-0${i + 1}T08:00:00.000Z` })).id);
    }
    // Newest first, as the list shows them.
    ids.reverse();
    const annotated = ids[2]!;
    client.context.library.annotations.create({ articleId: annotated, start: 0, end: 5, color: 'green', note: 'hỏi lại bộ tài chính' });
    for (let i = 0; i < 200 && (await client.call('search.status', {})).state !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  afterAll(async () => {
    await client.close();
  });

  beforeEach(async () => {
    state = new AppState(client);
    await state.start(async () => undefined);
  });

  it('starts with the host’s information, settings, labels and the library list', () => {
    expect(state.library.info).not.toBeNull();
    expect(state.settings.loaded).toBe(true);
    expect(state.annotations.labels).not.toBeNull();
    expect(state.library.items.map((item) => item.id)).toEqual(ids);
  });

  it('j and k walk the list: the first article, the next, then back', async () => {
    expect(state.neighbours()).toEqual({ previous: false, next: true });
    expect(await state.step(1)).toBe(ids[0]);
    expect(state.pane).toBe('reader');
    expect(await state.step(1)).toBe(ids[1]);
    expect(state.neighbours()).toEqual({ previous: true, next: true });
    expect(await state.step(-1)).toBe(ids[0]);
    await state.open(ids[2]!);
    expect(state.neighbours()).toEqual({ previous: true, next: false });
    expect(await state.step(1)).toBeNull();
  });

  it('opening another article forgets the note editor and the active annotation; the same one keeps them', async () => {
    await state.open(ids[2]!);
    const annotation = state.reading.annotations[0]!;
    state.annotations.activate(annotation.id);
    state.annotations.edit(annotation.id);
    await state.open(ids[2]!);
    expect(state.annotations.editingId).toBe(annotation.id);
    await state.open(ids[0]!);
    expect(state.annotations.editingId).toBeNull();
    expect(state.annotations.activeId).toBeNull();
  });

  it('a reload of the article that answers after another was opened is dropped', async () => {
    await state.open(ids[0]!);
    const release = client.hold('library.open');
    const reload = state.reading.reload();
    await settle();
    client.releaseAll('library.open');
    await state.open(ids[1]!);
    release();
    await reload;
    expect(state.reading.article?.id).toBe(ids[1]);
  });

  it('a search hit found only through a note opens at that note, with the panel', async () => {
    await state.searchFor('bộ tài chính');
    const hit = state.search.result?.hits.find((h) => h.id === ids[2]);
    expect(hit?.matches).toEqual([]);
    const revealed = await state.openHit(hit!);
    expect(revealed).toBe(state.reading.annotations[0]?.id);
    expect(state.annotations.activeId).toBe(revealed);
    expect(state.annotations.panelOpen).toBe(true);
    // While searching, j and k walk the hits instead of the list.
    expect(state.entries().map((entry) => entry.id)).toEqual(state.search.result?.hits.map((h) => h.id));
    await state.searchFor('');
    expect(state.reading.marks).toEqual([]);
  });

  it('typing in the search box searches the text in the box, and emptying it brings the library back at once', async () => {
    await state.typeQuery('điều trần');
    expect(state.search.query).toBe('điều trần');
    await settle();
    await expect.poll(() => state.search.result?.hits.length ?? 0).toBe(3);
    expect(state.entries().map((entry) => entry.id).sort()).toEqual([...ids].sort());
    await state.typeQuery('');
    expect(state.search.active).toBe(false);
    expect(state.entries().map((entry) => entry.id)).toEqual(ids);
  });

  it('choosing another part of the library closes the annotations view and reloads the list', async () => {
    await state.annotations.openView();
    expect(state.entries()).toEqual([]);
    await state.choose({ selection: { view: 'unread' } });
    expect(state.annotations.viewOpen).toBe(false);
    expect(client.callsOf('library.list').at(-1)).toMatchObject({ view: 'unread', offset: 0 });
  });

  it('flags of the open article go to the host; without one open nothing is sent', async () => {
    expect(state.reading.toggle('starred')).toBe(false);
    await state.open(ids[1]!);
    expect(state.reading.toggle('starred')).toBe(true);
    await settle();
    expect(client.context.library.get(ids[1]!)?.starred).toBe(true);
    await state.reading.markRead(ids[1]!);
    expect(client.context.library.get(ids[1]!)?.read).toBe(true);
    await state.reading.savePosition(ids[1]!, 0.5);
    expect(client.context.library.get(ids[1]!)?.readingPosition).toBe(0.5);
  });

  it('exporting the library hands over the file and says how many articles it holds', async () => {
    const file = await state.exportLibrary();
    expect(file?.count).toBe(3);
    expect(state.notices.notice).toEqual({ kind: 'library-exported', count: 3, filename: file?.filename });
  });

  it('reads the views again once for a burst of library changes, spaced by the last read, and the open article only when a change names it', async () => {
    const clock = new FakeClock();
    const paced = new AppState(client, clock);
    await paced.start(async () => undefined);
    await paced.open(ids[0]!);
    const before = client.callsOf('library.counts').length;
    const opensBefore = client.callsOf('library.open').length;
    // A refresh's batches while the first read is still under way: gathered into one more read.
    const letOne = client.hold('library.counts');
    for (const n of [0, 1, 2, 3]) paced.libraryChanged({ changed: [`elsewhere-${n}`], removed: [], generation: n });
    await settle();
    expect(client.callsOf('library.counts').length - before).toBe(1);
    clock.advance(40);
    letOne();
    client.releaseAll('library.counts');
    await settle();
    // The first read took 40 ms: the next waits until five times that from its start.
    expect(client.callsOf('library.counts').length - before).toBe(1);
    clock.advance(200 - 40 - 1);
    await settle();
    expect(client.callsOf('library.counts').length - before).toBe(1);
    clock.advance(1);
    await settle();
    expect(client.callsOf('library.counts').length - before).toBe(2);
    // None of them named the open article: it is not read again.
    expect(client.callsOf('library.open').length).toBe(opensBefore);
    // After a quiet spell a change is read at once, and this one names the open article.
    clock.advance(CHANGE_READ_SPACING_MAX_MS);
    paced.libraryChanged({ changed: [ids[0]!], removed: [], generation: 5 });
    await settle();
    expect(client.callsOf('library.counts').length - before).toBe(3);
    expect(client.callsOf('library.open').length).toBe(opensBefore + 1);
  });

  it('never waits longer than the cap after a slow read', async () => {
    const clock = new FakeClock();
    const paced = new AppState(client, clock);
    await paced.start(async () => undefined);
    const before = client.callsOf('library.counts').length;
    const letOne = client.hold('library.counts');
    paced.libraryChanged({ changed: ['slow-0'], removed: [], generation: 1 });
    await settle();
    paced.libraryChanged({ changed: ['slow-1'], removed: [], generation: 2 });
    clock.advance(600);
    letOne();
    client.releaseAll('library.counts');
    await settle();
    expect(client.callsOf('library.counts').length - before).toBe(1);
    clock.advance(CHANGE_READ_SPACING_MAX_MS - 600);
    await settle();
    expect(client.callsOf('library.counts').length - before).toBe(2);
  });
});

/** A clock that moves only when told: `advance` runs the timers that fall due. */
class FakeClock implements AppStateClock {
  #time = 0;
  #timers: { at: number; work: () => void }[] = [];
  now = (): number => this.#time;
  after: After = (ms, work) => {
    const timer = { at: this.#time + ms, work };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((other) => other !== timer);
    };
  };
  advance(ms: number): void {
    this.#time += ms;
    const due = this.#timers.filter((timer) => timer.at <= this.#time);
    this.#timers = this.#timers.filter((timer) => timer.at > this.#time);
    for (const timer of due) timer.work();
  }
}
