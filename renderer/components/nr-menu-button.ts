import { LitElement, css, html, nothing } from 'lit';
import { controls } from '../styles/tokens.ts';
import { emit } from '../events.ts';

/** One entry of the menu: what `nr-menu-select` sends back, its text, and the key that does it too. */
export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
}

/**
 * A button that opens a menu of actions (the WAI-ARIA menu button pattern): Enter, Space or ↓ open it
 * on the first item, ↑ on the last; arrows, Home and End move; Esc and Tab close it, Esc giving focus
 * back to the button; a click outside closes it. Emits `nr-menu-select` (the item's id, local).
 */
export class NrMenuButton extends LitElement {
  static override properties = {
    label: { type: String },
    text: { type: String },
    items: { attribute: false },
    open: { state: true },
  };

  /** The button's accessible name and tooltip. */
  declare label: string;
  /** What the button shows. */
  declare text: string;
  declare items: MenuItem[];
  declare open: boolean;

  constructor() {
    super();
    this.label = '';
    this.text = '⋯';
    this.items = [];
    this.open = false;
  }

  static override styles = [
    controls,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      button[aria-haspopup] {
        padding: 0.3rem 0.5rem;
      }
      [role='menu'] {
        position: absolute;
        right: 0;
        top: calc(100% + 4px);
        z-index: 10;
        display: grid;
        min-width: 12rem;
        margin: 0;
        padding: 0.25rem;
        background: var(--nr-surface);
        border: 1px solid var(--nr-border);
        border-radius: var(--nr-radius);
        box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
      }
      [role='menuitem'] {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        border: none;
        background: none;
        text-align: left;
        white-space: nowrap;
      }
      [role='menuitem']:hover,
      [role='menuitem']:focus {
        background: var(--nr-surface-2);
      }
      kbd {
        font-family: inherit;
        color: var(--nr-text-muted);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pointerdown', this.#onWindowPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this.#onWindowPointerDown);
  }

  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  async #show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    await this.updateComplete;
    const items = this.#menuItems();
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
  }

  #hide(returnFocus: boolean): void {
    this.open = false;
    if (returnFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button[aria-haspopup]')?.focus());
  }

  #onWindowPointerDown = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.#hide(false);
  };

  #onButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      void this.#show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  #onMenuKey = (event: KeyboardEvent): void => {
    // Keys in the menu are for the menu: not for the toolbar nor the app's single-key shortcuts.
    event.stopPropagation();
    const items = this.#menuItems();
    const index = items.indexOf(this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as HTMLElement) : items[0]!);
    const moveTo = (next: number) => {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.#hide(true);
    } else if (event.key === 'Tab') this.#hide(false);
  };

  #choose(id: string): void {
    this.#hide(true);
    emit(this, 'nr-menu-select', id);
  }

  override render() {
    return html`<button
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'menu' : nothing}
        aria-label=${this.label}
        title=${this.label}
        @click=${() => (this.open ? this.#hide(false) : void this.#show('first'))}
        @keydown=${this.#onButtonKey}
      >
        ${this.text}
      </button>
      ${this.open
        ? html`<div id="menu" role="menu" aria-label=${this.label} @keydown=${this.#onMenuKey}>
            ${this.items.map(
              (item) =>
                html`<button role="menuitem" tabindex="-1" aria-keyshortcuts=${item.shortcut ?? nothing} @click=${() => this.#choose(item.id)}>
                  <span>${item.label}</span>${item.shortcut ? html`<kbd aria-hidden="true">${item.shortcut}</kbd>` : nothing}
                </button>`,
            )}
          </div>`
        : nothing}`;
  }
}

customElements.define('nr-menu-button', NrMenuButton);

declare global {
  interface HTMLElementTagNameMap {
    'nr-menu-button': NrMenuButton;
  }
}
