import { css } from 'lit';
import { controls, tokens } from './tokens.ts';

/** The application shell's layout (nr-app): header, messages, the panes and their separators, focus mode, the one-pane layout. */
export const appStyles = [
  tokens,
  controls,
  css`
    :host {
      display: grid;
      grid-template-rows: auto auto 1fr;
      height: 100vh;
      background: var(--nr-bg);
      color: var(--nr-text);
      font-family: var(--nr-font-sans);
    }
    header {
      display: flex;
      gap: 0.6rem;
      align-items: center;
      padding: 0.5rem 0.8rem;
      border-bottom: 1px solid var(--nr-border);
      background: var(--nr-surface);
    }
    .brand {
      font-weight: 600;
      white-space: nowrap;
    }
    nr-search-box {
      flex: 1;
      max-width: 40rem;
    }
    header[hidden] {
      display: none;
    }
    /* Pane widths come from the settings (--nr-sidebar-width, --nr-list-width); the separators sit in
       zero-width columns and overlap the borders they stand for. */
    main {
      grid-row: 3;
      display: grid;
      grid-template-columns: var(--nr-sidebar-width, 220px) 0 minmax(200px, var(--nr-list-width, 380px)) 0 minmax(0, 1fr);
      min-height: 0;
    }
    main.with-panel {
      grid-template-columns: var(--nr-sidebar-width, 220px) 0 minmax(200px, var(--nr-list-width, 380px)) 0 minmax(16rem, 1fr) minmax(14rem, 19rem);
    }
    main > * {
      min-height: 0;
      border-right: 1px solid var(--nr-border);
    }
    main > nr-splitter {
      border-right: none;
    }
    main.focus {
      grid-template-columns: minmax(0, 1fr);
    }
    main.focus > :not(nr-reader) {
      display: none;
    }
    main.focus.editing.with-panel {
      grid-template-columns: minmax(0, 1fr) minmax(14rem, 19rem);
    }
    main.focus.editing > nr-annotation-list {
      display: block;
    }
    nr-settings,
    nr-shortcut-sheet {
      display: contents;
    }
    .narrow-only {
      display: none;
    }
    /* Skip links: out of sight until the keyboard reaches them, first thing in the page. */
    .skip-link {
      position: absolute;
      left: 0.5rem;
      top: -10rem;
      z-index: 40;
      padding: 0.4rem 0.7rem;
      background: var(--nr-surface);
      color: var(--nr-text);
      border: 2px solid var(--nr-accent);
      border-radius: var(--nr-radius);
    }
    .skip-link:focus {
      top: 0.5rem;
    }
    .theme-choice {
      display: inline-flex;
      gap: 0.35rem;
      align-items: center;
      font-size: 0.85rem;
      white-space: nowrap;
    }
    .drawer-backdrop {
      display: none;
    }

    input[type='file'] {
      display: none;
    }
    @media (max-width: 760px) {
      main,
      main.with-panel {
        grid-template-columns: 1fr;
      }
      nr-sidebar,
      nr-splitter {
        display: none;
      }
      .narrow-only {
        display: inline-block;
      }
      /* The sidebar comes back as a drawer over the list. */
      nr-sidebar.drawer-open {
        display: flex;
        position: fixed;
        top: 0;
        bottom: 0;
        left: 0;
        width: min(85vw, 20rem);
        z-index: 30;
        overflow: auto;
        background: var(--nr-surface);
        box-shadow: 4px 0 24px rgba(0, 0, 0, 0.25);
      }
      .drawer-backdrop {
        display: block;
        position: fixed;
        inset: 0;
        z-index: 29;
        background: rgba(0, 0, 0, 0.35);
      }
      /* One pane at a time: the list, or the reader (with its annotations below). */
      main[data-pane='list'] nr-reader,
      main[data-pane='list'] nr-annotation-list {
        display: none;
      }
      header {
        flex-wrap: wrap;
      }
      header nr-search-box {
        order: 1;
        flex-basis: 100%;
        max-width: none;
      }
      main[data-pane='reader'] .list-pane {
        display: none;
      }
      main.with-panel[data-pane='reader'] {
        grid-template-rows: minmax(0, 1fr) minmax(0, 40%);
      }
    }
  `,
];
