// Builds an index off the main thread: the app's event loop never blocks on indexing.
import { parentPort } from 'node:worker_threads';
import type { SearchDocument } from './search-document.ts';
import { writeIndexFile } from './index-file.ts';
import { SearchEngine } from './search-engine.ts';

export interface BuildRequest {
  id: number;
  documents: SearchDocument[];
  /** When set, the built index is also persisted here with this generation. */
  persist?: { path: string; generation: number; extra: Record<string, unknown> };
}

export interface BuildResponse {
  id: number;
  payload?: Uint8Array;
  error?: string;
}

parentPort?.on('message', (request: BuildRequest) => {
  try {
    const engine = SearchEngine.build(request.documents);
    const payload = engine.serialize();
    if (request.persist) writeIndexFile(request.persist.path, request.persist.generation, engine.size, payload, request.persist.extra);
    // The bytes move to the main thread rather than being copied.
    parentPort!.postMessage({ id: request.id, payload } satisfies BuildResponse, [payload.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies BuildResponse);
  }
});
