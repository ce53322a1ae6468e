import type { MenuAction } from '../contract/index.ts';
import { menuLabel, type UiLocale } from './menu-labels.ts';

type Role = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'quit' | 'toggleDevTools';

/** A menu described as data, so it can be tested without Electron; main.ts turns it into a Menu. */
export type MenuEntry =
  | { kind: 'action'; label: string; accelerator?: string; action: MenuAction }
  // Electron names role items in English on Windows and Linux, so each one carries its label.
  | { kind: 'role'; role: Role; label: string }
  | { kind: 'import'; label: string; accelerator: string }
  | { kind: 'about'; label: string }
  | { kind: 'submenu'; label: string; entries: MenuEntry[] }
  | { kind: 'separator' };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

export function menuTemplate(options: { devTools: boolean; locale: UiLocale }): MenuSection[] {
  const { locale } = options;
  const label = (key: Parameters<typeof menuLabel>[0]): string => menuLabel(key, locale);
  const role = (name: Role): MenuEntry => ({ kind: 'role', role: name, label: label(name) });
  return [
    {
      label: label('file'),
      entries: [
        { kind: 'import', label: label('import'), accelerator: 'CmdOrCtrl+O' },
        { kind: 'action', label: label('export'), accelerator: 'CmdOrCtrl+Shift+E', action: { action: 'export' } },
        { kind: 'separator' },
        role('quit'),
      ],
    },
    {
      label: label('edit'),
      entries: [role('undo'), role('redo'), { kind: 'separator' }, role('cut'), role('copy'), role('paste'), role('selectAll')],
    },
    {
      label: label('view'),
      entries: [
        role('zoomIn'),
        role('zoomOut'),
        role('resetZoom'),
        { kind: 'separator' },
        { kind: 'action', label: label('themeSystem'), action: { action: 'theme', theme: 'system' } },
        { kind: 'action', label: label('themeLight'), action: { action: 'theme', theme: 'light' } },
        { kind: 'action', label: label('themeDark'), action: { action: 'theme', theme: 'dark' } },
        { kind: 'action', label: label('themeSepia'), action: { action: 'theme', theme: 'sepia' } },
        {
          kind: 'submenu',
          label: label('language'),
          // Each language in its own words, so someone who cannot read the current one finds theirs.
          entries: [
            { kind: 'action', label: 'Tiếng Việt', action: { action: 'locale', locale: 'vi' } },
            { kind: 'action', label: 'English', action: { action: 'locale', locale: 'en' } },
            { kind: 'action', label: label('languageSystem'), action: { action: 'locale', locale: 'system' } },
          ],
        },
        { kind: 'separator' },
        role('togglefullscreen'),
        ...(options.devTools ? [role('toggleDevTools')] : []),
      ],
    },
    { label: label('help'), entries: [{ kind: 'about', label: label('about') }] },
  ];
}
