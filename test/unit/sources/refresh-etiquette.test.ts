import { describe, expect, it } from 'vitest';
import { HostLimiter } from '../../../sources/host-limiter.ts';
import { backoffMs, FIRST_RETRY_MS, MAX_BACKOFF_MS, nextAfterFailure, retryAfterMs } from '../../../sources/refresh-timing.ts';

describe('HostLimiter', () => {
  it('runs at most two at a time per host and six in all, in the order asked', async () => {
    const limiter = new HostLimiter();
    const running = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxPerHost = new Map<string, number>();
    const releases: (() => void)[] = [];
    const started: string[] = [];
    const hosts = ['a.vn', 'b.vn', 'c.vn', 'd.vn', 'e.vn'];
    const jobs = hosts.flatMap((host) =>
      [1, 2, 3].map((n) =>
        limiter.run(`https://${host}/feed-${n}`, async () => {
          started.push(`${host}#${n}`);
          running.set(host, (running.get(host) ?? 0) + 1);
          maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, running.get(host)!));
          maxTotal = Math.max(maxTotal, ++total);
          await new Promise<void>((resolve) => releases.push(resolve));
          running.set(host, running.get(host)! - 1);
          total--;
        }),
      ),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(started).toEqual(['a.vn#1', 'a.vn#2', 'b.vn#1', 'b.vn#2', 'c.vn#1', 'c.vn#2']);
    while (releases.length) {
      releases.shift()!();
      await settle();
      await settle();
    }
    await Promise.all(jobs);
    expect(started).toHaveLength(15);
    expect(maxTotal).toBe(6);
    expect(Math.max(...maxPerHost.values())).toBe(2);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new HostLimiter({ perHost: 1, global: 1 });
    await expect(limiter.run('https://a.vn/', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('https://a.vn/', async () => 'ok')).resolves.toBe('ok');
  });
});

describe('refresh timing', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const hour = 3_600_000;

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 01:00:00 GMT', now)).toBe(hour);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter, capped at a day', () => {
    const interval = 30 * 60_000;
    expect(backoffMs(1, interval, () => 0)).toBe(FIRST_RETRY_MS / 2);
    expect(backoffMs(1, interval, () => 0.999999)).toBeLessThanOrEqual(FIRST_RETRY_MS);
    expect(backoffMs(3, interval, () => 0)).toBe(FIRST_RETRY_MS * 2);
    expect(backoffMs(40, interval, () => 0.999999)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    // A source with an interval shorter than the first retry doubles from its own interval.
    expect(backoffMs(2, 2 * 60_000, () => 0)).toBe(2 * 60_000);
  });

  it('never retries before the server asked, nor later than a day', () => {
    expect(nextAfterFailure(now, 1, 30 * 60_000, '7200', () => 0)).toBe(now + 2 * hour);
    expect(nextAfterFailure(now, 1, 30 * 60_000, String(30 * 24 * 3600), () => 0)).toBe(now + MAX_BACKOFF_MS);
    expect(nextAfterFailure(now, 1, 30 * 60_000, null, () => 0)).toBe(now + FIRST_RETRY_MS / 2);
  });
});
