// Refreshes one source: a conditional GET (304 costs nothing), the feed parsed in the worker pool,
// each item committed on its own and recognised again by its GUID (else its link, else its text),
// and only then the source's validators and status written. A refresh killed half-way therefore
// leaves whole articles and the old validators: the next one fetches the whole feed and finishes.
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isDiskFull } from '../contract/errors.ts';
import type { ImportFailure } from '../contract/import-report.ts';
import type { SourceError, SourceRefreshResult } from '../contract/sources.ts';
import { describeImportFailure } from '../importers/import-failure.ts';
import { directlyTypedHost } from '../importers/address-policy.ts';
import type { PhotoDownloads } from '../importers/figure-images.ts';
import { ImportInputError, type ImportInput, type ParsedItem } from '../importers/import-types.ts';
import { parseFailureOf } from '../importers/parse-messages.ts';
import { HttpStatusError } from '../importers/url-fetch.ts';
import type { AddResult, ArticleDraft } from '../library/model.ts';
import type { SourceOutcome, SourceRecord } from '../library/source-store.ts';
import { fetchFeed, parseFeedItems, type FeedFetchOptions, type FetchedFeed } from './feed-fetch.ts';
import type { HostLimiter } from './host-limiter.ts';
import { nextAfterFailure } from './refresh-timing.ts';

/** Where a refresh writes; the library and its SourceStore implement it. */
export interface SourceWriter {
  recordOutcome(id: string, outcome: SourceOutcome): void;
  /** undefined: never seen; null: seen, and its article since deleted for good (it stays deleted). */
  articleForItem(sourceId: string, itemKey: string): string | null | undefined;
  rememberItem(sourceId: string, itemKey: string, articleId: string): void;
  /** Dedup against the whole library (canonical URL, same text); a known URL with new text is updated. */
  addArticle(draft: ArticleDraft): AddResult;
  /** The article an item became before, with possibly new text; null when it is gone. */
  updateArticle(id: string, draft: ArticleDraft): AddResult | null;
}

export interface RefreshDependencies {
  writer: SourceWriter;
  limiter: HostLimiter;
  fetch: FeedFetchOptions;
  now?: () => number;
  random?: () => number;
  /** Feed entries from fetched bytes; the importers' worker pool unless a test injects one. */
  parse?: (input: ImportInput, signal?: AbortSignal) => Promise<ParsedItem[]>;
  /** Keeps the photos of items seen for the first time; without it (photos turned off) figures go in without them. */
  photos?: PhotoDownloads;
}

/** Items committed between two turns of the event loop, so commands and searches are answered during a large refresh. */
const ITEMS_PER_TURN = 20;

export function sourceError(error: unknown, at: number): SourceError {
  // parseFailureOf already gives an ImportInputError's own reason.
  const reason: ImportFailure = isDiskFull(error) ? { kind: 'disk-full' } : parseFailureOf(error);
  return { reason, message: describeImportFailure(reason), at: new Date(at).toISOString() };
}

/** An item's identity within its source: the feed's GUID, else its link, else its title and text. */
export function itemKey(item: { draft: ArticleDraft; guid?: string }): string {
  if (item.guid) return `guid:${item.guid}`;
  if (item.draft.url) return `url:${item.draft.url.trim()}`;
  return `text:${createHash('sha256').update(`${item.draft.title}\n${item.draft.body}`).digest('base64url')}`;
}

/** A feed already fetched (subscribing reads it once to learn its title, then commits it here). */
export interface Prefetched {
  fetched: Extract<FetchedFeed, { kind: 'feed' }>;
  items: ParsedItem[];
}

export async function refreshSource(source: SourceRecord, deps: RefreshDependencies, signal?: AbortSignal, prefetched?: Prefetched): Promise<SourceRefreshResult> {
  const now = deps.now ?? Date.now;
  const result: SourceRefreshResult = { id: source.id, title: source.title, status: 'refreshed', imported: 0, updated: 0, unchanged: 0, failedItems: 0 };
  const intervalMs = source.intervalMinutes * 60_000;
  try {
    const fetched = prefetched?.fetched ?? (await deps.limiter.run(source.url, () => fetchFeed(source.url, source, { ...deps.fetch, signal })));
    if (fetched.kind === 'page') throw new ImportInputError({ kind: 'page-not-a-feed' });
    if (fetched.kind === 'feed') {
      const items = prefetched?.items ?? (await (deps.parse ?? parseFeedItems)(fetched.input, signal));
      try {
        await commitItems(source, items, deps, result, signal);
      } finally {
        deps.photos?.release();
      }
    } else result.status = 'not-modified';
    const at = now();
    deps.writer.recordOutcome(source.id, { ok: true, at: new Date(at).toISOString(), ...fetched.validators, nextRefreshAt: new Date(at + intervalMs).toISOString() });
    return result;
  } catch (error) {
    // Stopped by the host shutting down: nothing to record, the source is simply due again next start.
    if (signal?.aborted) return { ...result, status: 'skipped' };
    const at = now();
    const failure = sourceError(error, at);
    const retryAfter = error instanceof HttpStatusError ? error.retryAfter : null;
    const next = nextAfterFailure(at, source.failures + 1, intervalMs, retryAfter, deps.random);
    deps.writer.recordOutcome(source.id, { ok: false, error: failure, nextRefreshAt: new Date(next).toISOString() });
    return { ...result, status: 'failed', error: failure };
  }
}

async function commitItems(source: SourceRecord, items: readonly ParsedItem[], deps: RefreshDependencies, result: SourceRefreshResult, signal: AbortSignal | undefined): Promise<void> {
  const writer = deps.writer;
  for (const [index, item] of items.entries()) {
    if (signal?.aborted) throw signal.reason ?? new Error('refresh cancelled');
    if (index > 0 && index % ITEMS_PER_TURN === 0) await nextTurn();
    if (item.kind !== 'draft') {
      result.failedItems++;
      continue;
    }
    const key = itemKey(item);
    try {
      const known = writer.articleForItem(source.id, key);
      // The reader emptied it from the trash: a feed that still lists it must not bring it back.
      if (known === null) {
        result.unchanged++;
        continue;
      }
      // Photos only for an item never seen: a refresh that lists the same items again downloads nothing.
      const draft = known === undefined && deps.photos ? (await deps.photos.attach(item.draft, { typedHost: directlyTypedHost(source.url), signal })).draft : item.draft;
      const outcome = (known === undefined ? null : writer.updateArticle(known, draft)) ?? writer.addArticle(draft);
      writer.rememberItem(source.id, key, outcome.id);
      if (outcome.status === 'imported') result.imported++;
      else if (outcome.status === 'updated') result.updated++;
      else result.unchanged++;
    } catch (error) {
      // A full disk fails the whole refresh (validators unchanged); one unusable article does not.
      if (isDiskFull(error)) throw error;
      result.failedItems++;
    }
  }
}
