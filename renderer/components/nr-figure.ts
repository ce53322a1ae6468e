import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { Figure } from '../../contract/index.ts';

/** Where the hosts serve the library's photos: serve's token-checked route, and app://bundle/images/ in the desktop app. */
const IMAGES_PATH = '/images/';

/**
 * One photo of an article, from the library only (never from the network): lazy-loaded with its alt
 * text, its place reserved from the stored size, its credit when the caption beside it does not already
 * say it. A photo that was not kept says so and keeps its alt text. The caption itself is body text the
 * reader draws (highlights and search marks go on it), so it is not part of this element.
 */
export class NrFigure extends LitElement {
  static override properties = {
    figure: { attribute: false },
    caption: { attribute: false },
    broken: { state: true },
  };

  declare figure: Figure | null;
  /** The caption text drawn beside the photo, to tell whether the credit still needs showing. */
  declare caption: string;
  /** The host had no such photo (an article restored from an export without its photos). */
  declare broken: boolean;

  static override styles = css`
    :host {
      display: block;
    }
    img {
      display: block;
      max-width: 100%;
      height: auto;
      border-radius: var(--nr-radius, 4px);
      background: var(--nr-surface-muted, rgba(127, 127, 127, 0.12));
    }
    .credit {
      font-family: var(--nr-font-sans);
      font-size: 0.75rem;
      color: var(--nr-text-muted);
      text-align: right;
      margin-top: 0.2rem;
    }
    .unavailable {
      font-family: var(--nr-font-sans);
      font-size: 0.85rem;
      color: var(--nr-text-muted);
      border: 1px dashed var(--nr-border-strong, currentColor);
      border-radius: var(--nr-radius, 4px);
      padding: 0.75rem 1rem;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.figure = null;
    this.caption = '';
    this.broken = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('figure')) this.broken = false;
  }

  override render() {
    const figure = this.figure;
    if (!figure) return nothing;
    const credit = figure.credit && !this.caption.includes(figure.credit) ? html`<div class="credit">${figure.credit}</div>` : nothing;
    if (!figure.image || this.broken) {
      return html`<div class="unavailable" role="img" aria-label=${figure.alt || msg('Ảnh không có trong thư viện')}>
          ${msg('Ảnh này không được lưu vào thư viện.')}${figure.alt ? html` <span class="alt">${figure.alt}</span>` : nothing}
        </div>
        ${credit}`;
    }
    return html`<img
        src=${IMAGES_PATH + figure.image}
        alt=${figure.alt}
        loading="lazy"
        decoding="async"
        width=${figure.width ?? nothing}
        height=${figure.height ?? nothing}
        @error=${() => (this.broken = true)}
      />
      ${credit}`;
  }
}

customElements.define('nr-figure', NrFigure);

declare global {
  interface HTMLElementTagNameMap {
    'nr-figure': NrFigure;
  }
}
