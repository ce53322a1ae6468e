import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LibraryChange } from '../contract/library-change.ts';
import type { SearchDocument, SearchDocumentSource } from './search-document.ts';
import { readIndexFile } from './index-file.ts';
import type { BuildRequest, BuildResponse } from './index-worker.ts';
import { runSearch } from './run-search.ts';
import { SearchEngine } from './search-engine.ts';
import type { SearchIndexState, SearchOptions, SearchResult } from './types.ts';

export const BUILDING_MESSAGE = 'The search index is being built; results will appear in a moment.';
// Past this many re-indexed documents the delta segment is folded into a full rebuild.
const MAX_DELTA_DOCUMENTS = 2000;
const DELTA_DEBOUNCE_MS = 30;

interface DeltaExtra {
  baseGeneration: number;
  removed: string[];
}

export interface SearchIndexManagerOptions {
  /** The library folder; the index lives in `search-index/` inside it. */
  dir: string;
  source: SearchDocumentSource;
}

/**
 * Keeps the derived search index in step with the library: loads it from disk at start, rebuilds it
 * in a worker thread when it is missing, stale or corrupt, and indexes changes incrementally as a
 * small delta segment that is folded into a full rebuild when it grows.
 */
export class SearchIndexManager {
  readonly #source: SearchDocumentSource;
  readonly #mainPath: string;
  readonly #deltaPath: string;
  #main: SearchEngine | null = null;
  #mainGeneration = -1;
  #delta: SearchEngine | null = null;
  #removed = new Set<string>();
  #pending = new Set<string>();
  #pendingRemoved = new Set<string>();
  #queue: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #state: SearchIndexState = 'loading';
  #closed = false;
  readonly #stateListeners = new Set<(state: SearchIndexState) => void>();

  constructor(options: SearchIndexManagerOptions) {
    this.#source = options.source;
    this.#mainPath = join(options.dir, 'search-index', 'main.idx');
    this.#deltaPath = join(options.dir, 'search-index', 'delta.idx');
  }

  get state(): SearchIndexState {
    return this.#state;
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

  /** Loads what is on disk; a rebuild, when needed, continues in the background. */
  async open(): Promise<void> {
    const main = readIndexFile(this.#mainPath);
    let generation = -1;
    if (main) {
      try {
        this.#main = SearchEngine.deserialize(main.payload);
        this.#mainGeneration = main.header.generation;
        generation = main.header.generation;
        const delta = readIndexFile(this.#deltaPath);
        const extra = delta?.header.extra as Partial<DeltaExtra> | undefined;
        if (delta && extra?.baseGeneration === main.header.generation && Array.isArray(extra.removed)) {
          this.#delta = SearchEngine.deserialize(delta.payload);
          this.#removed = new Set(extra.removed);
          generation = delta.header.generation;
        }
      } catch {
        this.#main = null;
        this.#delta = null;
      }
    }
    if (this.#main && generation === this.#source.generation()) this.#setState('ready');
    else this.#enqueue(() => this.#rebuild());
  }

  notifyChanged(change: LibraryChange): void {
    for (const id of change.changed) this.#pending.add(id);
    for (const id of change.removed) this.#pendingRemoved.add(id);
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#enqueue(() => this.#applyDelta());
    }, DELTA_DEBOUNCE_MS);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const engines = [this.#delta, this.#main].filter((engine): engine is SearchEngine => engine !== null);
    if (engines.length === 0) return { query, total: 0, tookMs: 0, hits: [], message: BUILDING_MESSAGE };
    return runSearch(query, { engines, removed: this.#removed, documents: (ids) => this.#source.searchDocuments(ids) }, options);
  }

  /** Resolves when queued builds and writes are done (tests and the CLI wait for this before exiting). */
  async whenIdle(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      this.#enqueue(() => this.#applyDelta());
    }
    let queue: Promise<void>;
    do {
      queue = this.#queue;
      await queue;
    } while (queue !== this.#queue);
  }

  async close(): Promise<void> {
    await this.whenIdle();
    this.#closed = true;
    this.#stateListeners.clear();
  }

  #enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch(() => {
      // A failed build leaves the previous segments serving; the next change or start retries.
    });
  }

  async #rebuild(): Promise<void> {
    this.#setState('building');
    const generation = this.#source.generation();
    // Read in slices so the host's event loop (IPC, HTTP) keeps answering while a large library loads.
    const documents: SearchDocument[] = [];
    for (const doc of this.#source.allSearchDocuments()) {
      documents.push(doc);
      if (documents.length % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // Changes that arrive while the worker builds are re-applied as a delta afterwards.
    this.#pending.clear();
    this.#pendingRemoved.clear();
    const payload = await buildInWorker({ id: 0, documents, persist: { path: this.#mainPath, generation, extra: {} } });
    this.#main = SearchEngine.deserialize(payload);
    this.#mainGeneration = generation;
    this.#delta = null;
    this.#removed = new Set();
    rmSync(this.#deltaPath, { force: true });
    if (this.#pending.size || this.#pendingRemoved.size || this.#source.generation() !== generation) await this.#applyDelta();
    this.#setState('ready');
  }

  async #applyDelta(): Promise<void> {
    if (!this.#main) return this.#rebuild();
    const generation = this.#source.generation();
    for (const id of this.#pendingRemoved) this.#removed.add(id);
    const ids = new Set([...(this.#delta ? this.#deltaIds() : []), ...this.#pending]);
    this.#pending.clear();
    this.#pendingRemoved.clear();
    for (const id of this.#removed) ids.delete(id);
    if (ids.size > MAX_DELTA_DOCUMENTS) return this.#rebuild();
    const documents: SearchDocument[] = this.#source.searchDocuments([...ids]);
    for (const id of ids) if (!documents.some((doc) => doc.id === id)) this.#removed.add(id);
    const extra: DeltaExtra = { baseGeneration: this.#mainGeneration, removed: [...this.#removed] };
    const payload = await buildInWorker({ id: 0, documents, persist: { path: this.#deltaPath, generation, extra: { ...extra } } });
    this.#delta = SearchEngine.deserialize(payload);
  }

  #deltaIds(): string[] {
    return this.#delta ? this.#delta.ids() : [];
  }
}

function workerUrl(): URL {
  // Source runs as .ts under Node 24's type stripping (tests); the app runs compiled .js.
  return new URL(import.meta.url.endsWith('.ts') ? './index-worker.ts' : './index-worker.js', import.meta.url);
}

function buildInWorker(request: BuildRequest): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl());
    worker.once('message', (response: BuildResponse) => {
      void worker.terminate();
      if (response.payload !== undefined) resolve(response.payload);
      else reject(new Error(response.error ?? 'index build failed'));
    });
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.postMessage(request);
  });
}
