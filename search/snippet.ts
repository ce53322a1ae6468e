type Range = { start: number; end: number; typo?: true };

/** Where the query's words stand in a body, as highlighting found them. */
export interface SnippetFocus {
  /** Each matched token with the query words it stands for, bit i for word i. */
  words: { start: number; end: number; mask: number }[];
  /** Query words side by side in query order (or a quoted phrase); `exact` when written with the tones typed. */
  runs: { start: number; end: number; length: number; exact: boolean }[];
}

const WINDOW = 200;
/** How much text comes before the match a window is opened at. */
const LEAD = 40;

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

/** Window score, compared in order: longest run of the query's words, typed tones, distinct words. */
function windowScore(focus: SnippetFocus, from: number): [number, number, number] {
  const to = from + WINDOW;
  let run = 0;
  let exact = 0;
  for (const r of focus.runs) {
    if (r.start < from || r.end > to) continue;
    if (r.length > run) [run, exact] = [r.length, r.exact ? 1 : 0];
    else if (r.length === run && r.exact) exact = 1;
  }
  let words = 0;
  for (const w of focus.words) if (w.start >= from && w.end <= to) words |= w.mask;
  return [run, exact, popcount(words)];
}

/** Where the best window starts: at the phrase occurrence, else the most distinct words, else the earliest. */
function bestWindow(ranges: readonly Range[], focus: SnippetFocus | undefined): number {
  if (focus && focus.words.length + focus.runs.length > 0) {
    const openings = [...focus.runs, ...focus.words].map((r) => Math.max(0, r.start - LEAD)).sort((a, b) => a - b);
    let best = 0;
    let bestScore: [number, number, number] = [-1, -1, -1];
    for (const from of openings) {
      const score = windowScore(focus, from);
      if (score[0] > bestScore[0] || (score[0] === bestScore[0] && (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])))) {
        best = from;
        bestScore = score;
      }
    }
    return best;
  }
  // Without focus (no plain query words), the window holding the most marks.
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    const windowStart = Math.max(0, ranges[i]!.start - LEAD);
    const count = ranges.filter((r) => r.start >= windowStart && r.end <= windowStart + WINDOW).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = windowStart;
    }
  }
  return bestStart;
}

/**
 * The ~200-character window of the body centred on the best occurrence of the query, with ranges
 * relative to it: the query's words side by side in order (with the tones typed, for an accented
 * query) first, then the window with the most distinct query words, then the earliest.
 */
export function buildSnippet(body: string, ranges: readonly Range[], focus?: SnippetFocus): { text: string; matches: Range[] } {
  if (body.length <= WINDOW) return { text: body, matches: ranges.map((r) => ({ ...r })) };
  const bestStart = bestWindow(ranges, focus);
  let start = bestStart;
  let end = Math.min(body.length, start + WINDOW);
  // Cut at word boundaries so the snippet never starts or ends mid-syllable.
  if (start > 0) {
    const space = body.indexOf(' ', start);
    if (space !== -1 && space < start + 30 && ranges.every((r) => r.start >= space + 1 || r.end <= start)) start = space + 1;
  }
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > end - 30 && space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < body.length ? '…' : '';
  const text = `${prefix}${body.slice(start, end).replace(/\n/g, ' ')}${suffix}`;
  const matches = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r): Range => ({ start: r.start - start + prefix.length, end: r.end - start + prefix.length, ...(r.typo ? { typo: true } : {}) }));
  return { text, matches };
}
