// Fetches a web page or feed once, to keep it offline. Bounded in time and size, and kept off this
// computer and the local network: redirects are followed by hand and every hop's address is checked,
// before the request and again when the connection is made (so DNS cannot change its answer between).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { directlyTypedHost, isNonPublicAddress } from './address-policy.ts';
import { ImportInputError, tooLargeError } from './import-types.ts';

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes: number;
  /**
   * Lets loopback and private addresses through at every hop. Only for tests' own local servers;
   * never the default.
   */
  allowPrivateAddresses?: boolean;
  /** DNS, injectable in tests; node:dns otherwise. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Sent over the defaults (a feed refresher's User-Agent, If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  /** A 304 answer is returned (with no bytes) instead of refused: for conditional GETs. */
  acceptNotModified?: boolean;
  /**
   * The local host the person typed, when the URL fetched is not what they typed (a photo of the page
   * they typed, a feed item's linked page): only that host is let through. Without it, the URL's own host counts as typed.
   */
  typedHost?: string | null;
}

export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType?: string;
  /** A file-like name from the URL's last path segment, for extension-based detection. */
  name: string;
  /** 200-299, or 304 when acceptNotModified was asked. */
  status: number;
  /** The validators to send back next time. */
  etag: string | null;
  lastModified: string | null;
}

/** An HTTP error status, with the server's Retry-After (429, 503) for whoever schedules the next try. */
export class HttpStatusError extends ImportInputError {
  readonly retryAfter: string | null;

  constructor(status: number, statusText: string, retryAfter: string | null) {
    super({ kind: 'http-status', status, statusText });
    this.retryAfter = retryAfter;
  }
}

function nameFromUrl(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : new URL(url).hostname;
  } catch {
    return url;
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function resolveWithDns(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((entry) => entry.address))));
  });
}

/** The hop may go ahead: a public address, the host the person typed, or the tests' allowance. */
async function checkHop(url: URL, typedHost: string | null, options: FetchOptions): Promise<void> {
  if (options.allowPrivateAddresses) return;
  const host = url.hostname.toLowerCase();
  if (typedHost !== null && host === typedHost) return;
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) throw new ImportInputError({ kind: 'address-not-allowed', host: url.hostname });
  let addresses: string[];
  try {
    addresses = isIP(bare) ? [bare] : await (options.resolveHost ?? resolveWithDns)(bare);
  } catch (error) {
    throw new ImportInputError({ kind: 'fetch-failed', detail: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
  if (addresses.length === 0 || addresses.some(isNonPublicAddress)) throw new ImportInputError({ kind: 'address-not-allowed', host: url.hostname });
}

class AddressNotAllowed extends Error {
  readonly host: string;
  readonly code = 'ENOTALLOWED';

  constructor(host: string) {
    super(`refused to connect to ${host}: not a public address`);
    this.host = host;
  }
}

/** The same check at connect time, so a DNS answer that changes after checkHop cannot reach a local address. */
export function guardedLookup(typedHost: string | null, allowAll: boolean) {
  return (hostname: string, options: LookupOptions, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = allowAll || hostname.toLowerCase() === typedHost;
      if (!allowed && (addresses.length === 0 || addresses.some((entry) => isNonPublicAddress(entry.address)))) return callback(new AddressNotAllowed(hostname), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

type Fetcher = (url: string, init: { redirect: 'manual'; signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

const HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
  'user-agent': 'NewsroomReader/0.1 (offline reader)',
};

/**
 * GETs an http(s) URL, following up to MAX_REDIRECTS redirects by hand and checking each hop's
 * address; network failures, refused addresses, HTTP errors, timeouts and oversize bodies become
 * ImportInputError.
 */
export async function fetchResource(url: string, options: FetchOptions): Promise<FetchedResource> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ImportInputError({ kind: 'invalid-url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ImportInputError({ kind: 'not-http' });
  const typedHost = options.typedHost !== undefined ? options.typedHost : directlyTypedHost(url);

  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  const agent = options.fetch ? null : new Agent({ connect: { lookup: guardedLookup(typedHost, options.allowPrivateAddresses === true) } });
  const doFetch: Fetcher = options.fetch ?? ((target, init) => undiciFetch(target, { ...init, dispatcher: agent! }) as unknown as Promise<Response>);
  try {
    let current = parsed;
    let response: Response;
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new ImportInputError({ kind: 'not-http' });
      await checkHop(current, typedHost, options);
      response = await doFetch(current.href, { redirect: 'manual', signal, headers: { ...HEADERS, ...options.headers } });
      if (!REDIRECTS.has(response.status)) break;
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new ImportInputError({ kind: 'http-status', status: response.status, statusText: response.statusText });
      if (hop >= MAX_REDIRECTS) throw new ImportInputError({ kind: 'too-many-redirects', max: MAX_REDIRECTS });
      try {
        current = new URL(location, current);
      } catch {
        throw new ImportInputError({ kind: 'invalid-url' });
      }
    }
    const validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    if (response.status === 304 && options.acceptNotModified) {
      await response.body?.cancel();
      return { url: current.href, bytes: new Uint8Array(0), name: nameFromUrl(current.href), status: 304, ...validators };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new HttpStatusError(response.status, response.statusText, response.headers.get('retry-after'));
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel();
      throw tooLargeError(options.maxBytes);
    }
    const bytes = await readCapped(response, options.maxBytes);
    const finalUrl = current.href;
    return { url: finalUrl, bytes, contentType: response.headers.get('content-type') ?? undefined, name: nameFromUrl(finalUrl), status: response.status, ...validators };
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    const refused = findCause(error, AddressNotAllowed);
    if (refused) throw new ImportInputError({ kind: 'address-not-allowed', host: refused.host }, { cause: error });
    if (signal.aborted && !options.signal?.aborted) throw new ImportInputError({ kind: 'timeout', seconds: Math.round(timeoutMs / 1000) });
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new ImportInputError({ kind: 'fetch-failed', detail: `${error instanceof Error ? error.message : String(error)}${cause}` }, { cause: error });
  } finally {
    void agent?.close();
  }
}

function findCause<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof type) return current;
  }
  return null;
}
