import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LocaleSettingSchema, ThemeSchema } from '../../../electron/contract.ts';
import { menuTemplate, type MenuEntry, type MenuSection } from '../../../electron/menu-template.ts';

function section(menu: MenuSection[], name: string): MenuSection {
  const found = menu.find((s) => s.label.replace('&', '') === name);
  if (!found) throw new Error(`no ${name} menu in ${menu.map((s) => s.label).join(', ')}`);
  return found;
}

/** A short, readable form of each entry, so whole menus can be compared at once. */
function describeEntry(entry: MenuEntry): string {
  switch (entry.kind) {
    case 'separator':
      return '---';
    case 'role':
      return `role:${entry.role}`;
    case 'import':
      return `import:${entry.label}`;
    case 'about':
      return `about:${entry.label}`;
    case 'action':
      return `action:${entry.label}`;
    case 'submenu':
      return `submenu:${entry.label}`;
  }
}

const roles = (s: MenuSection): string[] => s.entries.flatMap((e) => (e.kind === 'role' ? [e.role] : []));

describe('application menu template', () => {
  const menu = menuTemplate({ devTools: false });

  it('has File, Edit, View and Help, in that order, each with an access key', () => {
    expect(menu.map((s) => s.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File offers Import…, Export… and Quit', () => {
    const file = section(menu, 'File');
    expect(file.entries.map(describeEntry)).toEqual(['import:Import…', 'action:Export…', '---', 'role:quit']);
    const importEntry = file.entries[0]!;
    expect(importEntry).toMatchObject({ kind: 'import', accelerator: 'CmdOrCtrl+O' });
    expect(file.entries[1]).toEqual({ kind: 'action', label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', action: { action: 'export' } });
  });

  it('Edit has the standard editing roles, so copy and paste work in text fields', () => {
    expect(roles(section(menu, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View has zoom, full screen and one entry per theme the settings accept', () => {
    const view = section(menu, 'View');
    expect(roles(view)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    const themes = view.entries.flatMap((e) => (e.kind === 'action' && e.action.action === 'theme' ? [e.action.theme] : []));
    expect(themes).toEqual(ThemeSchema.options);
    for (const theme of themes) expect(v.is(ThemeSchema, theme)).toBe(true);
    const labels = view.entries.flatMap((e) => (e.kind === 'action' ? [e.label] : []));
    expect(labels).toEqual(['Theme: System', 'Theme: Light', 'Theme: Dark', 'Theme: Sepia']);
  });

  it('View has a Language submenu: each language in its own words, then System, one per setting', () => {
    const view = section(menu, 'View');
    const languages = view.entries.filter((e) => e.kind === 'submenu');
    expect(languages.map(describeEntry)).toEqual(['submenu:Language']);
    const entries = languages[0]!.kind === 'submenu' ? languages[0]!.entries : [];
    expect(entries).toEqual([
      { kind: 'action', label: 'Tiếng Việt', action: { action: 'locale', locale: 'vi' } },
      { kind: 'action', label: 'English', action: { action: 'locale', locale: 'en' } },
      { kind: 'action', label: 'System', action: { action: 'locale', locale: 'system' } },
    ]);
    const locales = entries.flatMap((e) => (e.kind === 'action' && e.action.action === 'locale' ? [e.action.locale] : []));
    expect([...locales].sort()).toEqual([...LocaleSettingSchema.options].sort());
    // It sits among the theme choices and full screen, not after the developer tools.
    const kinds = view.entries.map(describeEntry);
    expect(kinds.indexOf('submenu:Language')).toBeGreaterThan(kinds.indexOf('action:Theme: Sepia'));
    expect(kinds.indexOf('submenu:Language')).toBeLessThan(kinds.indexOf('role:togglefullscreen'));
  });

  it('Help has About Newsroom Reader (main.ts adds the version when it is clicked)', () => {
    expect(section(menu, 'Help').entries).toEqual([{ kind: 'about', label: 'About Newsroom Reader' }]);
  });

  it('offers developer tools only when asked to', () => {
    const all = (m: MenuSection[]): string[] => m.flatMap(roles);
    expect(all(menu)).not.toContain('toggleDevTools');
    const dev = menuTemplate({ devTools: true });
    expect(roles(section(dev, 'View')).at(-1)).toBe('toggleDevTools');
    expect(all(dev).filter((r) => r === 'toggleDevTools')).toHaveLength(1);
  });

  it('uses no accelerator twice and starts or ends no menu with a separator', () => {
    for (const m of [menu, menuTemplate({ devTools: true })]) {
      const accelerators = m.flatMap((s) => s.entries.flatMap((e) => ('accelerator' in e && e.accelerator ? [e.accelerator] : [])));
      expect(new Set(accelerators).size).toBe(accelerators.length);
      for (const s of m) {
        expect(s.entries[0]?.kind, s.label).not.toBe('separator');
        expect(s.entries.at(-1)?.kind, s.label).not.toBe('separator');
        s.entries.forEach((e, i) => {
          if (e.kind === 'separator') expect(s.entries[i + 1]?.kind, `${s.label} #${i}`).not.toBe('separator');
        });
      }
    }
  });

  it('returns a fresh menu each time, so one caller cannot change another’s', () => {
    const first = menuTemplate({ devTools: false });
    first[0]!.entries.length = 0;
    expect(menuTemplate({ devTools: false })[0]!.entries).toHaveLength(4);
  });
});
