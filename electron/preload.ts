// Sandboxed preload: bundled to one CommonJS file, it may import only `electron` and the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { COMMAND_NAMES, EVENT_NAMES, type EventName } from '../contract/command-names.ts';
import type { CommandOutcome, NewsroomBridge } from '../contract/index.ts';
import { EVENT_CHANNEL } from './ipc-channels.ts';

const knownCommands = new Set<string>(COMMAND_NAMES);
const knownEvents = new Set<string>(EVENT_NAMES);

const bridge: NewsroomBridge = {
  async call(name, args) {
    if (typeof name !== 'string' || !knownCommands.has(name)) {
      return { ok: false, error: { code: 'unknown-command', message: `Unknown command: ${String(name).slice(0, 100)}` } };
    }
    try {
      return (await ipcRenderer.invoke(name, args)) as CommandOutcome<unknown>;
    } catch {
      // Main registers only the commands the contract gives the renderer; the others have no handler.
      return { ok: false, error: { code: 'unsupported', message: `${name} cannot be called from the app window`, reason: { kind: 'command.not-allowed', command: name } } };
    }
  },
  on(event: EventName, listener: (payload: unknown) => void) {
    if (!knownEvents.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    // The raw IpcRendererEvent (and with it ipcRenderer) never reaches the page.
    const handler = (_event: unknown, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('newsroom', Object.freeze(bridge));
