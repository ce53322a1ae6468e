import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventName, EventPayload } from '../../contract/index.ts';
import { archiveContext } from '../contexts.ts';
import type { ArchiveModel } from '../state/archive-model.ts';

/** What the controller needs of the client: the host's events. */
export interface HostEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Connects the archive model to the app shell: provides it to the elements inside (@lit/context),
 * and while the shell is in the page feeds it the host's `archive.status` and `annotations.changed`
 * events and reads the status once.
 */
export class ArchiveController implements ReactiveController {
  readonly #model: ArchiveModel;
  readonly #events: HostEvents;
  #off: (() => void)[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, model: ArchiveModel, events: HostEvents) {
    this.#model = model;
    this.#events = events;
    new ContextProvider(host, { context: archiveContext, initialValue: model });
    host.addController(this);
  }

  hostConnected(): void {
    const model = this.#model;
    this.#off.push(
      this.#events.on('archive.status', (status) => model.statusChanged(status)),
      this.#events.on('annotations.changed', ({ articleIds }) => void model.annotationsChanged(articleIds)),
    );
    void model.load();
  }

  hostDisconnected(): void {
    for (const off of this.#off.splice(0)) off();
  }
}
