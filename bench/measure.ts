// How the bench states a figure: repeated runs as median and min–max, percentiles at a true rank
// with the sample size, the machine's load beside every table, and ratios against the peers.
import { availableParallelism, loadavg } from 'node:os';

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function nearestRank(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Runs `work` `times` times in a row and returns each run's wall time in ms. */
export async function repeat(times: number, work: (run: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < times; run++) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1_000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

/** `median (min–max, n=3)`: how the bench prints a timing that was repeated. */
export function spread(samples: readonly number[], format: (value: number) => string = formatMs): string {
  if (samples.length === 0) return '—';
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 1) return `${format(sorted[0]!)} (n=1)`;
  return `${format(nearestRank(sorted, 50))} (${format(sorted[0]!)}–${format(sorted.at(-1)!)}, n=${sorted.length})`;
}

/** `p50 / p95 (n=…)`, both at nearest rank. */
export function quantiles(samples: readonly number[]): string {
  return `${formatMs(nearestRank(samples, 50))} / ${formatMs(nearestRank(samples, 95))} (n=${samples.length})`;
}

/** ours/peer: below 1 means ours is faster (for times) or lower. */
export function ratio(ours: number, peer: number): string {
  if (!(peer > 0) || !Number.isFinite(ours)) return '—';
  const r = ours / peer;
  return `×${r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toFixed(3)}`;
}

export function loadLine(): string {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} (1, 5, 15 min) on ${availableParallelism()} cores`;
}

/** A Markdown table, then the load average it was measured under. */
export function table(log: (line: string) => void, header: string[], rows: (string | number)[][]): void {
  log(`| ${header.join(' | ')} |`);
  log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) log(`| ${row.join(' | ')} |`);
  log(`_${loadLine()}_`);
}
