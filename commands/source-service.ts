// Subscriptions in the running app: the commands' side of sources/. It holds the one HostLimiter
// (so manual and background refreshes share the per-host and global limits), refreshes each source
// at most once at a time, and runs the background scheduler for hosts that stay up (serve, desktop).
import { ImportInputError } from '../importers/import-types.ts';
import { describeImportFailure } from '../importers/import-failure.ts';
import type { ImportFailure } from '../contract/import-report.ts';
import type { OpmlImportResult, SourceAddResult, SourceInfo, SourceRefreshResult, SourceRemoved } from '../contract/sources.ts';
import { DEFAULT_SOURCE_INTERVAL_MINUTES } from '../contract/sources.ts';
import type { PhotoDownloads } from '../importers/figure-images.ts';
import { SourceStore, toSourceInfo, type Library, type SourcePatch, type SourceRecord } from '../library/index.ts';
// Light modules only: the limiter and the scheduler's clock load with the app, the rest on first use.
import { HostLimiter } from '../sources/host-limiter.ts';
import { RefreshScheduler } from '../sources/refresh-scheduler.ts';
import type { FeedFetchOptions, Prefetched, RefreshDependencies } from '../sources/index.ts';
import { appVersion } from './app-version.ts';
import { CommandError } from './command-error.ts';

export interface SourceServiceOptions {
  /** Per response; default 20 s. */
  fetchTimeoutMs?: number;
  /** Per feed; default 10 MB. */
  maxFeedBytes?: number;
  /** Only for tests' loopback servers reached by redirect or another name. */
  allowPrivateAddresses?: boolean;
  /** How often the scheduler looks for due sources; default 30 s. */
  tickMs?: number;
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

function unusable(url: string, failure: ImportFailure): CommandError {
  return new CommandError('failed', `Could not subscribe to ${url}: ${describeImportFailure(failure)}`, { kind: 'source.unusable', url, failure });
}

export class SourceService {
  readonly #library: () => Library;
  readonly #options: SourceServiceOptions;
  readonly #limiter = new HostLimiter();
  readonly #inFlight = new Map<string, Promise<SourceRefreshResult>>();
  #stores = new WeakMap<Library, SourceStore>();
  #scheduler: RefreshScheduler | null = null;
  /** Aborts every refresh when the app closes: they stop at their next item, what was committed stays. */
  readonly #closing = new AbortController();

  constructor(library: () => Library, options: SourceServiceOptions = {}) {
    this.#library = library;
    this.#options = options;
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

  #fetchOptions(signal?: AbortSignal): FeedFetchOptions {
    return { userAgent: USER_AGENT, timeoutMs: this.#options.fetchTimeoutMs, maxBytes: this.#options.maxFeedBytes, allowPrivateAddresses: this.#options.allowPrivateAddresses, signal };
  }

  #deps(): RefreshDependencies {
    const store = this.store;
    const library = this.#library();
    return {
      limiter: this.#limiter,
      fetch: this.#fetchOptions(),
      writer: {
        recordOutcome: (id, outcome) => store.recordOutcome(id, outcome),
        articleForItem: (sourceId, key) => store.articleForItem(sourceId, key),
        rememberItem: (sourceId, key, articleId) => store.rememberItem(sourceId, key, articleId),
        addArticle: (draft) => library.addArticle(draft),
        updateArticle: (id, draft) => library.updateArticle(id, draft),
      },
    };
  }

  /** A refresh's photo downloads, unless photos are turned off in the settings. */
  async #photos(): Promise<PhotoDownloads | null> {
    const library = this.#library();
    const settings = library.getSetting('ui.settings') as { downloadPhotos?: unknown } | undefined;
    if (settings?.downloadPhotos === false) return null;
    const { PhotoDownloads } = await import('../importers/figure-images.ts');
    return new PhotoDownloads({ sink: library.images, userAgent: USER_AGENT, timeoutMs: this.#options.fetchTimeoutMs, allowPrivateAddresses: this.#options.allowPrivateAddresses });
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
    const deps = this.#deps();
    const run = Promise.all([loadSources(), this.#photos()])
      .then(([{ refreshSource }, photos]) => refreshSource(source, photos ? { ...deps, photos } : deps, stop, prefetched))
      .finally(() => this.#inFlight.delete(source.id));
    this.#inFlight.set(source.id, run);
    return run;
  }

  async add(args: { url: string; folder?: string; intervalMinutes?: number; title?: string }): Promise<SourceAddResult> {
    const { discoverFeeds, parseFeedItems } = await loadSources();
    this.#refuseExisting(args.url);
    let fetched = await this.#fetchForAdd(args.url);
    let url = args.url;
    if (fetched.kind === 'page') {
      const feeds = discoverFeeds(fetched.html, fetched.url);
      if (feeds.length === 0) throw unusable(args.url, { kind: 'no-feed-found' });
      if (feeds.length > 1) return { status: 'choose', feeds };
      url = feeds[0]!.url;
      this.#refuseExisting(url);
      fetched = await this.#fetchForAdd(url);
      if (fetched.kind === 'page') throw unusable(url, { kind: 'page-not-a-feed' });
    }
    if (fetched.kind !== 'feed') throw unusable(url, { kind: 'page-not-a-feed' });
    let items;
    try {
      items = await parseFeedItems(fetched.input, this.#closing.signal);
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
      nextRefreshAt: new Date(Date.now() + intervalMinutes * 60_000).toISOString(),
    });
    const refresh = await this.#refreshOne(source, undefined, { fetched, items });
    return { status: 'added', source: toSourceInfo(this.#get(source.id)), refresh };
  }

  #refuseExisting(url: string): void {
    const existing = this.store.findByUrl(url);
    if (existing) throw new CommandError('invalid-arguments', `Already subscribed to ${url} (source ${existing.id}, "${existing.title}").`, { kind: 'source.exists', id: existing.id, title: existing.title });
  }

  async #fetchForAdd(url: string) {
    const { fetchFeed } = await loadSources();
    try {
      return await this.#limiter.run(url, () => fetchFeed(url, { etag: null, lastModified: null }, this.#fetchOptions(this.#closing.signal)));
    } catch (error) {
      throw unusable(url, error instanceof ImportInputError ? error.reason : { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  list(): SourceInfo[] {
    return this.store.list().map(toSourceInfo);
  }

  async refresh(target: RefreshTarget): Promise<SourceRefreshResult[]> {
    let sources: SourceRecord[];
    if ('id' in target) sources = [this.#get(target.id)];
    else if ('folder' in target) {
      sources = this.store.inFolder(target.folder).filter((source) => !source.paused);
      if (sources.length === 0) throw new CommandError('not-found', `No sources in folder "${target.folder}"`, { kind: 'source.empty-folder', folder: target.folder });
    } else sources = this.store.list().filter((source) => !source.paused);
    return Promise.all(sources.map((source) => this.#refreshOne(source)));
  }

  update(id: string, patch: { title?: string; folder?: string | null; intervalMinutes?: number; paused?: boolean }): SourceInfo {
    const source = this.#get(id);
    const change: SourcePatch = { ...patch };
    const now = Date.now();
    // Resuming makes it due at once; a shorter interval brings the next refresh forward.
    if (patch.paused === false && source.paused) change.nextRefreshAt = new Date(now).toISOString();
    else if (patch.intervalMinutes !== undefined && source.failures === 0) {
      const sooner = new Date(now + patch.intervalMinutes * 60_000).toISOString();
      if (sooner < source.nextRefreshAt) change.nextRefreshAt = sooner;
    }
    return toSourceInfo(this.store.update(id, change)!);
  }

  remove(id: string, articles: 'keep' | 'trash'): SourceRemoved {
    const source = this.#get(id);
    const own = this.store.articlesOnlyFrom(id);
    // Trashed first: should anything stop in between, the source is still there to remove again.
    const trashed = articles === 'trash' && own.length ? this.#library().trash(own) : 0;
    this.store.remove(id);
    return { id, title: source.title, trashed, kept: own.length - trashed };
  }

  async importOpml(text: string): Promise<OpmlImportResult> {
    const { readOpml } = await loadSources();
    const { feeds, problems } = readOpml(text);
    if (feeds.length === 0 && problems.length > 0) {
      const first = problems[0]!;
      throw new CommandError('invalid-arguments', `No feeds could be read from this OPML file; line ${first.line}: ${first.message}`, { kind: 'opml.unreadable', line: first.line, detail: first.message });
    }
    const result: OpmlImportResult = { added: [], existing: [], problems };
    const now = new Date().toISOString();
    for (const feed of feeds) {
      const existing = this.store.findByUrl(feed.url);
      if (existing) result.existing.push({ url: feed.url, id: existing.id });
      // Due at once: the scheduler (or `sources refresh --all`) fetches them.
      else result.added.push(toSourceInfo(this.store.add({ url: feed.url, title: feed.title, folder: feed.folder, nextRefreshAt: now })));
    }
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
  }

  /** Stops background refreshes at their next item; what was committed stays. */
  async close(): Promise<void> {
    this.#closing.abort(new Error('the app is closing'));
    await this.#scheduler?.stop();
    this.#scheduler = null;
    await Promise.allSettled([...this.#inFlight.values()]);
  }
}
