import { css } from 'lit';

/** Design tokens shared by every component; themes only change these custom properties. */
export const tokens = css`
  :host {
    --nr-font-sans: 'Be Vietnam Pro', system-ui, sans-serif;
    --nr-font-serif: 'Noto Serif', Georgia, serif;
    --nr-bg: #fbfaf7;
    --nr-surface: #ffffff;
    --nr-surface-2: #f1efe9;
    --nr-text: #1d1c1a;
    --nr-text-muted: #5c5a55;
    --nr-border: #dedad2;
    --nr-accent: #0b5cad;
    --nr-accent-text: #ffffff;
    --nr-mark: #ffe27a;
    --nr-mark-current: #ff9d3b;
    --nr-mark-line: #c25700;
    --nr-hl-yellow: #fbe38e;
    --nr-hl-green: #bfe8c0;
    --nr-hl-blue: #bcdcfa;
    --nr-hl-pink: #f7c6dd;
    --nr-danger: #a4161a;
    /* Text on a --nr-danger background. */
    --nr-on-danger: #ffffff;
    /* Borders that identify a control (inputs, selects, sliders): at least 3:1 against the background. */
    --nr-border-strong: #8a8478;
    --nr-radius: 6px;
    /* A two-tone ring: visible on every surface, whatever the theme. */
    --nr-focus: 0 0 0 2px var(--nr-bg), 0 0 0 4px var(--nr-accent);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --nr-bg: #161615;
    --nr-surface: #1f1f1d;
    --nr-surface-2: #2a2a27;
    --nr-text: #ecebe7;
    --nr-text-muted: #b3b0a8;
    --nr-border: #3a3935;
    --nr-accent: #7fb6ff;
    --nr-accent-text: #0c1a2b;
    --nr-mark: #6b5a00;
    /* Dark enough that text on the current match keeps 4.5:1. */
    --nr-mark-current: #8f4700;
    --nr-mark-line: #ffb266;
    --nr-hl-yellow: #5c4d0e;
    --nr-hl-green: #1f4a26;
    --nr-hl-blue: #1b3d61;
    --nr-hl-pink: #5a2440;
    --nr-danger: #ff8a8a;
    --nr-on-danger: #2a0a0a;
    --nr-border-strong: #77736a;
    color-scheme: dark;
  }
  :host([theme='sepia']) {
    --nr-bg: #f4ecd8;
    --nr-surface: #f8f1e0;
    --nr-surface-2: #ebe0c5;
    --nr-text: #3b2f1e;
    --nr-text-muted: #5e4e36;
    --nr-border: #d9c9a3;
    --nr-accent: #7a4a12;
    --nr-accent-text: #ffffff;
    --nr-mark: #f2cf62;
    --nr-hl-yellow: #f3d978;
    --nr-hl-green: #c9ddb0;
    --nr-hl-blue: #c4d6e6;
    --nr-hl-pink: #ecc4cf;
    --nr-border-strong: #8c7a57;
    --nr-mark-line: #b35000;
  }
`;

/** Shared control styles: visible focus everywhere, calm buttons. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    background: var(--nr-surface-2);
    border: 1px solid var(--nr-border);
    border-radius: var(--nr-radius);
    padding: 0.3rem 0.7rem;
    cursor: pointer;
  }
  /* The browser's own select colours fail contrast in a dark scheme; selects take the theme's. */
  select {
    background: var(--nr-surface);
    border: 1px solid var(--nr-border-strong);
    border-radius: var(--nr-radius);
    padding: 0.25rem 0.4rem;
  }
  button.primary {
    background: var(--nr-accent);
    color: var(--nr-accent-text);
    border-color: var(--nr-accent);
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--nr-focus);
  }
`;

/** A form's labelled fields, one under the other: a label above each, text and number boxes full width. */
export const formFields = css`
  label {
    display: block;
    margin: 0.5rem 0 0.2rem;
  }
  input[type='text'],
  input[type='number'] {
    width: 100%;
    box-sizing: border-box;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--nr-border-strong);
    border-radius: var(--nr-radius);
    background: var(--nr-surface);
  }
`;

/** A status shown as label and value pairs (a <dl>), the labels muted in a column of their own. */
export const statusList = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.8rem;
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
  }
  dt {
    color: var(--nr-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** Highlight colours, shared by the reader's spans and every swatch that stands for a colour. */
export const highlightColors = css`
  .hl-yellow {
    background: var(--nr-hl-yellow);
  }
  .hl-green {
    background: var(--nr-hl-green);
  }
  .hl-blue {
    background: var(--nr-hl-blue);
  }
  .hl-pink {
    background: var(--nr-hl-pink);
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    border: 1px solid var(--nr-border);
    vertical-align: -0.05em;
    flex: none;
  }
`;

/** The modal dialogs' frame (settings, shortcut sheet): one look, each dialog choosing its width. */
export const modalDialog = css`
  dialog {
    width: min(var(--nr-dialog-width, 40rem), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--nr-border-strong);
    border-radius: 10px;
    background: var(--nr-surface);
    color: var(--nr-text);
    font-family: var(--nr-font-sans);
    box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3);
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  header {
    position: sticky;
    top: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.8rem 1.2rem;
    background: var(--nr-surface);
    border-bottom: 1px solid var(--nr-border);
    z-index: 1;
  }
  h2 {
    margin: 0;
    font-size: 1.2rem;
  }
`;
