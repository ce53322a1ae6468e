// When a source is fetched next: its own interval after a success; after failures, exponential
// backoff with jitter (so sources that failed together do not retry together), never sooner than the
// server's Retry-After and never later than a day.

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** The first retry after a failure comes after this, or the interval if that is shorter. */
export const FIRST_RETRY_MS = 5 * 60 * 1000;

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Delay before the next try after `failures` failures in a row (1 for the first): doubling from
 * min(FIRST_RETRY_MS, interval), capped at a day, scaled by a jitter factor in [0.5, 1).
 */
export function backoffMs(failures: number, intervalMs: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS, intervalMs);
  const exponential = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(Math.max(failures - 1, 0), 20));
  return Math.round(exponential * (0.5 + random() / 2));
}

/** The next refresh after a failure: backoff, but not before the server asked (Retry-After, capped at a day). */
export function nextAfterFailure(now: number, failures: number, intervalMs: number, retryAfter: string | null, random?: () => number): number {
  const asked = retryAfterMs(retryAfter, now);
  const delay = Math.max(backoffMs(failures, intervalMs, random), Math.min(asked ?? 0, MAX_BACKOFF_MS));
  return now + delay;
}
