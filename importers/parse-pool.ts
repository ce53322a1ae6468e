// A small pool of worker threads that parse imports off the host's event loop. Each file gets a time
// limit (counted afresh whenever a long document reports a page done) and each worker a memory limit; a worker that hits either, or whose job is cancelled, is ended
// at once and replaced by a fresh one for the next file, so one hostile file never stalls the batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ImportInputError, type ImportInput, type ParsedItem, type ParseProgress } from './import-types.ts';
import type { ParseRequest, ParseResponse } from './parse-messages.ts';

/** Far above any real article (a large saved page parses in well under a second). */
export const DEFAULT_PARSE_TIMEOUT_MS = 20_000;
/** A 50 MB page needs a few hundred MB as a DOM; beyond this a file is refused, not the host. */
export const DEFAULT_PARSE_MEMORY_MB = 1024;

export interface ParsePoolOptions {
  /** Worker threads; default the number of cores, at most 4. */
  size?: number;
  /** V8 old-generation limit of each worker. */
  memoryMb?: number;
}

export interface ParseTaskOptions {
  signal?: AbortSignal;
  /**
   * The longest the parse may go without finishing or reporting progress: a 500-page scan takes far
   * longer than any one limit, but each page is bounded, so its clock restarts with every page.
   */
  timeoutMs?: number;
  /** A long document's pages, as the worker reports them. */
  onProgress?: (progress: ParseProgress) => void;
}

interface Task {
  request: ParseRequest;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  onProgress: ((progress: ParseProgress) => void) | undefined;
  resolve: (items: ParsedItem[]) => void;
  reject: (error: unknown) => void;
  onAbort: () => void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its parsers; the running task's clock starts then. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

function workerUrl(): URL {
  // Source runs as .ts under Node 24's type stripping (tests); the app runs compiled .js.
  return new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The import was cancelled', 'AbortError');
}

export class ParsePool {
  readonly size: number;
  readonly #memoryMb: number;
  readonly #slots: Slot[];
  readonly #queue: Task[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(availableParallelism(), 4));
    this.#memoryMb = options.memoryMb ?? DEFAULT_PARSE_MEMORY_MB;
    this.#slots = Array.from({ length: this.size }, () => ({ worker: null, ready: false, task: null, timer: null }));
  }

  /** Parses one input with the named built-in importer in a worker; rejects with the signal's reason when cancelled. */
  parse(input: ImportInput, importerId: string, options: ParseTaskOptions = {}): Promise<ParsedItem[]> {
    if (this.#closed) return Promise.reject(new Error('The parse pool is closed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<ParsedItem[]>((resolve, reject) => {
      const task: Task = {
        request: { id: this.#nextId++, importerId, input },
        timeoutMs: options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS,
        signal,
        onProgress: options.onProgress,
        resolve,
        reject,
        onAbort: () => this.#cancel(task),
      };
      signal?.addEventListener('abort', task.onAbort, { once: true });
      this.#queue.push(task);
      this.#dispatch();
    });
  }

  /** Ends every worker; queued and running parses are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) this.#settle(task, () => task.reject(new Error('The parse pool was closed')));
    await Promise.all(
      this.#slots.map(async (slot) => {
        const task = slot.task;
        if (task) this.#settle(task, () => task.reject(new Error('The parse pool was closed')));
        await this.#retire(slot);
      }),
    );
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.task) continue;
      const task = this.#queue.shift()!;
      slot.task = task;
      const worker = (slot.worker ??= this.#spawn(slot));
      worker.ref();
      if (slot.ready) this.#startClock(slot);
      worker.postMessage(task.request);
    }
  }

  #startClock(slot: Slot): void {
    const task = slot.task;
    if (!task || slot.timer) return;
    const seconds = Math.round(task.timeoutMs / 100) / 10;
    slot.timer = setTimeout(() => this.#fail(slot, new ImportInputError({ kind: 'parse-timed-out', seconds })), task.timeoutMs);
  }

  /** The running parse made progress: its time limit starts again. */
  #restartClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.ready) this.#startClock(slot);
  }

  #spawn(slot: Slot): Worker {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: this.#memoryMb } });
    slot.ready = false;
    worker.on('message', (response: ParseResponse) => {
      if (slot.worker !== worker) return;
      if ('ready' in response) {
        slot.ready = true;
        this.#startClock(slot);
        return;
      }
      const task = slot.task;
      if (!task || task.request.id !== response.id) return;
      if ('progress' in response) {
        this.#restartClock(slot);
        task.onProgress?.(response.progress);
        return;
      }
      this.#release(slot);
      this.#settle(task, () => ('items' in response ? task.resolve(response.items) : task.reject(new ImportInputError(response.failure))));
      this.#dispatch();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (slot.worker !== worker) return;
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportInputError({ kind: 'too-complex', cause: 'memory', limitMb: this.#memoryMb }) : error;
      this.#fail(slot, reason);
    });
    worker.on('exit', () => {
      if (slot.worker === worker) this.#fail(slot, new Error('The parse worker stopped unexpectedly'));
    });
    return worker;
  }

  /** The running task failed (time or memory limit, crash): end its worker, report, go on with a fresh one. */
  #fail(slot: Slot, error: unknown): void {
    const task = slot.task;
    void this.#retire(slot);
    if (task) this.#settle(task, () => task.reject(error));
    if (!this.#closed) this.#dispatch();
  }

  #cancel(task: Task): void {
    const queued = this.#queue.indexOf(task);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      this.#settle(task, () => task.reject(abortError(task.signal)));
      return;
    }
    const slot = this.#slots.find((candidate) => candidate.task === task);
    // The worker may be deep in a parse that never yields: ending it is the only way to stop it now.
    if (slot) this.#fail(slot, abortError(task.signal));
  }

  #release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    // An idle worker must not keep a CLI process alive.
    slot.worker?.unref();
  }

  async #retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = false;
    this.#release(slot);
    if (worker) await worker.terminate();
  }

  #settle(task: Task, settle: () => void): void {
    task.signal?.removeEventListener('abort', task.onAbort);
    settle();
  }
}

let shared: ParsePool | null = null;

/** The process's pool, made on first use; its idle workers do not keep the process alive. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
