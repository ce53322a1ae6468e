// Queries as readers type them: runs of adjacent words from articles in the library, half with their
// marks and half without (folded by the bench's own fold, not the product's).
import { foldVietnamese } from '../search/peer-fold.ts';
import { seededRandom, type GeneratedArticle } from '../vietnamese-corpus.ts';

export function typedQueries(articles: readonly GeneratedArticle[], count: number, words: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  while (out.length < count) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const all = article.body.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
    const start = Math.floor(random() * Math.max(1, all.length - words));
    const run = all.slice(start, start + words);
    if (run.length < words) continue;
    const query = run.join(' ');
    out.push(out.length % 2 === 0 ? query : foldVietnamese(query));
  }
  return out;
}
