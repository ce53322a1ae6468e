import { Worker } from 'node:worker_threads';
import type { SearchDocument } from './search-document.ts';
import type { WorkerRequest, WorkerResponse } from './index-worker.ts';
import type { SegmentManifest } from './segment-manifest.ts';

export interface BuiltSegment {
  payload: Uint8Array;
  documents: number;
  /** Present when the segment was written to disk. */
  checksum?: number;
}

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };
// Without an id, a request's type is a distributive Omit over the union.
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

function workerUrl(): URL {
  // Source runs as .ts under Node 24's type stripping (tests); the app runs compiled .js.
  return new URL(import.meta.url.endsWith('.ts') ? './index-worker.ts' : './index-worker.js', import.meta.url);
}

/**
 * One long-lived worker thread for builds and merges (starting one per request cost ~100 ms of module
 * loading each time). It keeps the process alive only while a request is in flight.
 */
export class IndexWorker {
  #worker: Worker | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  build(documents: SearchDocument[], path: string | null): Promise<BuiltSegment> {
    return this.#segment({ kind: 'build', documents, path });
  }

  /** Inputs oldest first; their payloads are copied to the worker, the caller keeps serving them. */
  merge(inputs: { payload: Uint8Array; drop: string[] }[], path: string | null): Promise<BuiltSegment> {
    return this.#segment({ kind: 'merge', inputs, path });
  }

  /** Whether the manifest was written: false when another process wrote the one on disk since `expectedWriter`. */
  async commit(dir: string, manifest: SegmentManifest, expectedWriter: string | null, superseded: string[]): Promise<boolean> {
    const response = await this.#send({ kind: 'commit', dir, manifest, expectedWriter, superseded });
    return response.committed === true;
  }

  async #segment(request: Request): Promise<BuiltSegment> {
    const response = await this.#send(request);
    if (!response.payload || response.documents === undefined) throw new Error('index worker answered without a segment');
    return { payload: response.payload, documents: response.documents, checksum: response.checksum };
  }

  /** Stops the worker; a request in flight is rejected, and none is accepted afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #send(request: Request): Promise<WorkerResponse> {
    if (this.#closed) return Promise.reject(new Error('the index worker was closed'));
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(workerUrl());
    worker.on('message', (response: WorkerResponse) => {
      const pending = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      if (this.#pending.size === 0) worker.unref();
      if (!pending) return;
      if (response.error !== undefined) pending.reject(Object.assign(new Error(response.error), { code: response.errorCode }));
      else pending.resolve(response);
    });
    const fail = (error: Error): void => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`index worker exited (${code})`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }
}
