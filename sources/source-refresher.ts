// Refreshes one source: a conditional GET (304 costs nothing), the feed parsed in the worker pool,
// each item written together with its item row (in a batch shared with the other sources refreshing,
// sources/commit-queue.ts) and recognised again by its GUID (else its link, else its text), and only
// then the source's validators and status written. A refresh killed half-way therefore leaves whole
// articles and the old validators: the next one fetches the whole feed and finishes.
import { createHash } from 'node:crypto';
import { isDiskFull } from '../contract/errors.ts';
import type { ImportFailure } from '../contract/import-report.ts';
import type { SourceError, SourceRefreshResult } from '../contract/sources.ts';
import { describeImportFailure } from '../importers/import-failure.ts';
import { directlyTypedHost } from '../importers/address-policy.ts';
import type { PhotoDownloads } from '../importers/figure-images.ts';
import { ImportInputError, type ImportInput, type ParsedItem } from '../importers/import-types.ts';
import { newestPositions } from '../importers/newest-entries.ts';
import { parseFailureOf } from '../importers/parse-messages.ts';
import { HttpStatusError } from '../importers/url-fetch.ts';
import type { AddResult, ArticleDraft } from '../library/model.ts';
import type { KnownItem, SourceOutcome, SourceRecord } from '../library/source-store.ts';
import { fetchFeed, parseFeedItems, type FeedFetchOptions, type FetchedFeed } from './feed-fetch.ts';
import { MAX_FULL_TEXT_TRIES, wantsFullText, withFullText, type FullTextOptions } from './full-text.ts';
import { CommitQueue, type BatchRunner } from './commit-queue.ts';
import type { HostLimiter } from './host-limiter.ts';
import { nextAfterFailure } from './refresh-timing.ts';

/** Where a refresh writes; the library and its SourceStore implement it. */
export interface SourceWriter {
  recordOutcome(id: string, outcome: SourceOutcome): void;
  /** undefined: never seen; articleId null: seen, and its article since deleted for good (it stays deleted). */
  knownItem(sourceId: string, itemKey: string): KnownItem | undefined;
  /** `itemHash`: the feed's text of the item, to skip it while unchanged; `fullTextFailed`: one more failed page fetch. */
  rememberItem(sourceId: string, itemKey: string, articleId: string, itemHash: string, fullTextFailed: boolean): void;
  /** Dedup against the whole library (canonical URL, same text); a known URL with new text is updated. */
  addArticle(draft: ArticleDraft): AddResult;
  /** The article an item became before, with possibly new text; null when it is gone. */
  updateArticle(id: string, draft: ArticleDraft): AddResult | null;
  /** The library's import batches (one transaction, one change event); without it each item commits alone. */
  importBatch?: BatchRunner;
}

export interface RefreshDependencies {
  writer: SourceWriter;
  limiter: HostLimiter;
  fetch: FeedFetchOptions;
  now?: () => number;
  random?: () => number;
  /** Feed entries from fetched bytes; the importers' worker pool unless a test injects one. */
  parse?: (input: ImportInput, signal?: AbortSignal) => Promise<ParsedItem[]>;
  /** Entries processed per refresh (the newest); default MAX_ITEMS_PER_REFRESH. */
  maxItems?: number;
  /** An item's full text from its linked page; sources/full-text.ts unless a test injects one. */
  fullText?: (draft: ArticleDraft, options: FullTextOptions) => Promise<ArticleDraft>;
  /** Per linked page; default DEFAULT_MAX_PAGE_BYTES. */
  maxPageBytes?: number;
  /** Keeps the photos of items seen for the first time; without it (photos turned off) figures go in without them. */
  photos?: PhotoDownloads;
  /** Where items wait for their batch; the app shares one between every source refreshing at once. */
  commits?: CommitQueue;
}

/** A feed that lists more (a 50,000-item archive dump) has its newest this many taken, the rest reported as skipped. */
export const MAX_ITEMS_PER_REFRESH = 500;

/**
 * Items of one source under way at once (page, photos, waiting for their batch). Enough to keep the
 * host's two request slots and the parse pool busy; few enough that a 500-item feed does not hold
 * hundreds of parsed pages in memory.
 */
export const ITEMS_AT_ONCE = 8;

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
  const result: SourceRefreshResult = {
    id: source.id,
    title: source.title,
    status: 'refreshed',
    imported: 0,
    updated: 0,
    unchanged: 0,
    failedItems: 0,
    skippedItems: 0,
    fullTextFetched: 0,
    fullTextFailed: 0,
    expired: 0,
  };
  const intervalMs = source.intervalMinutes * 60_000;
  try {
    const fetched = prefetched?.fetched ?? (await deps.limiter.run(source.url, () => fetchFeed(source.url, source, { ...deps.fetch, signal })));
    if (fetched.kind === 'page') throw new ImportInputError({ kind: 'page-not-a-feed' });
    if (fetched.kind === 'feed') {
      const maxItems = deps.maxItems ?? MAX_ITEMS_PER_REFRESH;
      // The parser builds articles for the newest entries only, and says how many it left out.
      const items = prefetched?.items ?? (await (deps.parse ?? parseFeedItems)({ ...fetched.input, maxEntries: maxItems }, signal));
      const newest = newestItems(items, maxItems);
      result.skippedItems = (items[0]?.entriesLeftOut ?? 0) + items.length - newest.length;
      try {
        await commitItems(source, newest, deps, result, signal);
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

/** At most `max` entries, the newest (see newestPositions), in the feed's own order. */
export function newestItems(items: readonly ParsedItem[], max: number): readonly ParsedItem[] {
  if (items.length <= max) return items;
  const kept = newestPositions(items.map((item) => (item.kind === 'draft' ? item.draft.publishedAt : null)), max);
  return items.filter((_item, index) => kept.has(index));
}

/** The feed's own text of an item: while it stays the same, the item is not looked at again. */
function itemHash(draft: ArticleDraft): string {
  return createHash('sha256').update(`${draft.url ?? ''}\n${draft.title}\n${draft.body}`).digest('base64url');
}

interface Pending {
  draft: ArticleDraft;
  key: string;
  hash: string;
  known: KnownItem | undefined;
  full: boolean;
}

/** The item as the feed has it, or null when there is nothing to do (unchanged, or emptied from the trash for good). */
function pendingItem(source: SourceRecord, item: ParsedItem & { kind: 'draft' }, writer: SourceWriter): Pending | null {
  const key = itemKey(item);
  const hash = itemHash(item.draft);
  const known = writer.knownItem(source.id, key);
  const full = wantsFullText(source.fullText, item.draft);
  // The reader emptied it from the trash: a feed that still lists it must not bring it back. An item
  // whose feed text is unchanged is done, unless its page failed before and deserves another try.
  const retry = full && known !== undefined && known.fullTextTries > 0 && known.fullTextTries < MAX_FULL_TEXT_TRIES;
  if (known?.articleId === null || (known?.itemHash === hash && !retry)) return null;
  return { draft: item.draft, key, hash, known, full };
}

/**
 * Each item goes its own way (its page fetched and read, its photos kept, then written with other
 * items in a shared batch), up to ITEMS_AT_ONCE of a source at a time: a slow page holds back only
 * itself. The HostLimiter keeps the requests polite, the parse pool bounds the parsing.
 */
async function commitItems(source: SourceRecord, items: readonly ParsedItem[], deps: RefreshDependencies, result: SourceRefreshResult, signal: AbortSignal | undefined): Promise<void> {
  const { writer } = deps;
  const commits = deps.commits ?? new CommitQueue(writer.importBatch ?? null);
  const fullTextOptions: FullTextOptions = { limiter: deps.limiter, fetch: deps.fetch, sourceUrl: source.url, maxBytes: deps.maxPageBytes, signal, hostsDown: new Map() };
  const typedHost = directlyTypedHost(source.url);

  /** `writing`: called as the item's write joins its batch (the batch then no longer waits for it). */
  const processItem = async (item: ParsedItem, writing: () => void): Promise<void> => {
    if (item.kind !== 'draft') {
      result.failedItems++;
      return;
    }
    const entry = pendingItem(source, item, writer);
    if (!entry) {
      result.unchanged++;
      return;
    }
    let draft = entry.draft;
    let failed = false;
    if (entry.full) {
      try {
        draft = await (deps.fullText ?? withFullText)(entry.draft, fullTextOptions);
        result.fullTextFetched++;
      } catch (error) {
        if (signal?.aborted) throw error;
        result.fullTextFailed++;
        result.fullTextError ??= sourceError(error, (deps.now ?? Date.now)());
        failed = true;
      }
    }
    // Photos only for an item never seen (after its full text, whose page has the figures): a refresh
    // that lists the same items again downloads nothing.
    if (entry.known === undefined && deps.photos) draft = (await deps.photos.attach(draft, { typedHost, signal })).draft;
    if (signal?.aborted) throw signal.reason ?? new Error('refresh cancelled');
    try {
      // The article and its item row are written together: a kill in between leaves neither.
      writing();
      const outcome = await commits.add(() => {
        const knownId = entry.known?.articleId;
        const added = (knownId ? writer.updateArticle(knownId, draft) : null) ?? writer.addArticle(draft);
        writer.rememberItem(source.id, entry.key, added.id, entry.hash, failed);
        return added;
      });
      if (outcome.status === 'imported') result.imported++;
      else if (outcome.status === 'updated') result.updated++;
      else result.unchanged++;
    } catch (error) {
      // A full disk fails the whole refresh (validators unchanged); one unusable article does not.
      if (isDiskFull(error)) throw error;
      result.failedItems++;
    }
  };

  let next = 0;
  let stopped: unknown = null;
  const lane = async (): Promise<void> => {
    while (next < items.length && stopped === null) {
      if (signal?.aborted) throw signal.reason ?? new Error('refresh cancelled');
      const item = items[next++]!;
      commits.expect();
      let written = false;
      try {
        await processItem(item, () => (written = true));
      } catch (error) {
        // The first failure stops the other lanes at their next item; it is the refresh's error.
        stopped ??= error;
        throw error;
      } finally {
        if (!written) commits.skip();
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(ITEMS_AT_ONCE, items.length) }, lane));
  const failure = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failure) throw stopped ?? failure.reason;
}
