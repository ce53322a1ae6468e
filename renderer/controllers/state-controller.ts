import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Observable } from '../state/observable.ts';

/**
 * Re-renders its host whenever a piece of state changes. The state is given directly (the element that
 * owns it) or as a context key (an element inside <nr-app>, which provides it). `value` is undefined
 * only until a context provider has answered.
 */
export class StateController<T extends Observable> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #value: T | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, source: T | Context<unknown, T>) {
    this.#host = host;
    host.addController(this);
    if (source instanceof Observable) this.#value = source;
    else new ContextConsumer(host, { context: source, subscribe: true, callback: (value) => this.#attach(value) });
  }

  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(value: T): void {
    this.#value = value;
    this.#listen();
    this.#host.requestUpdate();
  }

  #listen(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#value?.subscribe(() => this.#host.requestUpdate());
  }
}
