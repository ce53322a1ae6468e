import { describe, expect, it } from 'vitest';
import { deepActiveElement, isTextEntry, isTyping, type FocusNode } from '../../../renderer/controllers/typing-guard.ts';

const element = (localName: string, extra: Partial<FocusNode> & { role?: string } = {}): FocusNode => ({
  localName,
  isContentEditable: extra.isContentEditable ?? false,
  getAttribute: (name) => (name === 'role' ? (extra.role ?? null) : null),
  shadowRoot: extra.shadowRoot ?? null,
});

describe('typing guard', () => {
  it('knows text fields, selects, editable content and text roles, and nothing else', () => {
    for (const node of [element('textarea'), element('input'), element('select'), element('div', { isContentEditable: true }), element('div', { role: 'textbox' })]) {
      expect(isTextEntry(node)).toBe(true);
    }
    for (const node of [element('button'), element('nr-reader'), element('div', { role: 'button' }), null, window_()]) {
      expect(isTextEntry(node)).toBe(false);
    }
  });

  it('finds the focused note box through nested shadow roots', () => {
    const textarea = element('textarea');
    const list = element('nr-annotation-list', { shadowRoot: { activeElement: textarea } });
    const app = element('nr-app', { shadowRoot: { activeElement: list } });
    expect(deepActiveElement({ activeElement: app })).toBe(textarea);
    // The key went to the window (nothing on its path is a field), yet a note box has focus.
    expect(isTyping([window_()], { activeElement: app })).toBe(true);
  });

  it('lets shortcuts through when focus is on the reader or a button', () => {
    const reader = element('nr-reader', { shadowRoot: { activeElement: null } });
    const app = element('nr-app', { shadowRoot: { activeElement: reader } });
    expect(isTyping([reader, app], { activeElement: app })).toBe(false);
    const button = element('button');
    expect(isTyping([button], { activeElement: element('nr-app', { shadowRoot: { activeElement: button } }) })).toBe(false);
  });

  it('counts a field on the event path even when focus is reported elsewhere', () => {
    expect(isTyping([element('input'), element('nr-search-box')], { activeElement: null })).toBe(true);
  });
});

/** Something on a composed path that is not an element at all. */
function window_(): object {
  return { addEventListener: () => undefined };
}
