// What the core worker (commands/core-worker.ts) and its host-side client (commands/core-client.ts)
// say to each other over the worker's port. Commands and events travel in the contract's own
// envelopes, so a host forwards them untouched.
import type { AppInfo, CommandOutcome, EventName, EventPayload, Host } from '../contract/index.ts';

/** The host services a worker can ask its parent for (Electron's native dialogs). */
export type HostServiceName = 'chooseBackupFile' | 'chooseLibraryFolder' | 'openPath' | 'encryptSecret' | 'decryptSecret' | 'confirmArchiveLink';

export interface CoreWorkerData {
  libraryDir: string;
  runtime: AppInfo['runtime'];
  /** The host services the parent offers; the worker proxies each call back to it. */
  hostServices: HostServiceName[];
  /** TEST ONLY: see SourceServiceOptions.allowRendererLoopback. */
  allowRendererLoopback?: boolean;
}

export type ToCore =
  /** `host` absent: a trusted in-process caller (Electron main's own menu) that may call every command. */
  | { kind: 'call'; id: number; host: Host | null; name: string; args: unknown }
  | { kind: 'host-result'; id: number; value?: unknown; error?: string }
  /** Resolves once every committed change is indexed (the CLI, tests and the bench wait for this). */
  | { kind: 'search-idle'; id: number }
  /** Cancels running imports at their next transaction boundary, abandons index work, closes the library. */
  | { kind: 'close' }
  /**
   * Tests only (`CoreClient.testHooks.crash`): the core throws an uncaught error at its next turn, the
   * way a bug would end it. Not `Worker.terminate()`: that stops a thread inside a native call (a SQLite
   * step), and Node may then abort the whole process.
   */
  | { kind: 'crash-for-test' };

export type FromCore =
  | { kind: 'ready'; info: AppInfo; generation: number }
  | { kind: 'start-failed'; name: string; message: string }
  | { kind: 'result'; id: number; outcome: CommandOutcome<unknown> }
  | { kind: 'search-idle'; id: number }
  | { kind: 'event'; event: EventName; payload: EventPayload<EventName> }
  | { kind: 'host-call'; id: number; service: HostServiceName; args: unknown[] }
  | { kind: 'info'; info: AppInfo }
  | { kind: 'library-moved'; libraryDir: string }
  | { kind: 'unexpected-error'; command: string; error: string }
  | { kind: 'closed' };

/**
 * Where the core runs, as its client sees it: a worker thread (serve, and tests) or Electron's utility
 * process (the desktop app, which forks it in main: only electron/main.ts may import electron). Both
 * run commands/core-worker.ts; Node's Worker has exactly this shape.
 */
export interface CoreProcess {
  postMessage(message: ToCore): void;
  on(event: 'message', listener: (message: FromCore) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: FromCore) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'exit', listener: (code: number) => void): unknown;
  /** Stops it the hard way; resolves once it has ended. */
  terminate(): Promise<unknown>;
}

/** Starts a core with this data: as a worker thread unless the host brings its own (Electron). */
export type CoreLauncher = (data: CoreWorkerData) => CoreProcess;
