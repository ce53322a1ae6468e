type Range = { start: number; end: number };

const WINDOW = 200;

/** The ~200-character window of the body holding the most matches, with ranges relative to it. */
export function buildSnippet(body: string, ranges: readonly Range[]): { text: string; matches: Range[] } {
  if (body.length <= WINDOW) return { text: body, matches: ranges.map((r) => ({ ...r })) };
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    const windowStart = Math.max(0, ranges[i]!.start - 40);
    const count = ranges.filter((r) => r.start >= windowStart && r.end <= windowStart + WINDOW).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = windowStart;
    }
  }
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
    .map((r) => ({ start: r.start - start + prefix.length, end: r.end - start + prefix.length }));
  return { text, matches };
}
