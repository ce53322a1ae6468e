// The parse worker's loop (started by parse-worker.ts): one input at a time for the parse pool
// (importers/parse-pool.ts), so a slow or hostile file costs this thread, not the host's event loop.
import { parentPort } from 'node:worker_threads';
import { IMPORTERS } from './importer-registry.ts';
import { parseFailureOf, type ParseRequest, type ParseResponse } from './parse-messages.ts';
import type { ParseProgress } from './import-types.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker-loop.ts runs only in a worker thread');

// Loading the parsers takes a moment on a busy machine; a file's time limit starts once this is sent.
port.postMessage({ ready: true });

port.on('message', (request: ParseRequest) => {
  void (async (): Promise<void> => {
    let response: ParseResponse;
    try {
      const importer = IMPORTERS.find((candidate) => candidate.id === request.importerId);
      if (!importer) throw new Error(`no importer "${request.importerId}" in the worker`);
      const onProgress = (progress: ParseProgress): void => port.postMessage({ id: request.id, progress } satisfies ParseResponse);
      response = { id: request.id, items: await importer.parse(request.input, { onProgress }) };
    } catch (error) {
      response = { id: request.id, failure: parseFailureOf(error) };
    }
    port.postMessage(response);
  })();
});
