// The native menu's words. The main process cannot use @lit/localize (it lives in the renderer's
// bundle), so the menu has its own small catalogue, both languages side by side so neither can be
// forgotten when a label is added. Wording follows the renderer's (renderer/localization/xliff/en.xlf).
import type { Settings } from '../contract/index.ts';

type LocaleSetting = Settings['locale'];

/** A language the UI speaks; 'system' is resolved to one of these before anything is shown. */
export type UiLocale = 'vi' | 'en';

export const UI_LOCALES: readonly UiLocale[] = ['vi', 'en'];

/** `&` marks the access key (Alt+letter on Windows and Linux); each top-level menu has its own letter. */
export const MENU_LABELS = {
  file: { vi: '&Tệp', en: '&File' },
  edit: { vi: '&Sửa', en: '&Edit' },
  view: { vi: '&Xem', en: '&View' },
  help: { vi: 'Trợ &giúp', en: '&Help' },
  import: { vi: 'Nhập…', en: 'Import…' },
  export: { vi: 'Xuất…', en: 'Export…' },
  quit: { vi: 'Thoát', en: 'Quit' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  redo: { vi: 'Làm lại', en: 'Redo' },
  cut: { vi: 'Cắt', en: 'Cut' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  paste: { vi: 'Dán', en: 'Paste' },
  selectAll: { vi: 'Chọn tất cả', en: 'Select All' },
  zoomIn: { vi: 'Phóng to', en: 'Zoom In' },
  zoomOut: { vi: 'Thu nhỏ', en: 'Zoom Out' },
  resetZoom: { vi: 'Cỡ chữ mặc định', en: 'Actual Size' },
  togglefullscreen: { vi: 'Toàn màn hình', en: 'Toggle Full Screen' },
  toggleDevTools: { vi: 'Công cụ cho nhà phát triển', en: 'Toggle Developer Tools' },
  themeSystem: { vi: 'Giao diện: Theo hệ thống', en: 'Theme: System' },
  themeLight: { vi: 'Giao diện: Sáng', en: 'Theme: Light' },
  themeDark: { vi: 'Giao diện: Tối', en: 'Theme: Dark' },
  themeSepia: { vi: 'Giao diện: Sepia', en: 'Theme: Sepia' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  languageSystem: { vi: 'Theo hệ thống', en: 'System' },
  about: { vi: 'Giới thiệu Newsroom Reader', en: 'About Newsroom Reader' },
} as const satisfies Record<string, Record<UiLocale, string>>;

export type MenuLabelKey = keyof typeof MENU_LABELS;

export function menuLabel(key: MenuLabelKey, locale: UiLocale): string {
  return MENU_LABELS[key][locale];
}

/**
 * The language a setting means, decided the way the renderer decides it (resolveLocale in
 * renderer/localization/app-locale.ts) so the menu and the window speak the same language: a chosen
 * one as is; for 'system', the first of the OS's languages the UI speaks, else Vietnamese.
 */
export function resolveUiLocale(setting: LocaleSetting, systemLanguages: readonly string[]): UiLocale {
  if (setting !== 'system') return setting;
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if ((UI_LOCALES as readonly string[]).includes(primary)) return primary as UiLocale;
  }
  return 'vi';
}
