import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../contract/index.ts';

/** Host-to-renderer events, typed by the contract. Hosts subscribe and forward them over IPC or SSE. */
export class EventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Every open window or SSE client adds a listener; a busy newsroom may keep many tabs.
    this.#emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.#emitter.emit('event', event, payload);
  }

  /** Listens to every event; returns the unsubscribe function. */
  onAny(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
