import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../electron/ipc-channels.ts';
import { isAppUrl, isExternalWebUrl } from '../../../electron/navigation-policy.ts';

describe('isExternalWebUrl: which links may be handed to the system browser', () => {
  it('accepts http and https links, whatever their case', () => {
    expect(isExternalWebUrl('https://vnexpress.net/thoi-su')).toBe(true);
    expect(isExternalWebUrl('http://example.com/a?b=c#d')).toBe(true);
    expect(isExternalWebUrl('HTTPS://Example.COM/')).toBe(true);
  });

  it('refuses every other scheme, including the app itself and local files', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'mailto:desk@example.com',
      'ftp://example.com/file',
      `${APP_ORIGIN}/index.html`,
      'smb://server/share',
      'ms-settings:privacy',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });

  it('refuses strings that are not absolute URLs', () => {
    for (const url of ['', 'example.com', '/relative/path', '//example.com/x', 'http//missing-colon']) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});

describe('isAppUrl: which frames may call commands over IPC', () => {
  it('accepts pages of the bundled renderer', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('app://bundle/index.html#/article/42')).toBe(true);
    expect(isAppUrl('app://bundle/assets/app.js?v=1')).toBe(true);
    expect(isAppUrl('app://bundle/')).toBe(true);
  });

  it('refuses a missing URL (e.g. a destroyed frame) and unparsable ones', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('refuses look-alike hosts, other schemes, ports and credentials', () => {
    for (const url of [
      'app://bundle.evil.example/index.html',
      'app://evil/index.html',
      'app://bundlex/index.html',
      'app://bundle:8080/index.html',
      'app://bundle@evil/index.html',
      'app://user:pass@bundle/index.html',
      'https://bundle/index.html',
      'http://127.0.0.1:5173/index.html',
      'file:///app/bundle/index.html',
      'about:blank',
      'data:text/html,hi',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
