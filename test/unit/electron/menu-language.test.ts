import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CommandOutcome, type Settings } from '../../../contract/index.ts';
import { resolveUiLocale, type UiLocale } from '../../../electron/menu-labels.ts';
import { MenuLanguage } from '../../../electron/menu-language.ts';
import { resolveLocale } from '../../../renderer/localization/app-locale.ts';

const settingsOutcome = (locale: Settings['locale']): CommandOutcome<Settings> => ({ ok: true, value: { ...DEFAULT_SETTINGS, locale } });

function tracker(systemLanguages: string[] = ['en-US']): { menu: MenuLanguage; builds: UiLocale[]; system: string[] } {
  const builds: UiLocale[] = [];
  const system = systemLanguages;
  return { menu: new MenuLanguage(() => system, (locale) => builds.push(locale)), builds, system };
}

describe('resolveUiLocale', () => {
  it('keeps a chosen language and resolves system from the OS languages, else Vietnamese', () => {
    expect(resolveUiLocale('vi', ['en-US'])).toBe('vi');
    expect(resolveUiLocale('en', ['vi-VN'])).toBe('en');
    expect(resolveUiLocale('system', ['en-US'])).toBe('en');
    expect(resolveUiLocale('system', ['vi'])).toBe('vi');
    expect(resolveUiLocale('system', ['fr-FR', 'en_GB'])).toBe('en');
    expect(resolveUiLocale('system', ['fr-FR', 'de'])).toBe('vi');
    expect(resolveUiLocale('system', [])).toBe('vi');
  });

  it('decides exactly as the renderer does, so the menu and the window agree', () => {
    const cases: string[][] = [['en-US'], ['vi-VN'], ['EN'], ['fr', 'vi'], ['fr', 'en-GB', 'vi'], ['zh-Hans'], [], ['']];
    for (const setting of ['system', 'vi', 'en'] as const) {
      for (const languages of cases) expect(resolveUiLocale(setting, languages), `${setting} ${languages.join(',')}`).toBe(resolveLocale(setting, languages));
    }
  });
});

describe('MenuLanguage', () => {
  it('builds the menu at start in the saved language', () => {
    const { menu, builds } = tracker(['en-US']);
    expect(menu.current).toBeNull();
    menu.apply('vi');
    expect(builds).toEqual(['vi']);
    expect(menu.current).toBe('vi');
  });

  it('resolves system through the OS languages', () => {
    const { menu, builds } = tracker(['en-GB']);
    menu.apply('system');
    expect(builds).toEqual(['en']);
  });

  it('rebuilds after a settings.update that changes the language, and only then', () => {
    const { menu, builds } = tracker(['en-US']);
    menu.apply('vi');
    menu.afterCommand('settings.update', settingsOutcome('en'));
    expect(builds).toEqual(['vi', 'en']);
    // Same language again (a theme change, or 'system' that means English here): no rebuild.
    menu.afterCommand('settings.update', settingsOutcome('en'));
    menu.afterCommand('settings.update', settingsOutcome('system'));
    expect(builds).toEqual(['vi', 'en']);
    menu.afterCommand('settings.update', settingsOutcome('vi'));
    expect(builds).toEqual(['vi', 'en', 'vi']);
  });

  it('ignores other commands and failed updates', () => {
    const { menu, builds } = tracker(['en-US']);
    menu.apply('vi');
    menu.afterCommand('settings.get', settingsOutcome('en'));
    menu.afterCommand('library.list', { ok: true, value: { items: [] } });
    menu.afterCommand('settings.update', { ok: false, error: { code: 'invalid-arguments', message: 'Invalid arguments for settings.update' } });
    expect(builds).toEqual(['vi']);
    expect(menu.current).toBe('vi');
  });
});
