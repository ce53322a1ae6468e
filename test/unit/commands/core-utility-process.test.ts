// The desktop app forks commands/core-worker.ts as an Electron utility process, which talks through
// `process.parentPort` instead of a worker thread's port. Without the Electron binary, the same module
// runs here in a forked Node process whose parentPort is a stand-in over Node's IPC
// (utility-port-shim.ts): the client, the envelopes and the shutdown are the ones the app uses.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CoreClient, coreWorkerUrl } from '../../../commands/core-client.ts';
import type { CoreLauncher, CoreProcess, CoreWorkerData, ToCore } from '../../../commands/core-messages.ts';

const shim = fileURLToPath(new URL('./utility-port-shim.ts', import.meta.url));

/** As electron/main.ts's UtilityCore, over child_process.fork instead of utilityProcess.fork. */
class ForkedCore extends EventEmitter implements CoreProcess {
  readonly #child: ChildProcess;

  constructor(data: CoreWorkerData) {
    super();
    this.#child = fork(fileURLToPath(coreWorkerUrl()), [JSON.stringify(data)], { execArgv: ['--import', shim], serialization: 'advanced', stdio: 'inherit' });
    this.#child.on('message', (message) => this.emit('message', message));
    this.#child.on('error', (error) => this.emit('error', error));
    this.#child.on('exit', (code) => this.emit('exit', code ?? 1));
  }

  postMessage(message: ToCore): void {
    if (this.#child.connected) this.#child.send(message);
  }

  async terminate(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const ended = once(this, 'exit');
    this.#child.kill('SIGKILL');
    await ended;
  }
}

const inForkedProcess: CoreLauncher = (data) => new ForkedCore(data);
let root: string;
let core: CoreClient | null = null;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nr-core-utility-'));
});

afterEach(async () => {
  await core?.close();
  core = null;
  rmSync(root, { recursive: true, force: true });
});

it('serves the contract from a separate process through parentPort, and closes it', async () => {
  core = await CoreClient.start({ libraryDir: join(root, 'library'), runtime: 'electron', launch: inForkedProcess, log: () => {} });
  expect(core.info.libraryDir).toBe(join(root, 'library'));
  const body = Buffer.from('Đàm phán ở Doha\n\nHai bên nối lại đàm phán ngừng bắn.').toString('base64');
  const imported = await core.dispatchFor('ipc')('library.importFiles', { jobId: 'one', files: [{ name: 'doha.txt', base64: body }] });
  expect(imported).toMatchObject({ ok: true, value: { imported: [{ path: 'doha.txt' }] } });
  await core.whenSearchIdle();
  expect(await core.dispatchFor('ipc')('search.query', { query: 'dam phan' })).toMatchObject({ ok: true, value: { total: 1 } });
  // The renderer's transport gets only the UI's commands, in this process as in a thread.
  expect(await core.dispatchFor('ipc')('library.importPaths', { jobId: 'x', paths: ['/etc/passwd'] })).toMatchObject({ ok: false });
  await core.close();
  core = null;
});

it('starts a fresh process when the core process dies, and the next command works', async () => {
  core = await CoreClient.start({ libraryDir: join(root, 'library'), runtime: 'electron', launch: inForkedProcess, log: () => {} });
  await core.testHooks.terminate();
  expect(await core.dispatch('library.counts', {})).toMatchObject({ ok: true });
});
