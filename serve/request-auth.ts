import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-newsroom-token';
export const TOKEN_COOKIE = 'newsroom_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Only our own loopback name is accepted, which stops DNS-rebinding pages from talking to the host. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

function sameToken(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export type TokenSource = 'header' | 'query' | 'cookie';

/** Which credential (if any) the request carries that matches this run's token. */
export function presentedToken(request: IncomingMessage, url: URL, token: string): TokenSource | null {
  const header = request.headers[TOKEN_HEADER];
  if (sameToken(Array.isArray(header) ? header[0] : header, token)) return 'header';
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) return 'query';
  if (sameToken(cookieValue(request.headers.cookie, TOKEN_COOKIE), token)) return 'cookie';
  return null;
}

/** A strict, session-only cookie so the page's own assets and its EventSource carry the token. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
