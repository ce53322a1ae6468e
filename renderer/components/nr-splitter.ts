import { LitElement, css } from 'lit';
import { emit } from '../events.ts';

const STEP = 16;
const BIG_STEP = 64;

/**
 * A vertical separator between two panes, resized by dragging or from the keyboard (← → by 16 px,
 * Shift for 64 px, Home and End for the limits). It is the ARIA separator itself: focusable, with
 * its value, limits and label (`label`). Emits `nr-resize` (PaneResize); the owner applies the size.
 */
export class NrSplitter extends LitElement {
  static override properties = {
    value: { type: Number },
    min: { type: Number },
    max: { type: Number },
    label: { type: String },
  };

  declare value: number;
  declare min: number;
  declare max: number;
  declare label: string;
  #drag: { pointerId: number; startX: number; startValue: number } | null = null;

  constructor() {
    super();
    this.value = 0;
    this.min = 0;
    this.max = 1000;
    this.label = '';
  }

  static override styles = css`
    :host {
      display: block;
      position: relative;
      z-index: 10;
      width: 9px;
      margin-left: -4px;
      justify-self: start;
      cursor: col-resize;
      touch-action: none;
      outline: none;
    }
    :host::after {
      content: '';
      position: absolute;
      inset: 0 3px;
      border-radius: 2px;
    }
    :host(:hover)::after,
    :host([data-dragging])::after {
      background: var(--nr-border-strong);
    }
    :host(:focus-visible)::after {
      background: var(--nr-accent);
      inset: 0 2px;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'separator');
    this.setAttribute('aria-orientation', 'vertical');
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.addEventListener('pointerdown', this.#onPointerDown);
    this.addEventListener('pointermove', this.#onPointerMove);
    this.addEventListener('pointerup', this.#onPointerUp);
    this.addEventListener('pointercancel', this.#onPointerUp);
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.#onPointerDown);
    this.removeEventListener('pointermove', this.#onPointerMove);
    this.removeEventListener('pointerup', this.#onPointerUp);
    this.removeEventListener('pointercancel', this.#onPointerUp);
    this.removeEventListener('keydown', this.#onKey);
  }

  override updated(): void {
    this.setAttribute('aria-valuenow', String(Math.round(this.value)));
    this.setAttribute('aria-valuemin', String(this.min));
    this.setAttribute('aria-valuemax', String(this.max));
    if (this.label) this.setAttribute('aria-label', this.label);
  }

  #clamp(size: number): number {
    return Math.round(Math.min(this.max, Math.max(this.min, size)));
  }

  #emit(size: number, done: boolean): void {
    const clamped = this.#clamp(size);
    this.value = clamped;
    emit(this, 'nr-resize', { size: clamped, done });
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    this.focus();
    this.setPointerCapture(event.pointerId);
    this.#drag = { pointerId: event.pointerId, startX: event.clientX, startValue: this.value };
    this.toggleAttribute('data-dragging', true);
  };

  #onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.#emit(drag.startValue + event.clientX - drag.startX, false);
  };

  #onPointerUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.#drag = null;
    this.removeAttribute('data-dragging');
    this.#emit(drag.startValue + event.clientX - drag.startX, true);
  };

  #onKey = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, number> = {
      ArrowLeft: this.value - step,
      ArrowRight: this.value + step,
      Home: this.min,
      End: this.max,
    };
    if (!(event.key in next) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    this.#emit(next[event.key]!, true);
  };
}

customElements.define('nr-splitter', NrSplitter);

declare global {
  interface HTMLElementTagNameMap {
    'nr-splitter': NrSplitter;
  }
}
