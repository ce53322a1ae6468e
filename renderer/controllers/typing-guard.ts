/**
 * Whether the keyboard is writing text: the single-key shortcuts (m, s, ?, h…) must then stay letters.
 * Both the key event's composed path and the deep active element are asked, so a note box inside any
 * shadow root counts even when the event was retargeted or sent to the window. Structural types keep
 * it free of the DOM, so it is tested in node.
 */

/** What the guard reads of an element. */
export interface FocusNode {
  localName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
  shadowRoot?: { activeElement: FocusNode | null } | null;
}

const TEXT_TAGS = new Set(['input', 'textarea', 'select']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** A field that takes typed text (or a select, which takes typed letters to pick an option). */
export function isTextEntry(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const element = node as FocusNode;
  if (element.localName !== undefined && TEXT_TAGS.has(element.localName)) return true;
  if (element.isContentEditable === true) return true;
  const role = typeof element.getAttribute === 'function' ? element.getAttribute('role') : null;
  return role !== null && TEXT_ROLES.has(role);
}

/** The focused element, looked for through every open shadow root on the way down. */
export function deepActiveElement(root: { activeElement: FocusNode | null }): FocusNode | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** True when a key belongs to a text field: one is on the event's path, or one has focus. */
export function isTyping(path: readonly unknown[], root: { activeElement: FocusNode | null }): boolean {
  return path.some(isTextEntry) || isTextEntry(deepActiveElement(root));
}
