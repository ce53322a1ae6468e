import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LocaleSettingSchema, ThemeSchema } from '../../../contract/index.ts';
import { MENU_LABELS, UI_LOCALES } from '../../../electron/menu-labels.ts';
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
      return `role:${entry.role}:${entry.label}`;
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

describe('application menu template (English)', () => {
  const menu = menuTemplate({ devTools: false, locale: 'en' });

  it('has File, Edit, View and Help, in that order, each with an access key', () => {
    expect(menu.map((s) => s.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File offers Import…, Export… and Quit', () => {
    const file = section(menu, 'File');
    expect(file.entries.map(describeEntry)).toEqual(['import:Import…', 'action:Export…', '---', 'role:quit:Quit']);
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
    expect(kinds.indexOf('submenu:Language')).toBeLessThan(kinds.indexOf('role:togglefullscreen:Toggle Full Screen'));
  });

  it('Help has About Newsroom Reader (main.ts adds the version when it is clicked)', () => {
    expect(section(menu, 'Help').entries).toEqual([{ kind: 'about', label: 'About Newsroom Reader' }]);
  });

  it('offers developer tools only when asked to', () => {
    const all = (m: MenuSection[]): string[] => m.flatMap(roles);
    expect(all(menu)).not.toContain('toggleDevTools');
    const dev = menuTemplate({ devTools: true, locale: 'en' });
    expect(roles(section(dev, 'View')).at(-1)).toBe('toggleDevTools');
    expect(all(dev).filter((r) => r === 'toggleDevTools')).toHaveLength(1);
  });

  it('uses no accelerator twice and starts or ends no menu with a separator', () => {
    for (const m of [menu, menuTemplate({ devTools: true, locale: 'en' })]) {
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
    const first = menuTemplate({ devTools: false, locale: 'en' });
    first[0]!.entries.length = 0;
    expect(menuTemplate({ devTools: false, locale: 'en' })[0]!.entries).toHaveLength(4);
  });
});

describe('application menu template (Vietnamese)', () => {
  const menu = menuTemplate({ devTools: true, locale: 'vi' });

  it('names every menu and item in Vietnamese, access keys included', () => {
    expect(menu.map((s) => s.label)).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);
    expect(menu[0]!.entries.map(describeEntry)).toEqual(['import:Nhập…', 'action:Xuất…', '---', 'role:quit:Thoát']);
    expect(menu[1]!.entries.map(describeEntry)).toEqual([
      'role:undo:Hoàn tác',
      'role:redo:Làm lại',
      '---',
      'role:cut:Cắt',
      'role:copy:Sao chép',
      'role:paste:Dán',
      'role:selectAll:Chọn tất cả',
    ]);
    expect(menu[2]!.entries.map(describeEntry)).toEqual([
      'role:zoomIn:Phóng to',
      'role:zoomOut:Thu nhỏ',
      'role:resetZoom:Cỡ chữ mặc định',
      '---',
      'action:Giao diện: Theo hệ thống',
      'action:Giao diện: Sáng',
      'action:Giao diện: Tối',
      'action:Giao diện: Sepia',
      'submenu:Ngôn ngữ',
      '---',
      'role:togglefullscreen:Toàn màn hình',
      'role:toggleDevTools:Công cụ cho nhà phát triển',
    ]);
    expect(menu[3]!.entries).toEqual([{ kind: 'about', label: 'Giới thiệu Newsroom Reader' }]);
  });

  it('keeps each language’s own name in the Language submenu; only System is translated', () => {
    const languages = menu[2]!.entries.find((e) => e.kind === 'submenu');
    expect(languages?.kind === 'submenu' ? languages.entries.map(describeEntry) : []).toEqual(['action:Tiếng Việt', 'action:English', 'action:Theo hệ thống']);
  });

  it('has the same structure, actions and accelerators as the English menu: only the words differ', () => {
    const shape = (m: MenuSection[]): unknown =>
      JSON.parse(JSON.stringify(m, (key, value: unknown) => (key === 'label' ? undefined : value)));
    expect(shape(menu)).toEqual(shape(menuTemplate({ devTools: true, locale: 'en' })));
  });

  it('gives every role item a label, so Electron never falls back to its English one', () => {
    for (const locale of UI_LOCALES) {
      const all = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((e) => (e.kind === 'submenu' ? all(e.entries) : [e]));
      const roleItems = menuTemplate({ devTools: true, locale }).flatMap((s) => all(s.entries)).filter((e) => e.kind === 'role');
      expect(roleItems.length).toBe(12);
      for (const item of roleItems) expect(item.kind === 'role' && item.label.trim(), `${locale} ${item.kind === 'role' ? item.role : ''}`).toBeTruthy();
    }
  });

  it('gives each top-level menu its own access key in each language', () => {
    for (const locale of UI_LOCALES) {
      const keys = menuTemplate({ devTools: false, locale }).map((s) => /&(.)/u.exec(s.label)?.[1]?.toLowerCase());
      expect(keys.every(Boolean), locale).toBe(true);
      expect(new Set(keys).size, locale).toBe(keys.length);
    }
  });
});

describe('menu label catalogue', () => {
  it('has a Vietnamese and an English text for every key', () => {
    for (const [key, texts] of Object.entries(MENU_LABELS)) {
      expect(Object.keys(texts).sort(), key).toEqual([...UI_LOCALES].sort());
      for (const locale of UI_LOCALES) expect((texts as Record<string, string>)[locale]?.trim(), `${key}.${locale}`).toBeTruthy();
    }
  });

  it('is translated: the English has no Vietnamese letters and differs from the Vietnamese', () => {
    const vietnamese = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
    for (const [key, texts] of Object.entries(MENU_LABELS)) {
      expect(texts.en, key).not.toMatch(vietnamese);
      expect(texts.en, key).not.toBe(texts.vi);
    }
  });
});
