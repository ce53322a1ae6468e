// Saved searches' notifications where the app runs in a browser (`serve`): the Notification API.
// The desktop app shows Electron's own from main, so the renderer stays silent there.
import { msg, str } from '@lit/localize';
import type { WatchCounts } from '../contract/index.ts';

/** Asks once, when a saved search is first told to notify; a refusal just means none are shown. */
export async function askNotificationPermission(): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  try {
    await Notification.requestPermission();
  } catch {
    // Browsers that refuse outside a gesture: the switch still saves, and the sidebar count still rises.
  }
}

export function notifyInBrowser(rise: WatchCounts['risen'][number]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const { name, newCount } = rise;
  new Notification(msg(str`Tìm kiếm đã lưu: ${name}`, { desc: 'Desktop notification title; the value is a saved search’s name' }), {
    body: msg(str`${newCount} bài mới khớp`, { desc: 'Desktop notification body: how many new articles match the saved search' }),
  });
}
