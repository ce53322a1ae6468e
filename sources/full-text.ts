// Full text for feeds that carry only a summary: the item's linked page, fetched as politely as the
// feed itself (the shared HostLimiter, the same time limit, the importers' address policy) and read by
// the same Readability pipeline as a saved page, in the parse pool. The article keeps the feed's link,
// title and date; only its text comes from the page, and only when the page says more than the feed.
import type { FullTextMode } from '../contract/sources.ts';
import { htmlImporter } from '../importers/html-importer.ts';
import { ImportInputError } from '../importers/import-types.ts';
import { directlyTypedHost } from '../importers/address-policy.ts';
import { sharedParsePool } from '../importers/parse-pool.ts';
import { fetchResource } from '../importers/url-fetch.ts';
import type { ArticleDraft } from '../library/model.ts';
import type { FeedFetchOptions } from './feed-fetch.ts';
import type { HostLimiter } from './host-limiter.ts';

/** A feed text shorter than this (in characters) is taken for a summary under `auto`. */
export const SUMMARY_MAX_CHARS = 600;
/** A news page is a few hundred KB; far larger is not an article. */
export const DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** Failed page fetches of one item before the feed's summary is kept for good. */
export const MAX_FULL_TEXT_TRIES = 3;

/** "…", "...", "[…]", "Đọc tiếp", "Xem thêm", "Read more", "Continue reading" at the end of the text. */
const TRUNCATED = /(?:…|\.{3}|\[\s*(?:…|\.{3})\s*\]|đọc tiếp|xem thêm|xem tiếp|read more|continue reading)\s*[»›>→]?\s*$/iu;

/** Whether the feed's text of an item looks like a teaser for a longer page. */
export function looksLikeSummary(body: string): boolean {
  const text = body.trim();
  return text.length < SUMMARY_MAX_CHARS || TRUNCATED.test(text);
}

/** Whether this item's page should be fetched under the source's setting. */
export function wantsFullText(mode: FullTextMode, draft: ArticleDraft): boolean {
  if (mode === 'never' || !draft.url) return false;
  return mode === 'always' || looksLikeSummary(draft.body);
}

export interface FullTextOptions {
  limiter: HostLimiter;
  fetch: FeedFetchOptions;
  /** The address the reader subscribed to: its host, if they typed a local one, is the only local host a page may be on. */
  sourceUrl: string;
  maxBytes?: number;
  signal?: AbortSignal;
  /**
   * Hosts that failed as a whole during this refresh (no answer, refused, 429/503), with their error:
   * the site's other items fail at once instead of asking a site that is down fifty more times.
   */
  hostsDown?: Map<string, unknown>;
}

/** A failure that says the site, not the page, is unreachable or asks to be left alone. */
function hostWide(error: unknown): boolean {
  if (!(error instanceof ImportInputError)) return false;
  const { reason } = error;
  return reason.kind === 'fetch-failed' || reason.kind === 'timeout' || reason.kind === 'address-not-allowed' || (reason.kind === 'http-status' && (reason.status === 429 || reason.status === 503));
}

/**
 * The item with the text of its linked page. Throws an ImportInputError (timeout, HTTP status, address
 * refused, not a page…) for the caller to record; the caller then keeps the feed's own text.
 */
export async function withFullText(draft: ArticleDraft, options: FullTextOptions): Promise<ArticleDraft> {
  const link = draft.url;
  if (!link) throw new ImportInputError({ kind: 'invalid-url' });
  const host = new URL(link).host;
  const fetched = await options.limiter.run(link, async () => {
    const down = options.hostsDown?.get(host);
    if (down !== undefined) throw down;
    return fetchResource(link, {
      headers: { 'user-agent': options.fetch.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      timeoutMs: options.fetch.timeoutMs,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES,
      signal: options.signal,
      allowPrivateAddresses: options.fetch.allowPrivateAddresses,
      fetch: options.fetch.fetch,
      // A feed must not make the app read this computer's or the network's services: only the host the
      // reader typed for the feed itself (an intranet feed linking to its own pages) is let through.
      typedHost: directlyTypedHost(options.sourceUrl),
    }).catch((error: unknown) => {
      if (hostWide(error)) options.hostsDown?.set(host, error);
      throw error;
    });
  });
  if (fetched.bytes.byteLength === 0) throw new ImportInputError({ kind: 'empty-file' });
  const input = { name: fetched.name, bytes: fetched.bytes, origin: fetched.url, contentType: fetched.contentType };
  if (!htmlImporter.accepts(input)) throw new ImportInputError({ kind: 'unrecognised-format' });
  const [parsed] = await sharedParsePool().parse(input, htmlImporter.id, { signal: options.signal });
  if (parsed?.kind !== 'draft') throw new ImportInputError(parsed?.kind === 'failed' ? parsed.reason : { kind: 'no-text' });
  const page = parsed.draft;
  // A paywall or a cookie wall says less than the feed did: the feed's text is the better article.
  if (page.body.trim().length <= draft.body.trim().length) throw new ImportInputError({ kind: 'no-text' });
  // The page's figures replace the feed's: their photos are the page's (the feed's block numbers would
  // point into the wrong blocks).
  const { imageSources: _feedPhotos, ...feed } = draft;
  return {
    ...feed,
    ...(page.imageSources?.length ? { imageSources: page.imageSources } : {}),
    body: page.body,
    blocks: page.blocks,
    author: draft.author ?? page.author,
    language: page.language || draft.language,
    publishedAt: draft.publishedAt ?? page.publishedAt,
    tags: draft.tags.length ? draft.tags : page.tags,
  };
}
