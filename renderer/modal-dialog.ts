// Helpers for the app's modal dialogs (settings, shortcut sheet): native <dialog> opened with
// showModal() makes the page behind inert and closes on Escape; these add what it leaves out.

/** The focused element, looking inside shadow roots (document.activeElement stops at the first host). */
export function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** Focusable elements inside `root` in tree order, shadow roots included. */
function focusables(root: Element | ShadowRoot, found: HTMLElement[] = []): HTMLElement[] {
  for (const element of root.children) {
    if (element instanceof HTMLElement && element.matches(FOCUSABLE) && element.checkVisibility()) {
      // Only the checked radio of a group takes part in Tab order.
      if (!(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked)) found.push(element);
    }
    if (element.shadowRoot) focusables(element.shadowRoot, found);
    focusables(element, found);
  }
  return found;
}

/**
 * Keeps Tab and Shift+Tab inside an open modal dialog: from its last control to its first and back,
 * so focus never leaves for the browser's own UI. Call from the dialog's keydown listener.
 */
export function trapTab(event: KeyboardEvent, dialog: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = focusables(dialog);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = deepActiveElement();
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Gives focus back to what had it before a dialog opened, if it is still in the page. */
export function restoreFocus(element: HTMLElement | null): void {
  if (element?.isConnected) element.focus();
}
