import type * as v from 'valibot';
import {
  allowedOn,
  isCommandName,
  validateArgs,
  type CommandName,
  type CommandOutcome,
  type CommandResult,
  type Commands,
  type Host,
} from '../contract/index.ts';
import { CommandError } from './command-error.ts';

/** Who sent a call: its host (absent: a trusted in-process caller), for handlers whose policy depends on it. */
export interface Caller {
  host?: Host;
}

/** One handler per declared command; the mapped type makes a missing or mistyped handler a compile error. */
export type CommandHandlers = {
  [N in CommandName]: (args: v.InferOutput<Commands[N]['args']>, caller: Caller) => Promise<CommandResult<N>> | CommandResult<N>;
};

export type Dispatch = (name: string, args: unknown) => Promise<CommandOutcome<unknown>>;

export interface DispatcherOptions {
  /** The host calls come from; commands the contract does not give it are refused. Absent: trusted in-process calls. */
  host?: Host;
  onUnexpected?: (name: string, error: unknown) => void;
  /** Turns an error a handler did not foresee into one the user can act on (e.g. disk full), or null. */
  explain?: (error: unknown) => CommandError | null;
}

/**
 * Validates and runs commands for any host. Nothing a caller sends can crash the host:
 * unknown names, commands this host may not call and bad arguments are answered before a handler
 * runs, and handler errors come back as an envelope with a one-line message.
 */
export function createDispatcher(handlers: CommandHandlers, options: DispatcherOptions = {}): Dispatch {
  const { host, onUnexpected, explain } = options;
  return async (name, args) => {
    if (typeof name !== 'string' || !isCommandName(name)) {
      return { ok: false, error: { code: 'unknown-command', message: `Unknown command: ${String(name).slice(0, 100)}` } };
    }
    if (host && !allowedOn(name, host)) {
      return {
        ok: false,
        error: { code: 'unsupported', message: `${name} cannot be called from ${host}`, reason: { kind: 'command.not-allowed', command: name } },
      };
    }
    const checked = validateArgs(name, args);
    if (!checked.ok) return { ok: false, error: { code: 'invalid-arguments', message: checked.message } };
    try {
      const handler = handlers[name] as (a: unknown, caller: Caller) => unknown;
      return { ok: true, value: await handler(checked.value, host ? { host } : {}) };
    } catch (thrown) {
      const error = explain?.(thrown) ?? thrown;
      if (error instanceof CommandError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) } };
      }
      if (error instanceof Error && error.name === 'NotFoundError') {
        return { ok: false, error: { code: 'not-found', message: error.message } };
      }
      onUnexpected?.(name, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'failed', message: `${name} failed: ${message.split('\n')[0]}` } };
    }
  };
}
