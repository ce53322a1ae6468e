// Builds and merges index segments off the main thread: the app's event loop never blocks on indexing.
// One long-lived worker serves the manager's requests one at a time.
import { parentPort } from 'node:worker_threads';
import type { SearchDocument } from './search-document.ts';
import { buildCompactIndex, decodeCompactIndex, serializeCompactIndex } from './compact-index.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeIndexFile } from './index-file.ts';
import { readManifest, writeManifest, type SegmentManifest } from './segment-manifest.ts';
import { mergeCompactIndexes } from './segment-merge.ts';

export type WorkerRequest =
  | { id: number; kind: 'build'; documents: SearchDocument[]; path: string | null }
  /** Inputs oldest first, each with the ids to leave out. */
  | { id: number; kind: 'merge'; inputs: { payload: Uint8Array; drop: string[] }[]; path: string | null }
  /**
   * Writes the manifest (its fsyncs stay off the main thread) unless someone other than `expectedWriter`
   * wrote the one on disk, then deletes the segment files it no longer names.
   */
  | { id: number; kind: 'commit'; dir: string; manifest: SegmentManifest; expectedWriter: string | null; superseded: string[] };

export interface WorkerResponse {
  id: number;
  payload?: Uint8Array;
  documents?: number;
  checksum?: number;
  /** For a commit: false when another process's manifest was found on disk and nothing was written. */
  committed?: boolean;
  error?: string;
  /** The system's error code (ENOSPC when the disk is full), so the host can say why the index is behind. */
  errorCode?: string;
}

function commit(request: Extract<WorkerRequest, { kind: 'commit' }>): WorkerResponse {
  const onDisk = readManifest(request.dir);
  if (onDisk && onDisk.writer !== request.expectedWriter) return { id: request.id, committed: false };
  writeManifest(request.dir, request.manifest);
  for (const file of request.superseded) rmSync(join(request.dir, file), { force: true });
  return { id: request.id, committed: true };
}

function handle(request: Exclude<WorkerRequest, { kind: 'commit' }>): WorkerResponse & { payload: Uint8Array } {
  const index =
    request.kind === 'build'
      ? buildCompactIndex(request.documents)
      : mergeCompactIndexes(request.inputs.map(({ payload, drop }) => ({ index: decodeCompactIndex(payload), drop: new Set(drop) })));
  const payload = serializeCompactIndex(index);
  // Without a path the segment lives in memory only (another process owns the files on disk).
  const header = request.path ? writeIndexFile(request.path, index.ids.length, payload) : null;
  return { id: request.id, payload, documents: index.ids.length, checksum: header?.checksum };
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    if (request.kind === 'commit') {
      parentPort!.postMessage(commit(request));
      return;
    }
    const response = handle(request);
    // The bytes move to the main thread rather than being copied.
    parentPort!.postMessage(response, [response.payload.buffer as ArrayBuffer]);
  } catch (error) {
    const errorCode = (error as NodeJS.ErrnoException | null)?.code;
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error), errorCode } satisfies WorkerResponse);
  }
});
