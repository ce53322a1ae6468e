// Subscriptions in the running app: the commands' side of sources/. It holds the one HostLimiter
// (so manual and background refreshes share the per-host and global limits), refreshes each source
// at most once at a time, and runs the background scheduler for hosts that stay up (serve, desktop).
import { ImportInputError } from '../importers/import-types.ts';
import type { FullTextMode, KeepDays, SourcePhotos, OpmlImportResult, RetentionResult, SourceAddResult, SourceFolderInfo, SourceInfo, SourceMarkedRead, SourceRefreshResult, SourceRemoved } from '../contract/sources.ts';
import { DEFAULT_SOURCE_INTERVAL_MINUTES } from '../contract/sources.ts';
import type { PhotoDownloads } from '../importers/figure-images.ts';
import { SourceStore, toSourceInfo, type Library, type SourcePatch, type SourceRecord } from '../library/index.ts';
// Light modules only: the limiter and the scheduler's clock load with the app, the rest on first use.
import { ChangeCoalescer } from '../sources/change-coalescer.ts';
import { CommitQueue } from '../sources/commit-queue.ts';
import { HostLimiter } from '../sources/host-limiter.ts';
import { RefreshScheduler } from '../sources/refresh-scheduler.ts';
import type { FeedFetchOptions, Prefetched, RefreshDependencies } from '../sources/index.ts';
import { appVersion } from './app-version.ts';
import { CommandError } from './command-error.ts';
import { readOpmlFeeds } from './source-opml.ts';
import { directlyTypedHost, refusedSourceHost, unusable } from './source-address-policy.ts';
import { RETENTION_EVERY_MS, SourceRetention } from './source-retention.ts';
import type { Caller } from './dispatcher.ts';

export interface SourceServiceOptions {
  /** Per response; default 20 s. */
  fetchTimeoutMs?: number;
  /** Per feed; default 10 MB. */
  maxFeedBytes?: number;
  /** Only for tests' loopback servers reached by redirect or another name. */
  allowPrivateAddresses?: boolean;
  /** How often the scheduler looks for due sources; default 30 s. */
  tickMs?: number;
  /**
   * TEST ONLY (`serve --allow-loopback-sources`, which the e2e fixture passes): lets a renderer
   * subscribe to, refresh and save pages from a loopback or private address it typed. Off by default.
   */
  allowRendererLoopback?: boolean;
  /** Per feed parse in the worker pool; default the pool's 20 s. */
  parseTimeoutMs?: number;
  /** Entries processed per refresh (the newest); default 500. */
  maxItemsPerRefresh?: number;
  /** How often the background retention pass runs over every source (besides after each refresh); default an hour. */
  retentionEveryMs?: number;
}

export const USER_AGENT = `NewsroomReader/${appVersion} (offline news reader; feed refresh)`;

type RefreshTarget = { id: string } | { folder: string } | { all: true };

type SourcesModule = typeof import('../sources/index.ts');
let sourcesModule: Promise<SourcesModule> | null = null;
/** Fetching and parsing code (undici, feedsmith, linkedom, saxes) loads on the first subscription command, not with the app. */
function loadSources(): Promise<SourcesModule> {
  sourcesModule ??= import('../sources/index.ts');
  return sourcesModule;
}

export class SourceService {
  readonly #library: () => Library;
  readonly #options: SourceServiceOptions;
  readonly #limiter = new HostLimiter();
  readonly #inFlight = new Map<string, Promise<SourceRefreshResult>>();
  #stores = new WeakMap<Library, SourceStore>();
  /** One batch queue per library: every source refreshing at once writes through it. */
  #commits = new WeakMap<Library, CommitQueue>();
  #scheduler: RefreshScheduler | null = null;
  /** The keep-alive connections every feed, page and photo fetch shares; made with the fetching code, on first use. */
  #connections: import('../sources/index.ts').ConnectionPool | null = null;
  readonly #retention = new SourceRetention(() => this.store, () => this.#library());
  /** Aborts every refresh when the app closes: they stop at their next item, what was committed stays. */
  readonly #closing = new AbortController();

  /** Refreshes starting and ending are told together, a moment later; the reader's own changes at once. */
  readonly #changes: ChangeCoalescer;
  readonly #onChange: (ids: string[]) => void;

  /** `onChange`: these sources were added, changed or removed, or started or ended a refresh (the `sources.changed` event). */
  constructor(library: () => Library, options: SourceServiceOptions = {}, onChange: (ids: string[]) => void = () => {}) {
    this.#library = library;
    this.#options = options;
    this.#changes = new ChangeCoalescer(onChange);
    this.#onChange = (ids) => this.#changes.now(ids);
  }

  /** The host a caller may not fetch from, or null (source-address-policy.ts). */
  refusedHost(url: string, caller: Caller): Promise<string | null> {
    return refusedSourceHost(url, caller, this.#options.allowRendererLoopback === true);
  }

  async #refuseLocal(url: string, caller: Caller): Promise<void> {
    const host = await this.refusedHost(url, caller);
    if (host !== null) throw unusable(url, { kind: 'address-not-allowed', host });
  }

  /** Read at call time: moving the library swaps the database. */
  get store(): SourceStore {
    const library = this.#library();
    let store = this.#stores.get(library);
    if (!store) {
      store = new SourceStore(library.db);
      this.#stores.set(library, store);
    }
    return store;
  }

  /** The fetching code, and the shared connections made with it. */
  async #sources(): Promise<SourcesModule> {
    const module = await loadSources();
    this.#connections ??= new module.ConnectionPool({ allowPrivateAddresses: this.#options.allowPrivateAddresses });
    return module;
  }

  #fetchOptions(signal?: AbortSignal): FeedFetchOptions {
    const { fetchTimeoutMs: timeoutMs, maxFeedBytes: maxBytes, allowPrivateAddresses } = this.#options;
    return { userAgent: USER_AGENT, timeoutMs, maxBytes, allowPrivateAddresses, signal, fetch: this.#connections?.fetch };
  }

  #deps(): RefreshDependencies {
    const store = this.store;
    const library = this.#library();
    let commits = this.#commits.get(library);
    if (!commits) {
      commits = new CommitQueue((work) => library.importBatch(work));
      this.#commits.set(library, commits);
    }
    return {
      commits,
      limiter: this.#limiter,
      fetch: this.#fetchOptions(),
      maxItems: this.#options.maxItemsPerRefresh,
      ...(this.#options.parseTimeoutMs === undefined ? {} : { parse: (input, signal) => loadSources().then(({ parseFeedItems }) => parseFeedItems(input, signal, this.#options.parseTimeoutMs)) }),
      writer: {
        recordOutcome: (id, outcome) => store.recordOutcome(id, outcome),
        knownItem: (sourceId, key) => store.knownItem(sourceId, key),
        rememberItem: (sourceId, key, articleId, hash, fullTextFailed) => store.rememberItem(sourceId, key, articleId, hash, fullTextFailed),
        addArticle: (draft) => library.addArticle(draft),
        updateArticle: (id, draft) => library.updateArticle(id, draft),
        importBatch: (work) => library.importBatch(work),
      },
    };
  }

  /** A refresh's photo downloads, unless the source's own switch, or else the library's setting, turns photos off. */
  async #photos(source: SourceRecord): Promise<PhotoDownloads | null> {
    const library = this.#library();
    const settings = library.getSetting('ui.settings') as { downloadPhotos?: unknown } | undefined;
    if (source.photos === false || (source.photos === null && settings?.downloadPhotos === false)) return null;
    const { PhotoDownloads } = await import('../importers/figure-images.ts');
    const { fetchTimeoutMs: timeoutMs, allowPrivateAddresses } = this.#options;
    return new PhotoDownloads({ sink: library.images, userAgent: USER_AGENT, timeoutMs, allowPrivateAddresses, fetch: this.#connections?.fetch });
  }

  #get(id: string): SourceRecord {
    const source = this.store.get(id);
    if (!source) throw new CommandError('not-found', `No source with id ${id}`, { kind: 'source.not-found', id });
    return source;
  }

  /** One refresh per source at a time: a second caller shares the first one's result. */
  #refreshOne(source: SourceRecord, signal?: AbortSignal, prefetched?: Prefetched): Promise<SourceRefreshResult> {
    const running = this.#inFlight.get(source.id);
    if (running) return running;
    const stop = signal ? AbortSignal.any([signal, this.#closing.signal]) : this.#closing.signal;
    const run = this.#sources()
      .then(async ({ refreshSource }) => {
        const [deps, photos] = [this.#deps(), await this.#photos(source)];
        return refreshSource(source, photos ? { ...deps, photos } : deps, stop, prefetched);
      })
      .then((result) => {
        // Retention runs once the source's new items are in; a failure to tidy never fails the refresh.
        // A source kept forever expires nothing (an article expires only when all its sources agree).
        if ((result.status === 'refreshed' || result.status === 'not-modified') && source.retentionDays !== null) {
          try {
            result.expired = this.applyRetention(source.id).trashed;
          } catch {
            result.expired = 0;
          }
        }
        return result;
      })
      .finally(() => this.#inFlight.delete(source.id));
    this.#inFlight.set(source.id, run);
    this.#changes.later([source.id]);
    void run.finally(() => this.#changes.later([source.id])).catch(() => {});
    return run;
  }

  async add(args: { url: string; folder?: string; intervalMinutes?: number; title?: string; fullText?: FullTextMode; keepDays?: KeepDays; photos?: SourcePhotos }, caller: Caller = {}): Promise<SourceAddResult> {
    await this.#refuseLocal(args.url, caller);
    const { discoverFeeds, parseFeedItems, MAX_ITEMS_PER_REFRESH } = await this.#sources();
    this.#refuseExisting(args.url);
    let fetched = await this.#fetchForAdd(args.url);
    let url = args.url;
    if (fetched.kind === 'page') {
      const feeds = discoverFeeds(fetched.html, fetched.url);
      if (feeds.length === 0) throw unusable(args.url, { kind: 'no-feed-found' });
      if (feeds.length > 1) return { status: 'choose', feeds };
      url = feeds[0]!.url;
      // A page's link is not what the person typed: a local address in it gets no typed-host allowance.
      const linked = await directlyTypedHost(url);
      if (linked !== null && linked !== (await directlyTypedHost(args.url))) throw unusable(url, { kind: 'address-not-allowed', host: linked });
      this.#refuseExisting(url);
      fetched = await this.#fetchForAdd(url);
      if (fetched.kind === 'page') throw unusable(url, { kind: 'page-not-a-feed' });
    }
    if (fetched.kind !== 'feed') throw unusable(url, { kind: 'page-not-a-feed' });
    let items;
    try {
      items = await parseFeedItems({ ...fetched.input, maxEntries: this.#options.maxItemsPerRefresh ?? MAX_ITEMS_PER_REFRESH }, this.#closing.signal, this.#options.parseTimeoutMs);
    } catch (error) {
      throw unusable(url, error instanceof ImportInputError ? error.reason : { kind: 'unexpected', detail: String(error) });
    }
    // The feed's own title, as the importer cleaned it for the articles' source.
    let feedTitle: string | null = null;
    for (const item of items) {
      if (item.kind === 'draft' && item.draft.source) {
        feedTitle = item.draft.source;
        break;
      }
    }
    const intervalMinutes = args.intervalMinutes ?? DEFAULT_SOURCE_INTERVAL_MINUTES;
    const source = this.store.add({
      url,
      title: args.title ?? feedTitle ?? new URL(url).hostname,
      folder: args.folder ?? null,
      intervalMinutes,
      fullText: args.fullText,
      keepDays: args.keepDays,
      photos: args.photos,
      nextRefreshAt: new Date(Date.now() + intervalMinutes * 60_000).toISOString(),
    });
    this.#onChange([source.id]);
    const refresh = await this.#refreshOne(source, undefined, { fetched, items });
    return { status: 'added', source: toSourceInfo(this.#get(source.id)), refresh };
  }

  #refuseExisting(url: string): void {
    const existing = this.store.findByUrl(url);
    if (existing) throw new CommandError('invalid-arguments', `Already subscribed to ${url} (source ${existing.id}, "${existing.title}").`, { kind: 'source.exists', id: existing.id, title: existing.title });
  }

  async #fetchForAdd(url: string) {
    const { fetchFeed } = await this.#sources();
    try {
      return await this.#limiter.run(url, () => fetchFeed(url, { etag: null, lastModified: null }, this.#fetchOptions(this.#closing.signal)));
    } catch (error) {
      throw unusable(url, error instanceof ImportInputError ? error.reason : { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  list(): SourceInfo[] {
    return this.store.list().map((record) => ({ ...toSourceInfo(record), refreshing: this.#inFlight.has(record.id) }));
  }

  async refresh(target: RefreshTarget, caller: Caller = {}): Promise<SourceRefreshResult[]> {
    let sources: SourceRecord[];
    if ('id' in target) {
      const source = this.#get(target.id);
      await this.#refuseLocal(source.url, caller);
      sources = [source];
    } else if ('folder' in target) {
      sources = this.store.inFolder(target.folder).filter((source) => !source.paused);
      if (sources.length === 0) throw new CommandError('not-found', `No sources in folder "${target.folder}"`, { kind: 'source.empty-folder', folder: target.folder });
    } else sources = this.store.list().filter((source) => !source.paused);
    // A local source (subscribed from the command line) is left to the scheduler when a renderer asks.
    return Promise.all(
      sources.map(async (source): Promise<SourceRefreshResult> =>
        (await this.refusedHost(source.url, caller)) === null
          ? this.#refreshOne(source)
          : { id: source.id, title: source.title, status: 'skipped', imported: 0, updated: 0, unchanged: 0, failedItems: 0, skippedItems: 0, fullTextFetched: 0, fullTextFailed: 0, expired: 0 },
      ),
    );
  }

  update(id: string, patch: { title?: string; folder?: string | null; intervalMinutes?: number; paused?: boolean; fullText?: FullTextMode; keepDays?: KeepDays; photos?: SourcePhotos }): SourceInfo {
    const source = this.#get(id);
    const change: SourcePatch = { ...patch };
    const now = Date.now();
    // Resuming makes it due at once; a shorter interval brings the next refresh forward.
    if (patch.paused === false && source.paused) change.nextRefreshAt = new Date(now).toISOString();
    else if (patch.intervalMinutes !== undefined && source.failures === 0) {
      const sooner = new Date(now + patch.intervalMinutes * 60_000).toISOString();
      if (sooner < source.nextRefreshAt) change.nextRefreshAt = sooner;
    }
    const updated = toSourceInfo(this.store.update(id, change)!);
    this.#onChange([id]);
    return { ...updated, refreshing: this.#inFlight.has(id) };
  }

  folders(): SourceFolderInfo[] {
    return this.store.folders();
  }

  /** A folder's retention (null: forever); its sources without their own setting follow it from the next pass. */
  updateFolder(folder: string, patch: { keepDays: number | null }): SourceFolderInfo {
    this.store.setFolderKeepDays(folder, patch.keepDays);
    const updated = this.store.folders().find((entry) => entry.folder === folder) ?? { folder, keepDays: null, sources: 0, unreadCount: 0 };
    // The sidebar shows the folder's retention: its sources' settings changed with it.
    this.#onChange(this.store.inFolder(folder).map((source) => source.id));
    return updated;
  }

  /** Moves what retention has expired to the trash (never deletes it): of one source, or of all. */
  applyRetention(sourceId: string | null = null): RetentionResult {
    if (sourceId !== null) this.#get(sourceId);
    return this.#retention.apply(sourceId);
  }

  remove(id: string, articles: 'keep' | 'trash'): SourceRemoved {
    const source = this.#get(id);
    const own = this.store.articlesOnlyFrom(id);
    // Trashed first: should anything stop in between, the source is still there to remove again.
    const trashed = articles === 'trash' && own.length ? this.#library().trash(own) : 0;
    this.store.remove(id);
    this.#onChange([id]);
    return { id, title: source.title, trashed, kept: own.length - trashed };
  }

  /** Puts these sources in `folder` in this order; returns every source as listed. */
  reorder(folder: string | null, ids: readonly string[]): SourceInfo[] {
    if (!this.store.reorder(folder, ids)) throw new CommandError('not-found', 'Some of these sources no longer exist', { kind: 'source.not-found', id: ids.find((id) => !this.store.get(id)) ?? ids[0]! });
    this.#onChange([...ids]);
    return this.list();
  }

  /** Marks the unread articles of a source, or of a folder's sources, read in one transaction; returns them for an undo. */
  markAllRead(target: { id: string } | { folder: string }): SourceMarkedRead {
    const sources = 'id' in target ? [this.#get(target.id)] : this.store.inFolder(target.folder);
    if (sources.length === 0 && 'folder' in target) throw new CommandError('not-found', `No sources in folder "${target.folder}"`, { kind: 'source.empty-folder', folder: target.folder });
    const ids = this.store.unreadArticles(sources.map((source) => source.id));
    this.#setRead(ids, true);
    return { ids };
  }

  /** The undo of markAllRead: these articles (those still in the library) become unread again. */
  markUnread(ids: readonly string[]): { count: number } {
    return { count: this.#setRead(ids, false) };
  }

  #setRead(ids: readonly string[], read: boolean): number {
    if (ids.length === 0) return 0;
    const library = this.#library();
    // One transaction and one library.changed for the lot (an import batch is exactly that).
    // Articles emptied from the trash since are gone: the others still change.
    const present = [...library.summaries(ids).keys()];
    if (present.length === 0) return 0;
    return library.importBatch((each) => {
      for (const id of present) each(() => library.update(id, { read }));
      return present.length;
    });
  }

  async importOpml(text: string, caller: Caller = {}): Promise<OpmlImportResult> {
    const { feeds, problems } = await readOpmlFeeds(text, (url) => this.refusedHost(url, caller));
    const result: OpmlImportResult = { added: [], existing: [], problems };
    const now = new Date().toISOString();
    for (const feed of feeds) {
      const existing = this.store.findByUrl(feed.url);
      if (existing) result.existing.push({ url: feed.url, id: existing.id });
      // Due at once: the scheduler (or `sources refresh --all`) fetches them.
      else result.added.push(toSourceInfo(this.store.add({ url: feed.url, title: feed.title, folder: feed.folder, nextRefreshAt: now })));
    }
    if (result.added.length) this.#onChange(result.added.map((source) => source.id));
    this.#scheduler?.tick();
    return result;
  }

  async exportOpml(): Promise<{ filename: string; opml: string; count: number }> {
    const { writeOpml } = await loadSources();
    const sources = this.store.list();
    return { filename: `newsroom-sources-${new Date().toISOString().slice(0, 10)}.opml`, opml: writeOpml(sources), count: sources.length };
  }

  /** Background refresh for hosts that stay up. */
  startScheduler(onError?: (error: unknown) => void): void {
    if (this.#scheduler || this.#closing.signal.aborted) return;
    this.#scheduler = new RefreshScheduler({
      tickMs: this.#options.tickMs,
      due: (now, limit) => this.store.due(now, limit),
      refresh: (source, signal) => this.#refreshOne(source, signal),
      onError,
    });
    this.#scheduler.start();
    this.#retention.start(this.#options.retentionEveryMs ?? RETENTION_EVERY_MS, onError);
  }

  /** Stops background refreshes at their next item; what was committed stays. */
  async close(): Promise<void> {
    this.#closing.abort(new Error('the app is closing'));
    this.#retention.stop();
    await this.#scheduler?.stop();
    this.#scheduler = null;
    await Promise.allSettled([...this.#inFlight.values()]);
    this.#changes.flush();
    await this.#connections?.close();
    this.#connections = null;
  }
}
