import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The app shell: it renders one <nr-sidebar> and the `.drawer-toggle` button that opens it. */
type ShellHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Choosing any of these in the sidebar closes the drawer (they bubble out of it). */
const CHOICES = ['nr-select', 'nr-show-annotations', 'nr-open-settings', 'nr-open-shortcuts'] as const;

/**
 * Narrow windows hide the sidebar; this is the drawer that brings it back over the list: opened by
 * the header's labelled button with focus on its first entry, closed by a choice in it, a click on
 * the backdrop, or Esc (focus back on the button). Wide windows ignore `open` (styles/app-styles.ts).
 */
export class DrawerController implements ReactiveController {
  open = false;
  readonly #host: ShellHost;

  constructor(host: ShellHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    for (const name of CHOICES) this.#host.addEventListener(name, this.close);
  }

  hostDisconnected(): void {
    for (const name of CHOICES) this.#host.removeEventListener(name, this.close);
  }

  close = (): void => {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
  };

  async toggle(): Promise<void> {
    this.open = !this.open;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (this.open) this.#host.renderRoot.querySelector('nr-sidebar')?.shadowRoot?.querySelector<HTMLElement>('button')?.focus();
  }

  /** Esc in the open drawer: closed, focus back on the button that opened it, and no other Esc action. */
  onKey = (event: KeyboardEvent): void => {
    if (!this.open || event.key !== 'Escape') return;
    event.stopPropagation();
    this.close();
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('.drawer-toggle')?.focus());
  };
}
