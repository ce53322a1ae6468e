// The words of the desktop notification a saved search raises when new matches arrive. Main shows it
// with Electron's Notification; these words live apart so they are tested without Electron.
import type { WatchCounts } from '../contract/index.ts';
import type { UiLocale } from './menu-labels.ts';

export function watchNotification(rise: WatchCounts['risen'][number], locale: UiLocale): { title: string; body: string } {
  if (locale === 'en') {
    return { title: `Saved search: ${rise.name}`, body: rise.newCount === 1 ? '1 new matching article' : `${rise.newCount} new matching articles` };
  }
  return { title: `Tìm kiếm đã lưu: ${rise.name}`, body: `${rise.newCount} bài mới khớp` };
}
