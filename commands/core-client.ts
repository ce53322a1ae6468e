import { Worker } from 'node:worker_threads';
import type { AppInfo, CommandOutcome, FailureReason, Host } from '../contract/index.ts';
import type { CoreLauncher, CoreProcess, CoreWorkerData, FromCore, HostServiceName, ToCore } from './core-messages.ts';
import type { Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import type { HostServices } from './handlers.ts';

export interface CoreClientOptions {
  libraryDir: string;
  runtime: AppInfo['runtime'];
  /** What only this host can do (native dialogs): the worker asks for it through the port. */
  host?: HostServices;
  log?: (line: string) => void;
  onUnexpectedError?: (command: string, error: string) => void;
  /** Where the host remembers the library's new folder for the next start. */
  onLibraryMoved?: (libraryDir: string) => void;
  /** Where the core runs; a worker thread unless the host brings its own (Electron's utility process). */
  launch?: CoreLauncher;
  /** TEST ONLY: see SourceServiceOptions.allowRendererLoopback. */
  allowRendererLoopback?: boolean;
}

/** How long a closing core may take to cancel imports and stop indexing before its thread is stopped. */
const CLOSE_GRACE_MS = 1200;
/** More stops than this within RESTART_WINDOW_MS and the core is left stopped: commands then say why. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/** The core's module: .ts under Node 24's type stripping (tests), compiled .js in the app. */
export function coreWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './core-worker.ts' : './core-worker.js', import.meta.url);
}

const inWorkerThread: CoreLauncher = (data) => new Worker(coreWorkerUrl(), { workerData: data });

class CoreStartError extends Error {
  constructor(name: string, message: string) {
    super(message);
    // LibraryInUseError and friends keep their name, so hosts report them as before.
    this.name = name;
  }
}

type Spawned = { worker: CoreProcess; exited: Promise<void>; info: AppInfo; generation: number };
type Pending = { resolve: (outcome: CommandOutcome<unknown>) => void };

/**
 * The host's side of the core worker (commands/core-worker.ts): the same surface hosts used on
 * AppContext (dispatchFor, events, info, close), with every command answered from the worker's
 * thread. When the core stops unexpectedly the client says so (a log line, and `search.state`
 * 'loading' then `library.changed` once a fresh core is up, so the UI reloads what it shows) and
 * starts a new one: nothing is lost, the library on disk is the source of truth.
 */
export class CoreClient {
  readonly events = new EventBus();
  info: AppInfo;
  readonly #options: CoreClientOptions;
  readonly #log: (line: string) => void;
  #worker: CoreProcess;
  /** Resolves when the current worker's thread has ended. */
  #exited: Promise<void>;
  #ready: Promise<void>;
  /** When the core last had to be started again; a core that keeps stopping is not restarted forever. */
  readonly #restarts: number[] = [];
  #closing: Promise<void> | null = null;
  #failedToStart: Error | null = null;
  readonly #pending = new Map<number, Pending>();
  readonly #idleWaits = new Map<number, () => void>();
  #nextId = 1;
  /** Trusted in-process callers (Electron main's own menu): every command. */
  readonly dispatch: Dispatch = (name, args) => this.#call(null, name, args);
  readonly #hostDispatch: Record<Host, Dispatch> = {
    cli: (name, args) => this.#call('cli', name, args),
    ipc: (name, args) => this.#call('ipc', name, args),
    serve: (name, args) => this.#call('serve', name, args),
  };
  /**
   * For tests. `terminate`: the core's process is killed (a utility process; a thread this way may take
   * the whole process down with it, see `crash-for-test`). `crash`: the core ends the way a bug would end
   * it (an uncaught error); resolves once it has ended.
   */
  readonly testHooks = {
    terminate: (): Promise<unknown> => this.#worker.terminate(),
    crash: async (): Promise<void> => {
      const exited = this.#exited;
      this.#send({ kind: 'crash-for-test' });
      await exited;
    },
  };

  private constructor(options: CoreClientOptions, { worker, exited, info }: Spawned) {
    this.#options = options;
    this.#log = options.log ?? ((line) => console.error(line));
    this.#worker = worker;
    this.#exited = exited;
    this.info = info;
    this.#ready = Promise.resolve();
    this.#attach(worker);
  }

  /** Starts the core and resolves once its library is open; rejects with the core's reason (e.g. LibraryInUseError). */
  static async start(options: CoreClientOptions): Promise<CoreClient> {
    return new CoreClient(options, await CoreClient.#spawn(options));
  }

  static #spawn(options: CoreClientOptions): Promise<Spawned> {
    const hostServices = (['chooseBackupFile', 'chooseLibraryFolder', 'openPath', 'encryptSecret', 'decryptSecret', 'confirmArchiveLink'] as const).filter((name) => options.host?.[name] !== undefined);
    const data: CoreWorkerData = { libraryDir: options.libraryDir, runtime: options.runtime, hostServices, ...(options.allowRendererLoopback ? { allowRendererLoopback: true } : {}) };
    const worker = (options.launch ?? inWorkerThread)(data);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    return new Promise((resolve, reject) => {
      let failure: Error | null = null;
      const onMessage = (message: FromCore): void => {
        if (message.kind === 'start-failed') failure = new CoreStartError(message.name, message.message);
        if (message.kind !== 'ready') return;
        settle();
        resolve({ worker, exited, info: message.info, generation: message.generation });
      };
      const onError = (error: Error): void => {
        failure ??= error;
      };
      const onExit = (code: number): void => {
        settle();
        reject(failure ?? new Error(`the core stopped while starting (exit code ${code})`));
      };
      const settle = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  /** The dispatcher a host hands its callers: only the commands the contract gives that host. */
  dispatchFor(host: Host): Dispatch {
    return this.#hostDispatch[host];
  }

  /** Resolves once every change committed so far is indexed (the bench and tests wait for this). */
  async whenSearchIdle(): Promise<void> {
    await this.#ready;
    const id = this.#nextId++;
    await new Promise<void>((resolve) => {
      this.#idleWaits.set(id, resolve);
      this.#send({ kind: 'search-idle', id });
    });
  }

  /**
   * Asks the core to cancel running imports (at a transaction boundary), give up index work and close
   * the library; stops its thread if that takes longer than a moment (a long synchronous SQLite step).
   * SQLite's journal keeps the library whole either way.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    await this.#ready.catch(() => {});
    const worker = this.#worker;
    const exited = this.#exited;
    const closed = new Promise<void>((resolve) => worker.on('message', (message: FromCore) => message.kind === 'closed' && resolve()));
    this.#send({ kind: 'close' });
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
    await Promise.race([closed, exited, grace]);
    clearTimeout(timer);
    // Parse workers the core started would keep its thread alive; their work is over.
    await worker.terminate();
    await exited;
    this.#answerPending('The app is shutting down');
  }

  async #call(host: Host | null, name: string, args: unknown): Promise<CommandOutcome<unknown>> {
    if (this.#closing) return failed('The app is shutting down');
    try {
      await this.#ready;
    } catch {
      return failed(`The core could not be restarted: ${this.#failedToStart?.message ?? 'unknown error'}`, { kind: 'core.stopped', restarted: false });
    }
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve });
      this.#send({ kind: 'call', id, host, name, args });
    });
  }

  #send(message: ToCore): void {
    this.#worker.postMessage(message);
  }

  #attach(worker: CoreProcess): void {
    worker.on('message', (message: FromCore) => this.#receive(worker, message));
    worker.on('error', (error) => {
      if (!this.#closing) this.#log(`core: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.#closing || worker !== this.#worker) return;
      const now = Date.now();
      this.#restarts.push(now);
      while (this.#restarts[0]! < now - RESTART_WINDOW_MS) this.#restarts.shift();
      const restarting = this.#restarts.length <= MAX_RESTARTS;
      this.#answerPending(
        restarting ? 'The core stopped while running this command; it has been restarted, try again' : 'The core stopped while running this command',
        { kind: 'core.stopped', restarted: restarting },
      );
      if (!restarting) {
        this.#log(`core: the core stopped (exit code ${code}) ${this.#restarts.length} times in a minute; not starting it again`);
        this.#failedToStart = new Error('it stopped too often');
        this.#ready = Promise.reject(this.#failedToStart);
        this.#ready.catch(() => {});
        return;
      }
      this.#log(`core: the core stopped (exit code ${code}); starting it again`);
      this.events.emit('search.state', { state: 'loading' });
      this.#restart();
    });
  }

  #restart(): void {
    this.#ready = CoreClient.#spawn(this.#options).then(
      ({ worker, exited, info, generation }) => {
        this.#worker = worker;
        this.#exited = exited;
        if (this.#closing) return;
        this.info = info;
        this.#attach(worker);
        this.#log('core: started again');
        // What the UI shows may be older than the library: the same signal a library move sends.
        this.events.emit('library.changed', { changed: [], removed: [], generation });
      },
      (error: unknown) => {
        this.#failedToStart = error instanceof Error ? error : new Error(String(error));
        this.#log(`core: could not start again: ${this.#failedToStart.message}`);
        throw this.#failedToStart;
      },
    );
    this.#ready.catch(() => {});
  }

  #answerPending(message: string, reason?: FailureReason): void {
    for (const pending of this.#pending.values()) pending.resolve(failed(message, reason));
    this.#pending.clear();
    for (const resolve of this.#idleWaits.values()) resolve();
    this.#idleWaits.clear();
  }

  #receive(worker: CoreProcess, message: FromCore): void {
    switch (message.kind) {
      case 'result': {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        pending?.resolve(message.outcome);
        return;
      }
      case 'event':
        this.events.emit(message.event, message.payload);
        return;
      case 'search-idle':
        this.#idleWaits.get(message.id)?.();
        this.#idleWaits.delete(message.id);
        return;
      case 'info':
        this.info = message.info;
        return;
      case 'library-moved':
        this.#options.onLibraryMoved?.(message.libraryDir);
        return;
      case 'unexpected-error':
        if (this.#options.onUnexpectedError) this.#options.onUnexpectedError(message.command, message.error);
        else this.#log(`error in ${message.command}: ${message.error}`);
        return;
      case 'host-call':
        void this.#hostCall(worker, message.id, message.service, message.args);
        return;
      default:
        return;
    }
  }

  async #hostCall(worker: CoreProcess, id: number, service: HostServiceName, args: unknown[]): Promise<void> {
    const reply = (message: ToCore): void => {
      if (worker === this.#worker && !this.#closing) worker.postMessage(message);
    };
    try {
      const host = this.#options.host ?? {};
      const calls: Record<HostServiceName, () => Promise<unknown>> = {
        chooseBackupFile: async () => host.chooseBackupFile?.(String(args[0])),
        openPath: async () => host.openPath?.(String(args[0])),
        chooseLibraryFolder: async () => host.chooseLibraryFolder?.(),
        encryptSecret: async () => host.encryptSecret?.(String(args[0])),
        decryptSecret: async () => host.decryptSecret?.(String(args[0])),
        confirmArchiveLink: async () => host.confirmArchiveLink?.(String(args[0]), String(args[1])),
      };
      const value = await calls[service]();
      reply({ kind: 'host-result', id, value: value ?? null });
    } catch (error) {
      reply({ kind: 'host-result', id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function failed(message: string, reason?: FailureReason): CommandOutcome<unknown> {
  return { ok: false, error: reason ? { code: 'failed', message, reason } : { code: 'failed', message } };
}
