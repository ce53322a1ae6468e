import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTyping } from './typing-guard.ts';

/** Keys on these elements keep their own meaning (Enter activates a button, a row, a separator…). */
const OWN_KEYS = 'button, a[href], summary, select, input, textarea, [role=option], [role=separator], [role=button], [role=radio], [role=checkbox], [role=tab]';

/** Whether a key press lands on a control that has its own use for Enter. */
function onControl(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof Element && target.matches(OWN_KEYS);
}

/** What the shortcuts do; each returns false when it had nothing to act on, so the key stays free. */
export interface ShortcutActions {
  /** An open modal dialog has the keyboard to itself. */
  dialogShowing(): boolean;
  /** j / k: next or previous article; `inList` when the keyboard is in the list (focus follows the row). */
  step(delta: 1 | -1, inList: boolean): void;
  /** o / Enter: the row with focus (its id), else the open article, else the first. */
  openCurrent(rowId: string | undefined): void;
  /** x: the row with focus (its id), else the open article, in or out of the bulk selection. */
  pick(rowId: string | undefined): boolean;
  /** s, m, e on the open article. */
  toggle(flag: 'starred' | 'read' | 'archived'): boolean;
  toggleFocusMode(): boolean;
  showShortcuts(): void;
  focusSearch(): void;
  /** c: caret mode in the article, to select and highlight with the keyboard. */
  startCaret(): boolean;
  /** h / n: highlight the selection in the article, with a note for n. */
  annotateSelection(withNote: boolean): boolean;
  dismissSelection(): boolean;
  closeReaderPrefs(): boolean;
  /** Escape: out of focus mode (true), else… */
  leaveFocusMode(): boolean;
  /** …back from the reader to the list, in the one-pane layout. */
  backToList(): void;
  /** F3 / Shift+F3: the next or previous search match in the article. */
  stepMatch(delta: 1 | -1): void;
}

/** The app's keyboard shortcuts (listed for the user in nr-shortcut-sheet.ts), on the whole window. */
export class KeyboardController implements ReactiveController {
  readonly #actions: ShortcutActions;

  constructor(host: ReactiveControllerHost, actions: ShortcutActions) {
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKey);
  }

  /** The single-key shortcuts; true when the key was one of them. */
  #shortcut(event: KeyboardEvent): boolean {
    const actions = this.#actions;
    switch (event.key) {
      case 'j':
      case 'k': {
        const inList = event.composedPath().some((target) => target instanceof HTMLElement && target.matches('nr-article-list, nr-search-results'));
        actions.step(event.key === 'j' ? 1 : -1, inList);
        return true;
      }
      case 'Enter':
        if (onControl(event)) return false;
        actions.openCurrent(this.#rowId(event));
        return true;
      case 'o':
        actions.openCurrent(this.#rowId(event));
        return true;
      case 'x':
        return actions.pick(this.#rowId(event));
      case 's':
        return actions.toggle('starred');
      case 'm':
        return actions.toggle('read');
      case 'e':
        return actions.toggle('archived');
      case 'f':
        return actions.toggleFocusMode();
      case 'c':
        return actions.startCaret();
      case '?':
        actions.showShortcuts();
        return true;
      default:
        return false;
    }
  }

  /** The id of the list row the key was pressed on, if any. */
  #rowId(event: KeyboardEvent): string | undefined {
    const row = event.composedPath().find((target): target is HTMLElement => target instanceof HTMLElement && target.matches('button.row, button.hit'));
    return row?.dataset.id;
  }

  #onKey = (event: KeyboardEvent): void => {
    // An open dialog has the keyboard to itself; it closes on Escape by itself.
    const actions = this.#actions;
    if (actions.dialogShowing() || event.defaultPrevented) return;
    const typing = isTyping(event.composedPath(), document);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && !typing && this.#shortcut(event)) {
      event.preventDefault();
      return;
    }
    const key = event.key.toLowerCase();
    if ((event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && key === 'f')) {
      event.preventDefault();
      actions.focusSearch();
    } else if (plain && !typing && (key === 'h' || key === 'n')) {
      // Only a selection in the article body makes these keys do anything; elsewhere they stay free.
      if (actions.annotateSelection(key === 'n')) event.preventDefault();
    } else if (event.key === 'Escape') {
      if (!typing && actions.dismissSelection()) event.preventDefault();
      else if (actions.closeReaderPrefs()) event.preventDefault();
      else if (!typing && !actions.leaveFocusMode()) actions.backToList();
    } else if (event.key === 'F3') {
      event.preventDefault();
      actions.stepMatch(event.shiftKey ? -1 : 1);
    }
  };
}
