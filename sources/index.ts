// Public API of sources/: what commands/ wires into the running app.
export { CommitQueue, COMMIT_BATCH_ITEMS, COMMIT_DELAY_MS, type BatchRunner } from './commit-queue.ts';
export { ConnectionPool, KEEP_ALIVE_MS } from './connection-pool.ts';
export { discoverFeeds } from './feed-discovery.ts';
export { fetchFeed, parseFeedItems, DEFAULT_FEED_TIMEOUT_MS, DEFAULT_MAX_FEED_BYTES, type FeedFetchOptions, type FetchedFeed } from './feed-fetch.ts';
export { HostLimiter, PER_HOST_LIMIT, GLOBAL_LIMIT } from './host-limiter.ts';
export { opmlProblem, readOpml, writeOpml, type OpmlFeed, type OpmlRead } from './opml.ts';
export { RefreshScheduler, DEFAULT_TICK_MS } from './refresh-scheduler.ts';
export { backoffMs, nextAfterFailure, retryAfterMs } from './refresh-timing.ts';
export { itemKey, refreshSource, ITEMS_AT_ONCE, MAX_ITEMS_PER_REFRESH, sourceError, type Prefetched, type RefreshDependencies, type SourceWriter } from './source-refresher.ts';
