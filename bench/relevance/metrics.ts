// Graded-relevance measures over a ranked list of ids: nDCG@10 (gain 2^rel − 1, log2 discount),
// precision at 5 and reciprocal rank of the first relevant hit within the top 10.

export function ndcgAt(k: number, ranked: readonly string[], relevant: Record<string, number>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (2 ** (relevant[id] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(relevant).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function precisionAt(k: number, ranked: readonly string[], relevant: Record<string, number>): number {
  return ranked.slice(0, k).filter((id) => (relevant[id] ?? 0) > 0).length / k;
}

export function reciprocalRank(ranked: readonly string[], relevant: Record<string, number>, depth = 10): number {
  const index = ranked.slice(0, depth).findIndex((id) => (relevant[id] ?? 0) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}
