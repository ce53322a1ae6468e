// When segments merge. Each catch-up writes one small segment; merges keep their number and the work
// of re-merging low (a document is merged about log(N) times over its life), and the big oldest
// segment, main, is rewritten only when what is newer than it has grown comparable to it.

/** Past this many segments, the newest ones of similar size are merged during a batch. */
export const MAX_SEGMENTS = 8;
/** A run of newest segments takes in an older one no bigger than this many times the run. */
const SIZE_RATIO = 2;
/** At the end of a batch, the delta is folded into main when the batch indexed this many documents… */
const BATCH_FLOOR = 256;
/** …or when the delta holds this share of main's documents (and at least as many): a note or an edit alone never rewrites main. */
const FOLD_RATIO = 0.1;

/** Half-open range [from, to) of segments (oldest first) to merge into one, or null. */
export type MergeRun = readonly [from: number, to: number];

/** During a batch: only when there are too many segments, the newest run of comparable sizes. */
export function tierRun(documents: readonly number[]): MergeRun | null {
  if (documents.length <= MAX_SEGMENTS) return null;
  const to = documents.length;
  let from = to - 1;
  let sum = documents[from]!;
  while (from > 0 && documents[from - 1]! <= SIZE_RATIO * sum) sum += documents[--from]!;
  return [Math.min(from, to - 2), to];
}

/**
 * At the end of a batch (or after a quiet moment): everything newer than main becomes one delta, and
 * the delta is folded into main when the batch that just ended was an import-sized one (`batch`
 * documents indexed since the last settle) or the delta has grown past its share of main.
 */
export function settleRun(documents: readonly number[], batch: number): MergeRun | null {
  if (documents.length < 2) return null;
  const delta = documents.slice(1).reduce((a, b) => a + b, 0);
  if (batch >= BATCH_FLOOR || delta >= Math.max(BATCH_FLOOR, documents[0]! * FOLD_RATIO)) return [0, documents.length];
  return documents.length > 2 ? [1, documents.length] : null;
}
