import { msg, str } from '@lit/localize';
import type { CommandOutcome, EventName, NewsroomBridge } from '../../contract/index.ts';

declare global {
  interface Window {
    /** Present only in the Electron app, exposed by preload. */
    newsroom?: NewsroomBridge;
  }
}

const TOKEN_KEY = 'newsroom.token';

/** The `serve` host: commands over HTTP, events over Server-Sent Events, authorised by the run's token. */
function httpBridge(): NewsroomBridge {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  let source: EventSource | null = null;
  return {
    async call(name, args) {
      try {
        const response = await fetch(`./api/commands/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-newsroom-token': token },
          body: JSON.stringify(args ?? {}),
        });
        const text = await response.text();
        try {
          return JSON.parse(text) as CommandOutcome<unknown>;
        } catch {
          return { ok: false, error: { code: 'failed', message: msg(str`Máy chủ trả lời ${response.status} ${response.statusText}`, { desc: 'The local host answered with an HTTP error status' }) } };
        }
      } catch {
        return { ok: false, error: { code: 'failed', message: msg('Không kết nối được với Newsroom Reader; lệnh `serve` còn chạy không?') } };
      }
    },
    on(event: EventName, listener: (payload: unknown) => void) {
      source ??= new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as unknown);
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}

/** Electron's preload bridge when present, otherwise the HTTP host; everything above this is identical. */
export function detectBridge(): NewsroomBridge {
  return window.newsroom ?? httpBridge();
}
