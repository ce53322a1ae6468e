// The core in a worker thread: one AppContext (library, search index, import jobs, dispatcher, event
// bus) that a host talks to through commands/core-client.ts. A long synchronous step here (SQLite, a
// big export, a library move) no longer stops the host's own event loop: menus, IPC, HTTP, signals.
import { parentPort, workerData } from 'node:worker_threads';
import type { EventName, EventPayload, Host } from '../contract/index.ts';
import { AppContext } from './app-context.ts';
import type { CoreWorkerData, FromCore, HostServiceName, ToCore } from './core-messages.ts';
import type { HostServices } from './handlers.ts';
import { warmSearch } from './search-warmup.ts';

/** What Electron gives a utility process (`process.parentPort`), named here without importing electron. */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** The way to the client: a worker thread's port, or Electron's utility-process port (desktop app). */
const port = ((): { post: (message: FromCore) => void; onMessage: (listener: (message: ToCore) => void) => void; close: () => void; data: CoreWorkerData } => {
  if (parentPort) {
    const thread = parentPort;
    return { post: (message) => thread.postMessage(message), onMessage: (listener) => thread.on('message', listener), close: () => thread.close(), data: workerData as CoreWorkerData };
  }
  const utility = (process as NodeJS.Process & { parentPort?: UtilityParentPort }).parentPort;
  if (!utility) throw new Error('commands/core-worker.ts runs as a worker thread or an Electron utility process (see commands/core-client.ts)');
  return {
    post: (message) => utility.postMessage(message),
    onMessage: (listener) => utility.on('message', (event) => listener(event.data as ToCore)),
    // A utility process ends with its work; its parent also stops it after a grace period.
    close: () => process.exit(0),
    // Electron passes the fork's arguments after the module path.
    data: JSON.parse(process.argv.at(-1) ?? 'null') as CoreWorkerData,
  };
})();
const data = port.data;
const post = port.post;

// Host services (native dialogs) stay in the parent: each call is a request back to it.
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextHostCall = 1;
function askParent(service: HostServiceName, args: unknown[]): Promise<unknown> {
  const id = nextHostCall++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    post({ kind: 'host-call', id, service, args });
  });
}
const host: HostServices = {};
if (data.hostServices.includes('chooseBackupFile')) {
  host.chooseBackupFile = async (suggestedName) => (await askParent('chooseBackupFile', [suggestedName])) as Awaited<ReturnType<NonNullable<HostServices['chooseBackupFile']>>>;
}
if (data.hostServices.includes('openPath')) {
  host.openPath = async (path) => String(await askParent('openPath', [path]));
}
if (data.hostServices.includes('encryptSecret')) {
  host.encryptSecret = async (plain) => (await askParent('encryptSecret', [plain])) as string | null;
}
if (data.hostServices.includes('decryptSecret')) {
  host.decryptSecret = async (blob) => String(await askParent('decryptSecret', [blob]));
}
if (data.hostServices.includes('confirmArchiveLink')) {
  host.confirmArchiveLink = async (address, user) => (await askParent('confirmArchiveLink', [address, user])) === true;
}
if (data.hostServices.includes('chooseLibraryFolder')) {
  host.chooseLibraryFolder = async () => (await askParent('chooseLibraryFolder', [])) as string | null;
}

let context: AppContext;
try {
  context = await AppContext.open({
    libraryDir: data.libraryDir,
    runtime: data.runtime,
    host,
    onUnexpectedError: (command, error) => post({ kind: 'unexpected-error', command, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    onLibraryMoved: (libraryDir) => post({ kind: 'library-moved', libraryDir }),
    // The core runs as long as the window or serve does: subscribed sources refresh meanwhile.
    refreshSources: true,
    // …and a library linked to the shared archive keeps in sync with it (push, pull, live updates).
    archiveSync: true,
    ...(data.allowRendererLoopback ? { sources: { allowRendererLoopback: true } } : {}),
  });
} catch (error) {
  post({ kind: 'start-failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
  port.close();
  throw error;
}
const ctx = context;
// The first query must not pay for the lazily built parts of the index: build them now, in the background.
void warmSearch(ctx.search, (message) => console.error(`core: ${message}`));
// Every event the bus emits crosses to the host as it is; the contract declared its payload type.
ctx.events.onAny((event, payload) => post({ kind: 'event', event, payload: payload as EventPayload<EventName> }));

const dispatchers = {
  trusted: ctx.dispatch,
  cli: ctx.dispatchFor('cli'),
  ipc: ctx.dispatchFor('ipc'),
  serve: ctx.dispatchFor('serve'),
};
let closing = false;

async function call(id: number, callerHost: Host | null, name: string, args: unknown): Promise<void> {
  const libraryDir = ctx.info.libraryDir;
  const outcome = await dispatchers[callerHost ?? 'trusted'](name, args);
  // Moving the library changes what app.info reports; the client keeps its copy current.
  if (ctx.info.libraryDir !== libraryDir) post({ kind: 'info', info: ctx.info });
  post({ kind: 'result', id, outcome });
}

port.onMessage((message) => {
  switch (message.kind) {
    case 'call':
      if (closing) {
        post({ kind: 'result', id: message.id, outcome: { ok: false, error: { code: 'failed', message: 'The app is shutting down' } } });
        return;
      }
      void call(message.id, message.host, message.name, message.args);
      return;
    case 'host-result': {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.value);
      return;
    }
    case 'search-idle':
      void ctx.search.whenIdle().then(() => post({ kind: 'search-idle', id: message.id }));
      return;
    case 'crash-for-test':
      setImmediate(() => {
        throw new Error('core crashed on purpose (test)');
      });
      return;
    case 'close':
      if (closing) return;
      closing = true;
      for (const pending of waiting.values()) pending.reject(new Error('The app is shutting down'));
      waiting.clear();
      void ctx.close({ abandon: true }).finally(() => {
        post({ kind: 'closed' });
        port.close();
      });
      return;
  }
});

post({ kind: 'ready', info: ctx.info, generation: ctx.library.generation() });
