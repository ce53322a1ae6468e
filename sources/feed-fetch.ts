// One polite GET of a source's address: conditional, bounded in time and size, through the importers'
// URL policy (http(s) only, every redirect hop's address checked). Says whether the answer is a feed,
// a web page (to look for feeds in) or nothing new.
import { feedImporter } from '../importers/feed-importer.ts';
import { sniffDeclaredEntities, sniffFeed, sniffHtml, sniffJsonFeed } from '../importers/format-sniff.ts';
import { ImportInputError, type ImportInput, type ParsedItem } from '../importers/import-types.ts';
import { sharedParsePool } from '../importers/parse-pool.ts';
import { decodeText } from '../importers/text-decoding.ts';
import { fetchResource } from '../importers/url-fetch.ts';

export const DEFAULT_FEED_TIMEOUT_MS = 20_000;
/** Far above a real feed (a few hundred KB); a 50,000-item dump is refused rather than parsed. */
export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;

export interface FeedFetchOptions {
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Only for tests' own loopback servers reached through other names or redirects. */
  allowPrivateAddresses?: boolean;
  /** The app's shared keep-alive connections (ConnectionPool.fetch); without it, one connection per fetch. */
  fetch?: typeof fetch;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchedFeed =
  | { kind: 'not-modified'; validators: Validators }
  | { kind: 'feed'; input: ImportInput; validators: Validators }
  | { kind: 'page'; html: string; url: string };

export async function fetchFeed(url: string, previous: Validators, options: FeedFetchOptions): Promise<FetchedFeed> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1',
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  const fetched = await fetchResource(url, {
    headers,
    acceptNotModified: true,
    timeoutMs: options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_FEED_BYTES,
    signal: options.signal,
    allowPrivateAddresses: options.allowPrivateAddresses,
    fetch: options.fetch,
  });
  // A server that omits the validators on a 304 still means the ones we sent.
  if (fetched.status === 304) return { kind: 'not-modified', validators: { etag: fetched.etag ?? previous.etag, lastModified: fetched.lastModified ?? previous.lastModified } };
  const input: ImportInput = { name: fetched.name, bytes: fetched.bytes, origin: fetched.url, contentType: fetched.contentType };
  if (input.bytes.byteLength === 0) throw new ImportInputError({ kind: 'empty-file' });
  if (sniffDeclaredEntities(input)) throw new ImportInputError({ kind: 'xml-entities' });
  const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  if (sniffFeed(input) || sniffJsonFeed(input)) return { kind: 'feed', input, validators };
  if (sniffHtml(input)) return { kind: 'page', html: decodeText(input.bytes), url: fetched.url };
  if (feedImporter.accepts(input)) return { kind: 'feed', input, validators };
  throw new ImportInputError({ kind: 'page-not-a-feed' });
}

/** The feed's entries, parsed in the importers' worker pool (time- and memory-limited, off the core's thread). */
export async function parseFeedItems(input: ImportInput, signal?: AbortSignal, timeoutMs?: number): Promise<ParsedItem[]> {
  try {
    return await sharedParsePool().parse(input, feedImporter.id, { signal, timeoutMs });
  } catch (error) {
    // A feed with nothing in it yet is a quiet source, not a broken one.
    if (error instanceof ImportInputError && error.reason.kind === 'feed-without-entries') return [];
    throw error;
  }
}
