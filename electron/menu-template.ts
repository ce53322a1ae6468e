import type { MenuAction } from './contract.ts';

/** A menu described as data, so it can be tested without Electron; main.ts turns it into a Menu. */
export type MenuEntry =
  | { kind: 'action'; label: string; accelerator?: string; action: MenuAction }
  | { kind: 'role'; role: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'quit' | 'toggleDevTools' }
  | { kind: 'import'; label: string; accelerator: string }
  | { kind: 'about'; label: string }
  | { kind: 'submenu'; label: string; entries: MenuEntry[] }
  | { kind: 'separator' };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

export function menuTemplate(options: { devTools: boolean }): MenuSection[] {
  return [
    {
      label: '&File',
      entries: [
        { kind: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O' },
        { kind: 'action', label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', action: { action: 'export' } },
        { kind: 'separator' },
        { kind: 'role', role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      entries: [
        { kind: 'role', role: 'undo' },
        { kind: 'role', role: 'redo' },
        { kind: 'separator' },
        { kind: 'role', role: 'cut' },
        { kind: 'role', role: 'copy' },
        { kind: 'role', role: 'paste' },
        { kind: 'role', role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      entries: [
        { kind: 'role', role: 'zoomIn' },
        { kind: 'role', role: 'zoomOut' },
        { kind: 'role', role: 'resetZoom' },
        { kind: 'separator' },
        { kind: 'action', label: 'Theme: System', action: { action: 'theme', theme: 'system' } },
        { kind: 'action', label: 'Theme: Light', action: { action: 'theme', theme: 'light' } },
        { kind: 'action', label: 'Theme: Dark', action: { action: 'theme', theme: 'dark' } },
        { kind: 'action', label: 'Theme: Sepia', action: { action: 'theme', theme: 'sepia' } },
        {
          kind: 'submenu',
          label: 'Language',
          // Each language in its own words, so someone who cannot read the current one finds theirs.
          entries: [
            { kind: 'action', label: 'Tiếng Việt', action: { action: 'locale', locale: 'vi' } },
            { kind: 'action', label: 'English', action: { action: 'locale', locale: 'en' } },
            { kind: 'action', label: 'System', action: { action: 'locale', locale: 'system' } },
          ],
        },
        { kind: 'separator' },
        { kind: 'role', role: 'togglefullscreen' },
        ...(options.devTools ? [{ kind: 'role', role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: '&Help', entries: [{ kind: 'about', label: 'About Newsroom Reader' }] },
  ];
}
