import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isDiskFull } from '../contract/errors.ts';
import type { SearchIndexBehind } from '../contract/events.ts';
import type { LibraryChange } from '../contract/library-change.ts';
import type { SearchDocument, SearchDocumentSource } from './search-document.ts';
import { INDEX_FORMAT, readIndexFile, verifyPayload } from './index-file.ts';
import { IndexWorker, type BuiltSegment } from './index-worker-client.ts';
import { settleRun, tierRun, type MergeRun } from './merge-policy.ts';
import { runSearch } from './run-search.ts';
import { SearchEngine } from './search-engine.ts';
import { readManifest, removeUnlisted, type SegmentManifest } from './segment-manifest.ts';
import type { SearchIndexState, SearchOptions, SearchResult } from './types.ts';

export const BUILDING_MESSAGE = 'The search index is being built; results will appear in a moment.';
const DEBOUNCE_MS = 30;
/** During a burst (an import), catch-ups start at most this often, so each indexes a batch, not an article. */
export const FLUSH_INTERVAL_MS = 500;
/** A quiet moment after a batch of changes, after which the batch's segments are merged. */
const SETTLE_MS = 1500;
/** How often to look for commits of other processes (the CLI importing while the app runs). */
const POLL_MS = 1000;
/** Unnamed files younger than this may be another process's segment about to be named. */
const ORPHAN_AGE_MS = 10 * 60_000;
const READ_SLICE = 500;

/** Points where tests pause or probe the manager; nothing in the app sets them. */
export interface IndexHooks {
  /** After a catch-up has read its changes and their documents, before it records them as indexed. */
  afterRead?: () => void | Promise<void>;
  /** After a new segment is written, before the manifest names it. */
  beforeManifest?: (reason: 'flush' | 'merge' | 'rebuild') => void | Promise<void>;
  /** Before the background check of the loaded segments' checksums starts. */
  beforeVerify?: () => void | Promise<void>;
}

/** What the index wrote, for tests and measurements. */
export interface IndexStats {
  segmentWrites: number;
  manifestWrites: number;
  /** Documents tokenised by catch-ups and rebuilds (merges tokenise nothing). */
  documentsIndexed: number;
  merges: number;
}

export interface SearchIndexManagerOptions {
  /** The library folder; the index lives in `search-index/` inside it. */
  dir: string;
  source: SearchDocumentSource;
  hooks?: IndexHooks;
}

interface Segment {
  /** Null when the segment lives only in memory (another process writes the index on disk). */
  file: string | null;
  documents: number;
  checksum: number;
  payload: Uint8Array;
  engine: SearchEngine;
}

/**
 * Keeps the derived search index in step with the library, LSM-style: immutable segments named by a
 * manifest that also records up to which library change sequence number they are complete. Changes
 * coalesce into one pending catch-up that indexes what changed since then as a new small segment;
 * segments merge by tiers during a batch and into main at its end; a missing or corrupt index is
 * rebuilt in a worker. Design notes: NOTES-index-lifecycle.md.
 */
export class SearchIndexManager {
  readonly #source: SearchDocumentSource;
  readonly #dir: string;
  readonly #hooks: IndexHooks;
  readonly #worker = new IndexWorker();
  readonly #writerId = randomUUID();
  /** Oldest first. */
  #segments: Segment[] = [];
  #removed = new Set<string>();
  /** Every change up to this sequence number is in the segments; -1 when there is no index yet. */
  #seq = -1;
  #loaded: Promise<void> = Promise.resolve();
  #verified: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #settleTimer: NodeJS.Timeout | null = null;
  #poll: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #settleWanted = false;
  #failed = false;
  /** Why the last catch-up or merge failed, while `#failed`. */
  #failure: unknown = null;
  #corrupt = false;
  /** Whether this process may write the files on disk: who wrote the manifest we last saw or wrote. */
  #persist = true;
  #manifestWriter: string | null = null;
  #fileCount = 0;
  #lastStart = -Infinity;
  /** Documents indexed by catch-ups since the batch's segments were last settled. */
  #batchDocuments = 0;
  #state: SearchIndexState = 'loading';
  #closed = false;
  readonly #stateListeners = new Set<(state: SearchIndexState) => void>();
  readonly stats: IndexStats = { segmentWrites: 0, manifestWrites: 0, documentsIndexed: 0, merges: 0 };

  constructor(options: SearchIndexManagerOptions) {
    this.#source = options.source;
    this.#dir = join(options.dir, 'search-index');
    this.#hooks = options.hooks ?? {};
  }

  get state(): SearchIndexState {
    return this.#state;
  }

  /**
   * Set while changes wait that the last catch-up could not write (the disk was full, the folder is
   * gone): searches answer from what is indexed and say so, instead of silently missing articles.
   */
  get behind(): SearchIndexBehind | undefined {
    if (!this.#failed || !this.#behind()) return undefined;
    return { reason: isDiskFull(this.#failure) ? 'disk-full' : 'write-failed' };
  }

  /** The library's change sequence number the index has taken in (-1 before it has loaded or built). */
  get indexedSeq(): number {
    return this.#seq;
  }

  onState(listener: (state: SearchIndexState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  #setState(state: SearchIndexState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }

  /** Reads only the manifest: segments load in the background, and the first search waits for them. */
  async open(): Promise<void> {
    const manifest = readManifest(this.#dir);
    removeUnlisted(this.#dir, new Set(manifest?.segments.map((s) => s.file) ?? []), ORPHAN_AGE_MS);
    if (manifest) {
      this.#manifestWriter = manifest.writer;
      this.#loaded = this.#load(manifest);
    } else this.#setState('building');
    void this.#loaded.then(() => this.#request(0));
    this.#poll = setInterval(() => {
      if (!this.#running && this.#seq >= 0 && this.#behind()) this.#request();
    }, POLL_MS);
    this.#poll.unref();
  }

  /** Called by the library's change listener; the change itself is read back from the change log. */
  notifyChanged(_change?: LibraryChange): void {
    this.#request();
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    await this.#loaded;
    // Commits of other processes, which no listener reports: indexed for the next query.
    if (this.#seq >= 0 && !this.#running && this.#behind()) this.#request(0);
    const engines = this.#segments.map((segment) => segment.engine).reverse();
    if (engines.length === 0) return { query, total: 0, tookMs: 0, hits: [], message: BUILDING_MESSAGE };
    const result = runSearch(query, { engines, removed: this.#removed, documents: (ids) => this.#source.searchDocuments(ids) }, options);
    const behind = this.behind;
    return behind ? { ...result, behind } : result;
  }

  /**
   * Resolves once every change committed so far, by any process, is indexed and the batch's segments
   * are merged (the CLI waits for this before it answers; so do tests).
   */
  async whenIdle(): Promise<void> {
    await this.#loaded;
    this.#settleWanted = true;
    this.#request(0);
    for (;;) {
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = null;
        this.#start();
      }
      if (this.#running) await this.#running;
      else if (!this.#failed && this.#behind()) this.#request(0);
      else break;
    }
    await this.#verified;
    if (this.#running || this.#timer || this.#corrupt) return this.whenIdle();
  }

  /**
   * Waits for pending index work, then stops. `abandon` (a host shutting down) does not wait: the
   * worker building a segment is stopped and a catch-up or rebuild in progress is dropped before it
   * names anything in the manifest, so the index on disk stays as it was and the next start catches
   * up from the library's change log (or rebuilds).
   */
  async close(options: { abandon?: boolean } = {}): Promise<void> {
    if (!options.abandon) await this.whenIdle();
    this.#closed = true;
    for (const timer of [this.#timer, this.#settleTimer, this.#poll]) if (timer) clearTimeout(timer);
    this.#stateListeners.clear();
    await this.#worker.close();
    // A pass that was running ends at its next step (reading, writing or committing) and catches it.
    await this.#running;
  }

  #throwIfClosed(): void {
    if (this.#closed) throw new Error('the search index was closed');
  }

  #behind(): boolean {
    try {
      return this.#corrupt || this.#seq < 0 || this.#source.changeSeq() > this.#seq;
    } catch {
      // The library was closed under us; nothing more to index.
      return false;
    }
  }

  /** At most one catch-up is pending: requests while one runs only mark that another pass is due. */
  #request(delay = DEBOUNCE_MS): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.#start();
    }, delay);
  }

  #start(): void {
    if (this.#running || this.#closed) return;
    this.#lastStart = performance.now();
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#again) this.#request(Math.max(0, this.#lastStart + FLUSH_INTERVAL_MS - performance.now()));
    });
  }

  async #drain(): Promise<void> {
    await this.#loaded;
    this.#failed = false;
    try {
      this.#again = false;
      if (this.#corrupt) this.#discard();
      if (this.#seq < 0) await this.#rebuild();
      else await this.#catchUp();
      let run: MergeRun | null;
      while (!this.#corrupt && (run = tierRun(this.#segments.map((s) => s.documents)))) await this.#merge(run);
      // A batch still arriving is merged once it ends.
      if (this.#settleWanted && !this.#again) {
        this.#settleWanted = false;
        const run = settleRun(this.#segments.map((s) => s.documents), this.#batchDocuments);
        this.#batchDocuments = 0;
        if (run) await this.#merge(run);
      }
      if (!this.#again) this.#setState('ready');
    } catch (error) {
      // The segments already in place keep serving; the next change, search or whenIdle retries.
      this.#failed = true;
      this.#failure = error;
    }
  }

  async #rebuild(): Promise<void> {
    this.#setState('building');
    // Read before the documents: a change committed while they are read is indexed again next pass.
    const seq = this.#source.changeSeq();
    const documents: SearchDocument[] = [];
    // Read in slices so the host's event loop (IPC, HTTP) keeps answering while a large library loads.
    for (const doc of this.#source.allSearchDocuments()) {
      documents.push(doc);
      if (documents.length % READ_SLICE === 0) {
        await nextTurn();
        this.#throwIfClosed();
      }
    }
    const segment = await this.#write('rebuild', (path) => this.#worker.build(documents, path));
    this.stats.documentsIndexed += documents.length;
    const superseded = this.#segments;
    this.#segments = [segment];
    this.#removed = new Set();
    this.#seq = seq;
    await this.#commit(superseded);
  }

  /** Indexes what changed after the recorded sequence number as one new segment. */
  async #catchUp(): Promise<void> {
    // One statement, one snapshot: the ids and the sequence number they bring the index up to.
    const { seq, ids } = this.#source.changesSince(this.#seq);
    if (ids.length === 0) return;
    if (this.#state === 'loading') this.#setState('building');
    const documents: SearchDocument[] = [];
    for (let at = 0; at < ids.length; at += READ_SLICE) {
      documents.push(...this.#source.searchDocuments(ids.slice(at, at + READ_SLICE)));
      if (at + READ_SLICE < ids.length) {
        await nextTurn();
        this.#throwIfClosed();
      }
    }
    // Documents read now are as new as `seq` or newer; anything committed meanwhile has a higher number.
    await this.#hooks.afterRead?.();
    const present = new Set(documents.map((doc) => doc.id));
    const segment = documents.length ? await this.#write('flush', (path) => this.#worker.build(documents, path)) : null;
    this.stats.documentsIndexed += documents.length;
    this.#batchDocuments += documents.length;
    if (segment) this.#segments.push(segment);
    for (const id of ids) {
      if (present.has(id)) this.#removed.delete(id);
      else if (this.#segments.some((s) => s.engine.has(id))) this.#removed.add(id);
    }
    this.#seq = seq;
    await this.#commit([]);
    this.#armSettle();
  }

  /** Merges segments [from, to) posting by posting, leaving out what is removed or newer elsewhere. */
  async #merge([from, to]: MergeRun): Promise<void> {
    // A damaged segment must not be merged into a new one with a fresh, valid checksum.
    await this.#verified;
    if (this.#corrupt) return;
    const inputs = this.#segments.slice(from, to).map((segment, i) => {
      const newer = this.#segments.slice(from + i + 1);
      const drop = segment.engine.ids().filter((id) => this.#removed.has(id) || newer.some((s) => s.engine.has(id)));
      return { payload: segment.payload, drop };
    });
    const merged = await this.#write('merge', (path) => this.#worker.merge(inputs, path));
    this.stats.merges++;
    const superseded = this.#segments.slice(from, to);
    this.#segments = [...this.#segments.slice(0, from), merged, ...this.#segments.slice(to)];
    for (const id of this.#removed) if (!this.#segments.some((s) => s.engine.has(id))) this.#removed.delete(id);
    await this.#commit(superseded);
  }

  async #write(reason: 'flush' | 'merge' | 'rebuild', run: (path: string | null) => Promise<BuiltSegment>): Promise<Segment> {
    const file = this.#persist ? `${Date.now().toString(36)}-${process.pid}-${this.#fileCount++}.seg` : null;
    const built = await run(file ? join(this.#dir, file) : null);
    if (file) this.stats.segmentWrites++;
    await this.#hooks.beforeManifest?.(reason);
    return { file, documents: built.documents, checksum: built.checksum ?? 0, payload: built.payload, engine: SearchEngine.deserialize(built.payload) };
  }

  /**
   * Names the live segments in a new manifest, then deletes the superseded files. A manifest written
   * by another process since we last saw it means that process now keeps the files on disk: from
   * then on this one indexes in memory only (both catch up from the change log; see NOTES).
   */
  async #commit(superseded: readonly Segment[]): Promise<void> {
    this.#throwIfClosed();
    if (!this.#persist || this.#segments.some((s) => s.file === null)) return;
    const manifest: SegmentManifest = {
      format: INDEX_FORMAT,
      seq: this.#seq,
      segments: this.#segments.map((s) => ({ file: s.file!, documents: s.documents, checksum: s.checksum })),
      removed: [...this.#removed],
      writer: this.#writerId,
    };
    const files = superseded.flatMap((s) => (s.file ? [s.file] : []));
    if (!(await this.#worker.commit(this.#dir, manifest, this.#manifestWriter, files))) {
      this.#persist = false;
      return;
    }
    this.#manifestWriter = this.#writerId;
    this.stats.manifestWrites++;
  }

  #armSettle(): void {
    if (this.#settleTimer) clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = null;
      this.#settleWanted = true;
      this.#request(0);
    }, SETTLE_MS);
    this.#settleTimer.unref();
  }

  /** Reads each segment without checking it, then checks the checksums in the background. */
  async #load(manifest: SegmentManifest): Promise<void> {
    try {
      const segments: Segment[] = [];
      for (const entry of manifest.segments) {
        const file = await readIndexFile(join(this.#dir, entry.file));
        if (!file || file.header.checksum !== entry.checksum) throw new Error(`search index segment ${entry.file} is missing or replaced`);
        segments.push({ file: entry.file, documents: entry.documents, checksum: entry.checksum, payload: file.payload, engine: SearchEngine.deserialize(file.payload) });
      }
      this.#segments = segments;
      this.#removed = new Set(manifest.removed);
      this.#seq = manifest.seq;
      this.#setState(this.#behind() ? 'building' : 'ready');
      this.#verified = this.#verify(segments);
    } catch {
      this.#discard();
    }
  }

  async #verify(segments: readonly Segment[]): Promise<void> {
    await this.#hooks.beforeVerify?.();
    for (const segment of segments) {
      if (await verifyPayload(segment.payload, segment.checksum)) continue;
      // A damaged segment could answer wrongly: start over from the library, between two passes.
      if (this.#segments.includes(segment)) {
        this.#corrupt = true;
        if (!this.#running) this.#discard();
        this.#request(0);
      }
      return;
    }
  }

  #discard(): void {
    this.#corrupt = false;
    this.#segments = [];
    this.#removed = new Set();
    this.#seq = -1;
    this.#setState('building');
  }
}
