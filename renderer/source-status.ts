import { msg, str } from '@lit/localize';
import type { SourceInfo } from '../contract/index.ts';
import { importFailureText } from './host-messages.ts';
import { dateLocale } from './localization/app-locale.ts';

// A source's status in words, in the UI's language: the sidebar's row and the settings dialog share them.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date with its time ("27/11/2026, 19:30"), in the UI's date style. */
export function dateTimeText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tag = dateLocale();
  let formatter = formatters.get(tag);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' });
    formatters.set(tag, formatter);
  }
  return formatter.format(date);
}

/** Why the last refresh failed, as the imports word the same reasons. */
export function sourceErrorText(source: SourceInfo): string | null {
  return source.lastError ? importFailureText(source.lastError.reason) : null;
}

/** One line for the sidebar row's tooltip and the screen reader: refreshing, paused, failing or fine. */
export function sourceStateText(source: SourceInfo, refreshing: boolean): string {
  if (refreshing) return msg('Đang làm mới…', { desc: 'A source is being refreshed now' });
  if (source.paused) return msg('Tạm dừng', { desc: 'A source that is not refreshed (paused)' });
  const error = sourceErrorText(source);
  if (error) return msg(str`Lỗi: ${error}`, { desc: 'A source whose last refresh failed; the value says why' });
  if (source.lastSuccessAt) return msg(str`Cập nhật lúc ${dateTimeText(source.lastSuccessAt)}`, { desc: 'When a source was last refreshed successfully' });
  return msg('Chưa làm mới lần nào', { desc: 'A source never refreshed yet' });
}
