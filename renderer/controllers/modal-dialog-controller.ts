import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement, restoreFocus } from '../modal-dialog.ts';
import { emit } from '../events.ts';

/** An element whose shadow root holds one <dialog>, shown modally while its `open` property is true. */
type DialogHost = ReactiveControllerHost & HTMLElement & { open: boolean; renderRoot: HTMLElement | DocumentFragment };

/**
 * Opens and closes a host's <dialog> as its `open` property changes, gives focus to a chosen control,
 * and on close (button, Escape) sets `open` back, emits `nr-close` and returns focus where it was.
 * Render the dialog with `@close=${controller.onClose}`.
 */
export class ModalDialogController implements ReactiveController {
  readonly #host: DialogHost;
  readonly #focusTarget: () => HTMLElement | null;
  readonly #beforeOpen: () => void;
  #returnFocus: HTMLElement | null = null;

  constructor(host: DialogHost, options: { focusTarget: () => HTMLElement | null; beforeOpen?: () => void }) {
    this.#host = host;
    this.#focusTarget = options.focusTarget;
    this.#beforeOpen = options.beforeOpen ?? (() => {});
    host.addController(this);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  /** Whether the dialog is showing now (the `nr-close` event comes a moment after it closes). */
  get showing(): boolean {
    return this.#dialog?.open ?? false;
  }

  hostUpdated(): void {
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.#host.open && !dialog.open) {
      this.#returnFocus = deepActiveElement();
      this.#beforeOpen();
      dialog.showModal();
      this.#focusTarget()?.focus();
    } else if (!this.#host.open && dialog.open) {
      dialog.close();
    }
  }

  close(): void {
    this.#dialog?.close();
  }

  onClose = (): void => {
    this.#host.open = false;
    emit(this.#host, 'nr-close');
    restoreFocus(this.#returnFocus);
    this.#returnFocus = null;
  };
}
