import { msg, str } from '@lit/localize';
import { dateLocale, getLocale } from './localization/app-locale.ts';

// Vietnamese writes the day before the month in figures ("Thứ Hai, 4/3/2024"); English spells the
// month out, which no reader can misread as day/month or month/day ("Monday, March 4, 2024").
const LONG: Record<'vi' | 'en', Intl.DateTimeFormatOptions> = {
  vi: { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' },
  en: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};
const SHORT: Record<'vi' | 'en', Intl.DateTimeFormatOptions> = {
  vi: { day: 'numeric', month: 'numeric', year: 'numeric' },
  en: { day: 'numeric', month: 'long', year: 'numeric' },
};

// Building an Intl.DateTimeFormat costs about a millisecond, and every visible list row formats a
// date whenever the list redraws (opening an article redraws it): each one is built once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, options: Record<'vi' | 'en', Intl.DateTimeFormatOptions>, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tag = locale ?? dateLocale();
  const language = tag.toLowerCase().startsWith('en') ? 'en' : tag.toLowerCase().startsWith('vi') ? 'vi' : getLocale();
  const key = `${options === LONG ? 'long' : 'short'} ${language} ${tag}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, options[language]);
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** Dates in the UI language's style (Vietnamese: "Thứ Hai, 4/3/2024"; English: "Monday, March 4, 2024"). */
export function formatDate(iso: string | null, locale?: string): string {
  return iso ? format(iso, LONG, locale) : '';
}

/** A date without its weekday, for citations ("4/3/2024"; "March 4, 2024"). */
export function formatShortDate(iso: string, locale?: string): string {
  return format(iso, SHORT, locale);
}

/** A moment with its date and time in the reader's locale ("27/11/2026, 22:40"): last sync, a note's older texts. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** An article's reading time ("5 phút đọc"; "5 min read"). */
export function readingTime(minutes: number): string {
  return msg(str`${minutes} phút đọc`, { desc: 'Estimated reading time in minutes' });
}

/** The publication date, or that it is not known: the import date is never passed off as one. */
export function publishedLabel(publishedAt: string | null): string {
  return publishedAt ? formatDate(publishedAt) : msg('Không rõ ngày đăng', { desc: 'An article whose publication date is not known' });
}

/** When an article was imported, said as such ("nhập 4/3/2024"). */
export function importedLabel(importedAt: string): string {
  return msg(str`nhập ${formatShortDate(importedAt)}`, { desc: 'When the article was imported into the library (lower case, follows other metadata)' });
}
