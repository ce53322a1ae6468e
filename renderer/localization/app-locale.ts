import { configureLocalization, msg } from '@lit/localize';
import type { Settings } from '../../contract/index.ts';
import * as english from './generated/en.ts';
import { sourceLocale, targetLocales } from './generated/locale-codes.ts';

/**
 * The UI language. Vietnamese is the source: every string in the renderer is written in it and
 * wrapped in msg(); English comes from renderer/localization/generated/en.ts, built from the XLIFF
 * catalogue by `lit-localize build` (see lit-localize.json).
 */
export type AppLocale = 'vi' | 'en';
/** What the user chose: a language, or whatever the operating system prefers. */
export type LocaleSetting = Settings['locale'];

export const LOCALE_SETTINGS: readonly LocaleSetting[] = ['system', 'vi', 'en'];

const { getLocale: currentLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // One small catalogue, bundled: the first paint is already in the right language, and switching
  // never waits on the network or the app:// protocol.
  loadLocale: async (locale) => {
    if (locale === 'en') return english;
    throw new Error(`no catalogue for ${locale}`);
  },
});

export { setLocale };

/** The active UI language. */
export function getLocale(): AppLocale {
  return currentLocale() === 'en' ? 'en' : 'vi';
}

function isAppLocale(locale: string): locale is AppLocale {
  return locale === sourceLocale || (targetLocales as readonly string[]).includes(locale);
}

/**
 * The language a setting means: a chosen one as is; for 'system', the first of the OS's preferred
 * languages (navigator.languages, e.g. ['en-GB', 'vi']) the UI speaks, else Vietnamese.
 */
export function resolveLocale(setting: LocaleSetting, languages: readonly string[] = navigator.languages): AppLocale {
  if (setting !== 'system') return setting;
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isAppLocale(primary)) return primary;
  }
  return 'vi';
}

// The settings live in the library and arrive after the first render; the last choice is kept here
// too, so the window does not open in one language and flip to the other a moment later.
const REMEMBERED = 'newsroom.locale';

function isLocaleSetting(value: unknown): value is LocaleSetting {
  return typeof value === 'string' && (LOCALE_SETTINGS as readonly string[]).includes(value);
}

/** Applies the setting used last in this browser profile ('system' the first time); the app then applies the stored one. */
export function applyRememberedLocale(): Promise<AppLocale> {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(REMEMBERED);
  } catch {
    // Storage may be refused; the stored settings still apply once loaded.
  }
  return applyLocale(isLocaleSetting(remembered) ? remembered : 'system');
}

/**
 * Switches the UI to what a setting means and marks the document's language; components that call
 * updateWhenLocaleChanges(this) re-render. Persisting the setting is the caller's business
 * (settings.update). Resolves once the new strings are in place.
 */
export async function applyLocale(next: LocaleSetting, languages: readonly string[] = navigator.languages): Promise<AppLocale> {
  try {
    localStorage.setItem(REMEMBERED, next);
  } catch {
    // Only the first paint of the next start depends on it.
  }
  await setLocale(resolveLocale(next, languages));
  // A later call may have overtaken this one while it loaded: say what is active now.
  document.documentElement.lang = getLocale();
  return getLocale();
}

/**
 * The locale dates are formatted in: the OS's own regional variant of the UI language when it has
 * one (en-GB writes "Monday 4 March 2024"), else the UI language itself.
 */
export function dateLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): string {
  const locale = getLocale();
  return languages.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === locale) ?? (locale === 'vi' ? 'vi-VN' : 'en-US');
}

/** The choices for a language control: each language named in itself, 'system' in the UI's language. */
export function localeOptions(): { value: LocaleSetting; label: string }[] {
  return [
    { value: 'system', label: msg('Theo hệ thống', { id: 'locale.system', desc: 'Language choice: follow the operating system' }) },
    { value: 'vi', label: 'Tiếng Việt' },
    { value: 'en', label: 'English' },
  ];
}

/**
 * Whether a count takes the singular in the UI language. Vietnamese nouns do not change with number,
 * so it is always false there; English needs "1 article" but "2 articles". A message with a count
 * has two ids (…one, …other) whose Vietnamese is the same and whose English differs.
 */
export function isSingular(count: number): boolean {
  return new Intl.PluralRules(getLocale()).select(count) === 'one';
}
