import type { ExportPayload, LibraryChange, ListSort, SearchHit, Settings } from '../../contract/index.ts';
import type { LibrarySelection, OpenAnnotation, PickRequest } from '../events.ts';
import { annotationMatchingQuery } from '../note-match.ts';
import { afterTimeout, type After } from './after.ts';
import { AnnotationSession } from './annotation-session.ts';
import { ArchiveModel } from './archive-model.ts';
import { BulkSelection, type SelectionScope } from './bulk-selection.ts';
import type { CommandClient } from './client-port.ts';
import { LibraryView } from './library-view.ts';
import { Notices } from './notices.ts';
import { Observable } from './observable.ts';
import { ReadingSession, type MatchRange } from './reading-session.ts';
import { SearchSession } from './search-session.ts';
import { SettingsModel } from './settings-model.ts';
import { SourcesModel } from './sources-model.ts';
import { SavedSearches, showsSavedSearch } from './saved-searches.ts';

/** A row j and k walk through: a library row, or a search hit with its matches. */
export interface ListEntry {
  id: string;
  matches?: MatchRange[];
}

/** Whether there is an article before / after the open one in the list (the step buttons). */
export interface Neighbours {
  previous: boolean;
  next: boolean;
}

/**
 * Reads the views again after a change no sooner than this many times the last such read took, from
 * its start: while a source refresh commits a batch after batch, the window's reads (list, counts,
 * sources, folders, all growing with the library) take at most about a fifth of the core's time and
 * leave it free for the reader's clicks. A read of 30 ms waits 150 ms; a slow one waits at most
 * `CHANGE_READ_SPACING_MAX_MS`. A change after a quiet spell is read at once.
 */
export const CHANGE_READ_SPACING_FACTOR = 5;
export const CHANGE_READ_SPACING_MAX_MS = 1000;

export interface AppStateClock {
  after: After;
  now: () => number;
}

const realClock: AppStateClock = { after: afterTimeout, now: () => performance.now() };

/**
 * The renderer's state as a whole, and what crosses its parts: opening an article from the list, a
 * search hit or an annotation; stepping through the list; reloading everything the library feeds
 * when it changes. In a narrow window only one pane shows (`pane`).
 */
export class AppState extends Observable {
  readonly notices = new Notices();
  readonly settings: SettingsModel;
  readonly library: LibraryView;
  readonly search: SearchSession;
  readonly reading: ReadingSession;
  readonly annotations: AnnotationSession;
  readonly sources: SourcesModel;
  readonly bulk: BulkSelection;
  readonly watch: SavedSearches;
  readonly archive: ArchiveModel;
  pane: 'list' | 'reader' = 'list';
  readonly #client: CommandClient;
  /** The articles changes named while a refresh for earlier ones was under way: read once more after it. */
  #changedMeanwhile: Set<string> | null = null;
  #refreshing = false;
  /** When the last finished read for changes started, and how long it took: the next one waits on it. */
  #lastChangeRead = { start: -Infinity, took: 0 };
  readonly #clock: AppStateClock;

  constructor(client: CommandClient, clock: AppStateClock = realClock) {
    super();
    this.#client = client;
    this.#clock = clock;
    this.settings = new SettingsModel(client, this.notices);
    this.library = new LibraryView(client, this.notices);
    this.search = new SearchSession(client, this.notices, clock.after);
    this.reading = new ReadingSession(client, this.notices);
    this.annotations = new AnnotationSession(client, this.notices, this.reading);
    this.sources = new SourcesModel(client, this.notices);
    this.bulk = new BulkSelection(client, this.notices);
    this.watch = new SavedSearches(client, this.notices);
    this.archive = new ArchiveModel(client, this.notices, { annotationsChanged: (ids) => this.annotationsChanged(ids) });
    // A selection belongs to what the list shows: another view or another query drops it.
    const rescope = (): void => this.bulk.scopeChanged(this.selectionScope());
    this.library.subscribe(rescope);
    this.search.subscribe(rescope);
    // A saved search stays the one shown until its query or filters are changed.
    this.search.subscribe(() => {
      const open = this.watch.items.find((item) => item.id === this.watch.openId);
      if (open && !showsSavedSearch(open, this.search.query, this.search.filtered ? this.search.filters : {})) this.watch.leave();
    });
  }

  /** Picks a row for a bulk action (Ctrl/⌘-click or x: toggle; Shift-click: a range) among the rows shown. */
  pick({ id, range }: PickRequest): void {
    const shown = this.entries().map((entry) => entry.id);
    if (range) this.bulk.extend(id, shown);
    else this.bulk.toggle(id, shown);
  }

  /** What "select all" selects: the search with its chips while searching, else the list view. */
  selectionScope(): SelectionScope {
    if (this.search.active) return { search: { query: this.search.query, ...(this.search.filtered ? { filters: this.search.filters } : {}) } };
    const { view, tag, source, collection } = this.library.selection;
    return { list: { view, ...(tag ? { tag } : {}), ...(source ? { source } : {}), ...(collection ? { collection } : {}) } };
  }

  /** Info, settings and labels together; the stored language applied (`applyLocale`); then the library. */
  async start(applyLocale: (locale: Settings['locale']) => Promise<unknown>): Promise<void> {
    await this.notices.attempt(async () => {
      const [, settings] = await Promise.all([this.library.loadInfo(), this.settings.load(), this.annotations.loadLabels()]);
      await applyLocale(settings.locale);
    });
    void this.search.loadIndexState();
    void this.watch.load();
    await this.refresh();
  }

  /**
   * The library changed (an import, a refresh's batch, another window). A source refreshing writes a
   * batch as often as every few tens of milliseconds: changes that arrive during a read, or soon after
   * it (`CHANGE_READ_SPACING_FACTOR`), are gathered into one more read, not one each. The open article
   * is read again only when a change names it.
   */
  libraryChanged(change: LibraryChange): void {
    this.annotations.forgetArticles(change.changed);
    const named = (this.#changedMeanwhile ??= new Set());
    for (const id of change.changed) named.add(id);
    for (const id of change.removed) named.add(id);
    if (!this.#refreshing) void this.#refreshForChanges();
  }

  async #refreshForChanges(): Promise<void> {
    this.#refreshing = true;
    try {
      while (this.#changedMeanwhile) {
        const { start, took } = this.#lastChangeRead;
        const wait = start + Math.min(took * CHANGE_READ_SPACING_FACTOR, CHANGE_READ_SPACING_MAX_MS) - this.#clock.now();
        if (wait > 0) await new Promise<void>((resolve) => this.#clock.after(wait, resolve));
        const named = this.#changedMeanwhile;
        this.#changedMeanwhile = null;
        const open = this.reading.article?.id;
        const begun = this.#clock.now();
        await this.refresh({ openArticle: open !== undefined && named.has(open) });
        this.#lastChangeRead = { start: begun, took: this.#clock.now() - begun };
      }
    } finally {
      this.#refreshing = false;
    }
  }

  /** Everything the library feeds, read again: counts and list, the open article, the search, the annotations view. */
  async refresh(options: { openArticle: boolean } = { openArticle: true }): Promise<void> {
    await this.notices.attempt(async () => {
      void this.sources.reload();
      await this.library.reload();
      if (options.openArticle) await this.reading.reload();
      void this.search.refresh();
      if (this.annotations.viewOpen) void this.annotations.loadAll();
    });
  }

  showPane(pane: 'list' | 'reader'): void {
    this.pane = pane;
    this.changed();
  }

  async open(id: string, matches: MatchRange[] = []): Promise<void> {
    const opened = await this.reading.open(id, matches);
    if (!opened) return;
    if (opened.switched) this.annotations.forgetFocus();
    this.showPane('reader');
  }

  /**
   * A hit with nothing marked in its title or body was found through a note: it opens at that note.
   * Resolves to the annotation to reveal, if any.
   */
  async openHit(hit: SearchHit): Promise<string | null> {
    await this.open(hit.id, hit.matches);
    if (hit.matches.length > 0 || this.reading.article?.id !== hit.id) return null;
    const annotations = this.reading.annotations;
    const annotation = annotationMatchingQuery(annotations, this.search.query) ?? annotations.find((a) => a.note.trim() !== '');
    if (!annotation) return null;
    return (await this.openAnnotation({ articleId: hit.id, id: annotation.id })) ? annotation.id : null;
  }

  /** Opens an annotation's article with the panel showing; resolves to whether it is open (to reveal it). */
  async openAnnotation({ articleId, id }: OpenAnnotation): Promise<boolean> {
    if (this.reading.article?.id !== articleId) await this.open(articleId);
    if (this.reading.article?.id !== articleId) return false;
    this.annotations.activate(id, true);
    this.showPane('reader');
    return true;
  }

  async searchFor(query: string): Promise<void> {
    if (!query.trim()) this.reading.clearMarks();
    void this.archive.searchFor(query);
    await this.search.search(query);
  }

  /**
   * A key in the search box: the local search starts at once and paints once typing pauses
   * (SearchSession.type); the archive, slower and shared, is asked only then.
   */
  async typeQuery(text: string): Promise<void> {
    if (!text.trim()) return this.searchFor(text);
    if (await this.search.type(text)) await this.archive.searchFor(text);
  }

  /** Annotations changed behind the renderer's back (pulled from the archive, shared): the ones shown are read again. */
  async annotationsChanged(articleIds: readonly string[]): Promise<void> {
    const open = this.reading.article?.id;
    await Promise.all([open && articleIds.includes(open) ? this.reading.reloadAnnotations() : undefined, this.annotations.viewOpen ? this.annotations.loadAll() : undefined]);
  }

  async choose(change: { selection: LibrarySelection } | { sort: ListSort }): Promise<void> {
    if ('selection' in change) this.annotations.closeView();
    this.library.choose(change);
    await this.refresh();
  }

  /** The articles j and k walk through: the search results while searching, else the library list. */
  entries(): readonly ListEntry[] {
    if (this.search.active) return this.search.result?.hits ?? [];
    return this.annotations.viewOpen ? [] : this.library.items;
  }

  neighbours(): Neighbours {
    const entries = this.entries();
    const id = this.reading.article?.id;
    const at = id ? entries.findIndex((entry) => entry.id === id) : -1;
    return { previous: at > 0, next: at === -1 ? entries.length > 0 : at < entries.length - 1 };
  }

  /** Opens the next (1) or previous (-1) article of the list; resolves to its id, or null at either end. */
  async step(delta: 1 | -1): Promise<string | null> {
    const entries = this.entries();
    const id = this.reading.article?.id;
    const at = id ? entries.findIndex((entry) => entry.id === id) : -1;
    const entry = entries[at === -1 ? (delta > 0 ? 0 : entries.length - 1) : at + delta];
    if (!entry) return null;
    await this.open(entry.id, entry.matches);
    if (!this.search.active && entries.indexOf(entry) >= this.library.items.length - 5) void this.library.loadMore();
    return entry.id;
  }

  /** Opens a row the keyboard is on (o / Enter); a search hit keeps its matches. */
  async openRow(id: string): Promise<void> {
    const hit = this.search.result?.hits.find((h) => h.id === id);
    await this.open(id, this.search.active ? hit?.matches : undefined);
  }

  /** The whole library as NDJSON; undefined on failure. */
  async exportLibrary(): Promise<ExportPayload | undefined> {
    const file = await this.notices.attempt(() => this.#client.call('library.export', {}));
    if (file) this.notices.say({ kind: 'library-exported', count: file.count, filename: file.filename });
    return file;
  }
}
