import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { isAllowedHost, newToken, presentedToken, tokenCookie } from '../../../serve/request-auth.ts';

const request = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('serve request authentication', () => {
  it('accepts only our own loopback Host on our port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('attacker.example:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('finds the token in the header, the query or the cookie, and nowhere else', () => {
    const token = newToken();
    const url = new URL('http://127.0.0.1:1/');
    expect(presentedToken(request({ 'x-newsroom-token': token }), url, token)).toBe('header');
    expect(presentedToken(request({}), new URL(`http://127.0.0.1:1/?token=${token}`), token)).toBe('query');
    expect(presentedToken(request({ cookie: `a=b; newsroom_token=${token}` }), url, token)).toBe('cookie');
    expect(presentedToken(request({ 'x-newsroom-token': token.slice(1) }), url, token)).toBeNull();
    expect(presentedToken(request({ authorization: `Bearer ${token}` }), url, token)).toBeNull();
  });

  it('makes a fresh unguessable token each run and a strict cookie', () => {
    const a = newToken();
    expect(a).not.toBe(newToken());
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(tokenCookie(a)).toMatch(/HttpOnly; SameSite=Strict/);
  });
});
