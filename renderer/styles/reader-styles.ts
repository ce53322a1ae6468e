import { css } from 'lit';
import { controls, highlightColors } from './tokens.ts';

/** The reading view's look (nr-reader): toolbar, article typography, search marks and highlights. */
export const readerStyles = [
  controls,
  highlightColors,
  css`
    .article-details {
      max-width: 42rem;
      margin: 0.75rem auto 0;
      padding: 0 1.5rem;
      font-family: var(--nr-font-sans);
      font-size: 0.85rem;
      color: var(--nr-text-muted);
    }
    .article-details summary {
      cursor: pointer;
    }
    :host {
      position: relative;
      display: block;
      height: 100%;
      overflow: auto;
      background: var(--nr-bg);
      color: var(--nr-text);
    }
    .toolbar {
      position: sticky;
      top: 0;
      display: flex;
      gap: 0.3rem 0.6rem;
      align-items: center;
      padding: 0.5rem 0.75rem;
      background: var(--nr-bg);
      border-bottom: 1px solid var(--nr-border);
      font-size: 0.85rem;
      flex-wrap: wrap;
      z-index: 6;
    }
    .toolbar button {
      white-space: nowrap;
      padding: 0.3rem 0.5rem;
    }
    /* Buttons that belong together stay together when a narrow reader wraps the toolbar. */
    .toolbar .group {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }
    .spacer {
      flex: 1;
    }
    /* Caret mode's key hint, pinned to the bottom of the reader while it is on. */
    .caret-hint {
      position: sticky;
      bottom: 0;
      margin: 0;
      padding: 0.4rem 1rem;
      background: var(--nr-surface);
      border-top: 1px solid var(--nr-border);
      font-family: var(--nr-font-sans);
      font-size: 0.8rem;
      color: var(--nr-text);
      z-index: 6;
    }
    :host(:focus-visible) {
      outline: 2px solid var(--nr-accent);
      outline-offset: -2px;
    }
    /* Typography comes from the reader settings (--nr-reader-*), set by the app. */
    article {
      max-width: var(--nr-reader-measure, 68ch);
      margin: 0 auto;
      padding: 1.5rem 1.5rem 4rem;
      font-family: var(--nr-reader-font, var(--nr-font-serif));
      font-size: var(--nr-reader-size, 19px);
      /* Room between lines for Vietnamese stacked marks (ệ, ỗ, ặ). */
      line-height: 1.7;
      /* Words break only at soft hyphens the text carries; a long URL or token wraps rather than overflows. */
      hyphens: manual;
      overflow-wrap: anywhere;
    }
    h1 {
      font-family: var(--nr-font-sans);
      font-size: 1.5em;
      line-height: 1.4;
      margin: 0 0 0.5rem;
    }
    .byline {
      font-family: var(--nr-font-sans);
      font-size: 0.85rem;
      color: var(--nr-text-muted);
      margin-bottom: 1.5rem;
    }
    .byline a {
      color: inherit;
    }
    blockquote {
      border-left: 3px solid var(--nr-border);
      margin: 1rem 0;
      padding-left: 1rem;
      font-style: italic;
    }
    figure.photo {
      margin: 1.25rem 0;
    }
    figure.photo figcaption {
      margin: 0.4rem 0 0;
    }
    figcaption {
      font-family: var(--nr-font-sans);
      font-size: 0.85rem;
      color: var(--nr-text-muted);
      margin: -0.4rem 0 1rem;
    }
    h2 {
      font-family: var(--nr-font-sans);
      font-size: 1.15em;
      line-height: 1.45;
    }
    .prefs-anchor {
      position: relative;
    }
    .prefs-popover {
      position: absolute;
      top: calc(100% + 0.4rem);
      right: 0;
      z-index: 8;
      width: min(22rem, 80vw);
      padding: 0.9rem 1rem;
      background: var(--nr-surface);
      color: var(--nr-text);
      border: 1px solid var(--nr-border-strong);
      border-radius: 8px;
      box-shadow: 0 8px 28px rgba(0, 0, 0, 0.25);
      white-space: normal;
    }
    .prefs-popover h2 {
      font-size: 0.95rem;
      margin: 0 0 0.6rem;
    }
    /* Search matches are outlined and underlined rather than filled, so a highlight's colour
       stays readable under them; the current one is filled. */
    mark {
      background: transparent;
      color: inherit;
      border-radius: 2px;
      outline: 2px solid var(--nr-mark-line);
      text-decoration: underline 2px var(--nr-mark-line);
      text-underline-offset: 0.2em;
    }
    mark.current {
      background: var(--nr-mark-current);
      outline: 3px solid var(--nr-mark-current);
    }
    /* A typo correction the search made, not a word as typed: dashed and wavy, with a tooltip. */
    mark.typo {
      outline-style: dashed;
      text-decoration-style: wavy;
      cursor: help;
    }
    .hl {
      color: inherit;
      cursor: pointer;
      border-radius: 2px;
    }
    .hl-multi {
      box-shadow: inset 0 -0.15em 0 rgba(0, 0, 0, 0.22);
    }
    .hl[data-flash] {
      outline: 3px solid var(--nr-accent);
    }
    .empty {
      display: grid;
      place-items: center;
      height: 100%;
      color: var(--nr-text-muted);
      font-size: 0.95rem;
    }
  `,
];
