// A feed that lists far more entries than anyone reads at once (an archive dump of 50,000) is cut to its
// newest ones before the expensive part: building each entry's article.

/**
 * The positions of the `max` newest entries by date, newest first; undated entries count as newer than
 * dated ones (feeds list their newest first, and an undated entry is usually a fresh one). Equal dates
 * keep the feed's order. All positions when there are no more than `max`.
 */
export function newestPositions(dates: readonly (string | null | undefined)[], max: number): Set<number> {
  const order = dates.map((date, index) => ({ index, key: date ?? '\uffff' }));
  if (order.length > max) order.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return new Set(order.slice(0, max).map((entry) => entry.index));
}
