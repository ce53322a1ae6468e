// Ranking quality on a judged set: ~50 hand-written Vietnamese news articles and ~40 queries whose
// relevant articles were judged by reading them, alone and hidden among generated background articles.
import type { SearchDocument } from '../../search/search-document.ts';
import { ratio, table } from '../measure.ts';
import { Fts5Engine, MiniSearchEngine, OurEngine, type BenchEngine, type BenchQuery } from '../search/bench-engines.ts';
import type { AvoidPhrase } from '../news-entities.ts';
import { foldVietnamese } from '../search/peer-fold.ts';
import { generateArticles, syllableModel } from '../vietnamese-corpus.ts';
import { ARTICLES_A } from './articles-a.ts';
import { ARTICLES_B } from './articles-b.ts';
import { ARTICLES_C } from './articles-c.ts';
import type { JudgedArticle, JudgedQuery, QueryKind } from './judged-set.ts';
import { ndcgAt, precisionAt, reciprocalRank } from './metrics.ts';
import { QUERIES } from './queries.ts';

export const JUDGED_ARTICLES: readonly JudgedArticle[] = [...ARTICLES_A, ...ARTICLES_B, ...ARTICLES_C];

/** The group issue 14 sets its target on (nDCG@10 ≥ 0.95): unaccented queries of two or three syllables. */
const SHORT_UNACCENTED = 'unaccented, 2–3 syllables';
type Group = QueryKind | 'all' | typeof SHORT_UNACCENTED;

function groupsOf(judged: JudgedQuery): Group[] {
  const syllables = asBenchQuery(judged.query).words.length;
  const short = judged.kind === 'unaccented' && syllables >= 2 && syllables <= 3;
  return short ? [judged.kind, SHORT_UNACCENTED, 'all'] : [judged.kind, 'all'];
}

interface Scores {
  ndcg: number;
  p5: number;
  mrr: number;
}

/**
 * Background articles count as not relevant, so they must not be about a judged query's subject. Their
 * text is syllables drawn from a bigram model (random "thủ tướng" or "đà nẵng" side by side stay: that
 * is the noise a ranking must see through), but their entity phrases name a subject outright: a story
 * headlined "Đà Nẵng: …" with the dateline "Đà Nẵng - Sáng 3.3" is about Đà Nẵng for any reader, and
 * "Phó thủ tướng Nguyễn Văn An" is a Deputy Prime Minister. Such phrases (places, titles, organisations,
 * names; figures stay) holding two syllables that stand side by side in a judged query are left out.
 */
export function judgedSubjects(queries: readonly JudgedQuery[]): AvoidPhrase {
  const syllables = (text: string): string[] => foldVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = new Set<string>();
  for (const judged of queries) {
    const words = syllables(judged.query);
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  return (phrase) => {
    if (/\p{N}/u.test(phrase)) return false;
    const words = syllables(phrase);
    return words.some((word, i) => i > 0 && pairs.has(`${words[i - 1]} ${word}`));
  };
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
  scores: Map<Group, Scores>;
  /** nDCG@10 of each query, in QUERIES order. */
  perQuery: number[];
  /** The top 10 ids of each query, in QUERIES order. */
  top10: string[][];
}

function score(engine: BenchEngine, queries: readonly JudgedQuery[]): EngineRun {
  const sums = new Map<Group, Scores & { n: number }>();
  const perQuery: number[] = [];
  const top10: string[][] = [];
  for (const judged of queries) {
    const ranked = engine.search(asBenchQuery(judged.query), 10);
    perQuery.push(ndcgAt(10, ranked, judged.relevant));
    top10.push(ranked.slice(0, 10));
    for (const key of groupsOf(judged)) {
      const sum = sums.get(key) ?? { ndcg: 0, p5: 0, mrr: 0, n: 0 };
      sum.ndcg += ndcgAt(10, ranked, judged.relevant);
      sum.p5 += precisionAt(5, ranked, judged.relevant);
      sum.mrr += reciprocalRank(ranked, judged.relevant);
      sum.n++;
      sums.set(key, sum);
    }
  }
  return { perQuery, top10, scores: new Map([...sums].map(([key, s]) => [key, { ndcg: s.ndcg / s.n, p5: s.p5 / s.n, mrr: s.mrr / s.n }])) };
}

export async function runRelevanceBench(options: { log: (line: string) => void; backgrounds: number[]; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const judged = JUDGED_ARTICLES.map(toDocument);
  const model = syllableModel(options.corpusDir);
  const kinds = [...new Set(QUERIES.map((q) => q.kind))];
  const groups: Group[] = ['all', ...kinds, SHORT_UNACCENTED];
  /** Per engine, the top 10 of each query over the judged articles alone (the first background, 0). */
  let alone: string[][][] | null = null;
  log('Background: generated articles whose entity phrases never name a judged query\'s subject (bench/relevance/index.ts, judgedSubjects).');
  log(`Judged set: ${judged.length} hand-written articles, ${QUERIES.length} queries (${kinds.map((k) => `${QUERIES.filter((q) => q.kind === k).length} ${k}`).join(', ')}).`);
  for (const background of options.backgrounds) {
    const generated = [...generateArticles(background, model, 77, judgedSubjects(QUERIES))].map((article, i) => toDocument({ ...article, id: `bg-${i}` }));
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
    for (const key of groups) {
      const n = QUERIES.filter((q) => groupsOf(q).includes(key)).length;
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
    if (background === 0) alone = runs.map((run) => run.top10);
    else if (alone) {
      // The issue's target: no judged relevant article that is in the top 10 alone falls out of it with background.
      engines.forEach((engine, e) => {
        const fallen = QUERIES.flatMap((judged, q) => {
          const lost = alone![e]![q]!.filter((id) => (judged.relevant[id] ?? 0) > 0 && !runs[e]!.top10[q]!.includes(id));
          return lost.length ? [`${judged.query}: ${lost.join(', ')}`] : [];
        });
        log(`${engine.name}: judged relevant articles out of the top 10 with background: ${fallen.length ? fallen.join('; ') : 'none'}`);
      });
    }
  }
}
