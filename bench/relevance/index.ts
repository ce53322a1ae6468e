// Ranking quality on a judged set: ~50 hand-written Vietnamese news articles and ~40 queries whose
// relevant articles were judged by reading them, alone and hidden among generated background articles.
import type { SearchDocument } from '../../search/search-document.ts';
import { ratio, table } from '../measure.ts';
import { Fts5Engine, MiniSearchEngine, OurEngine, type BenchEngine, type BenchQuery } from '../search/bench-engines.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';
import { ARTICLES_A } from './articles-a.ts';
import { ARTICLES_B } from './articles-b.ts';
import type { JudgedArticle, JudgedQuery, QueryKind } from './judged-set.ts';
import { ndcgAt, precisionAt, reciprocalRank } from './metrics.ts';
import { QUERIES } from './queries.ts';

export const JUDGED_ARTICLES: readonly JudgedArticle[] = [...ARTICLES_A, ...ARTICLES_B];

interface Scores {
  ndcg: number;
  p5: number;
  mrr: number;
}

function toDocument(article: { id: string; title: string; body: string; source: string; publishedAt: string }): SearchDocument {
  return { ...article, author: null, tags: [], importedAt: article.publishedAt, notes: [] };
}

export function asBenchQuery(query: string): BenchQuery {
  const phrase = /^".*"$/u.test(query.trim());
  const words = query.match(/[\p{L}\p{M}\p{N}]+(?:[.,][\p{N}]+)*%?/gu) ?? [];
  // A trailing space: the reader has finished the last word (no prefix expansion).
  return { typed: phrase ? query : `${query} `, words, prefix: false, phrase };
}

interface EngineRun {
  scores: Map<QueryKind | 'all', Scores>;
  /** nDCG@10 of each query, in QUERIES order. */
  perQuery: number[];
}

function score(engine: BenchEngine, queries: readonly JudgedQuery[]): EngineRun {
  const sums = new Map<QueryKind | 'all', Scores & { n: number }>();
  const perQuery: number[] = [];
  for (const judged of queries) {
    const ranked = engine.search(asBenchQuery(judged.query), 10);
    perQuery.push(ndcgAt(10, ranked, judged.relevant));
    for (const key of [judged.kind, 'all'] as const) {
      const sum = sums.get(key) ?? { ndcg: 0, p5: 0, mrr: 0, n: 0 };
      sum.ndcg += ndcgAt(10, ranked, judged.relevant);
      sum.p5 += precisionAt(5, ranked, judged.relevant);
      sum.mrr += reciprocalRank(ranked, judged.relevant);
      sum.n++;
      sums.set(key, sum);
    }
  }
  return { perQuery, scores: new Map([...sums].map(([key, s]) => [key, { ndcg: s.ndcg / s.n, p5: s.p5 / s.n, mrr: s.mrr / s.n }])) };
}

export async function runRelevanceBench(options: { log: (line: string) => void; backgrounds: number[]; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const judged = JUDGED_ARTICLES.map(toDocument);
  const model = syllableModel(options.corpusDir);
  const kinds = [...new Set(QUERIES.map((q) => q.kind))];
  log(`Judged set: ${judged.length} hand-written articles, ${QUERIES.length} queries (${kinds.map((k) => `${QUERIES.filter((q) => q.kind === k).length} ${k}`).join(', ')}).`);
  for (const background of options.backgrounds) {
    const generated = [...generateArticles(background, model, 77)].map((article, i) => toDocument({ ...article, id: `bg-${i}` }));
    const docs = [...judged, ...generated];
    const engines: BenchEngine[] = [new OurEngine(), new Fts5Engine(), new MiniSearchEngine()];
    const runs: EngineRun[] = [];
    for (const engine of engines) {
      log(`  ${engine.name}: indexing ${docs.length.toLocaleString('en')} articles…`);
      engine.build(docs);
      runs.push(score(engine, QUERIES));
      engine.dispose();
    }
    const results = runs.map((run) => run.scores);
    const label = background ? `${judged.length} judged + ${background.toLocaleString('en')} generated` : `${judged.length} judged articles alone`;
    const rows: string[][] = [];
    for (const key of ['all', ...kinds] as const) {
      const n = key === 'all' ? QUERIES.length : QUERIES.filter((q) => q.kind === key).length;
      for (const metric of ['ndcg', 'p5', 'mrr'] as const) {
        const name = { ndcg: 'nDCG@10', p5: 'P@5', mrr: 'MRR@10' }[metric];
        const ours = results[0]!.get(key)![metric];
        rows.push([
          `${name}, ${key} (${n})`,
          ...results.map((r, i) => `${r.get(key)![metric].toFixed(3)}${i === 0 ? '' : ` (ours/peer ${ratio(ours, r.get(key)![metric])})`}`),
        ]);
      }
    }
    log('');
    table(log, [label, ...engines.map((e) => e.name)], rows);
    const behind = QUERIES.flatMap((judged, q) => {
      const best = Math.max(...runs.slice(1).map((run) => run.perQuery[q]!));
      const ours = runs[0]!.perQuery[q]!;
      return ours < best || ours < 0.5 ? [`${judged.query} (ours ${ours.toFixed(2)}, best peer ${best.toFixed(2)})`] : [];
    });
    if (behind.length) log(`Queries where ours ranks below a peer or under 0.5 nDCG: ${behind.join('; ')}`);
  }
}
