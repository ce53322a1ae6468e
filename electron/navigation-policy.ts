import { APP_ORIGIN } from './ipc-channels.ts';

/** Only http(s) links leave the app, and only to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const bundle = new URL(APP_ORIGIN);

/**
 * IPC is answered only for frames showing our own bundle. Compared by scheme and host, not `origin`:
 * for a non-special scheme like app:, the WHATWG URL in Node always gives the origin "null".
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, host, username, password } = new URL(url);
    return protocol === bundle.protocol && host === bundle.host && !username && !password;
  } catch {
    return false;
  }
}
