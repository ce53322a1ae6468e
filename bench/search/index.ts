import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchDocument } from '../../search/search-document.ts';
import { UI_PAGE_SIZE } from '../e2e/in-process.ts';
import { formatMs, nearestRank, ratio, spread, table } from '../measure.ts';
import { generateArticles, seededRandom, syllableModel, type GeneratedArticle } from '../vietnamese-corpus.ts';
import { FlexSearchEngine, Fts5Engine, MiniSearchEngine, OurEngine, type BenchEngine, type BenchQuery } from './bench-engines.ts';
import { foldVietnamese } from './peer-fold.ts';
import { variantQueries, type VariantKind } from './variant-queries.ts';

// Fewer samples at 100,000 articles, where one slow peer query can take seconds.
const queriesPerClass = (scale: number): number => (scale <= 20_000 ? 200 : 50);
const VARIANTS_PER_KIND = 100;
const TARGETS = { build: 60_000, heap: 400 * 2 ** 20, load: 1_500, p95At20k: 30, p95At100k: 60, heapAt100k: 1.5 * 2 ** 30 };

export type QueryClass = '1 word' | '2 words' | '3 words' | '3 words typed without marks' | 'prefix (as you type)' | 'phrase';

interface EngineFigures {
  build: number[];
  heapBytes: number | null;
  sizeBytes: number;
  load: number[];
  /** The first query after each load (cold). */
  firstQuery: number[];
  /** Warm query times, in ms. */
  latency: Map<QueryClass, number[]>;
  recall: Map<VariantKind, number>;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** JS heap plus ArrayBuffers: our postings live in typed arrays, outside the V8 heap proper. */
function heapUsed(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function toDocuments(articles: readonly GeneratedArticle[]): SearchDocument[] {
  return articles.map((article, i) => ({
    id: `doc-${i}`,
    title: article.title,
    body: article.body,
    author: null,
    source: article.source,
    tags: [],
    publishedAt: article.publishedAt,
    importedAt: article.publishedAt,
    notes: [],
  }));
}

/** Realistic queries: runs of adjacent syllables from random articles, as a reader would type them. */
export function queryClasses(articles: readonly GeneratedArticle[], seed: number): Map<QueryClass, BenchQuery[]> {
  const perClass = queriesPerClass(articles.length);
  const random = seededRandom(seed);
  const run = (length: number): string[] => {
    for (;;) {
      const article = articles[Math.floor(random() * articles.length)]!;
      const words = (article.body.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []);
      const start = Math.floor(random() * Math.max(1, words.length - length));
      const slice = words.slice(start, start + length);
      if (slice.length === length) return slice;
    }
  };
  const classes = new Map<QueryClass, BenchQuery[]>();
  const make = (name: QueryClass, build: () => BenchQuery): void => {
    classes.set(name, Array.from({ length: perClass }, build));
  };
  for (const [name, length] of [['1 word', 1], ['2 words', 2], ['3 words', 3]] as const) {
    make(name, () => {
      const words = run(length);
      return { typed: `${words.join(' ')} `, words, prefix: false, phrase: false };
    });
  }
  make('3 words typed without marks', () => {
    const words = run(3).map(foldVietnamese);
    return { typed: `${words.join(' ')} `, words, prefix: false, phrase: false };
  });
  make('prefix (as you type)', () => {
    const words = run(2);
    const last = [...words[1]!];
    words[1] = last.slice(0, Math.max(1, Math.min(last.length - 1, 2))).join('');
    return { typed: words.join(' '), words, prefix: true, phrase: false };
  });
  make('phrase', () => {
    const words = run(2 + Math.floor(random() * 2));
    return { typed: `"${words.join(' ')}"`, words, prefix: false, phrase: true };
  });
  return classes;
}

function variantAsQuery(query: string): BenchQuery {
  const words = query.split(' ');
  return { typed: `${query} `, words, prefix: false, phrase: false };
}

const REPEATS = (scale: number): number => (scale <= 20_000 ? 3 : 1);

async function measure(
  engine: BenchEngine,
  docs: readonly SearchDocument[],
  classes: Map<QueryClass, BenchQuery[]>,
  variants: ReturnType<typeof variantQueries>,
): Promise<EngineFigures> {
  const figures: EngineFigures = { build: [], heapBytes: null, sizeBytes: 0, load: [], firstQuery: [], latency: new Map(), recall: new Map() };
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-search-'));
  const firstQueries = classes.get('2 words')!;
  try {
    for (let run = 0; run < REPEATS(docs.length); run++) {
      engine.dispose();
      const before = heapUsed();
      const started = performance.now();
      engine.build(docs);
      figures.build.push(performance.now() - started);
      if (run === 0) {
        figures.heapBytes = engine instanceof Fts5Engine ? null : heapUsed() - before;
        figures.sizeBytes = await engine.persist(dir);
      }
    }
    for (let run = 0; run < REPEATS(docs.length); run++) {
      engine.dispose();
      // Our engine highlights from the library's stored text, which a restart does not reload with the index.
      if (engine instanceof OurEngine) engine.attachDocuments(docs);
      heapUsed();
      const loadStarted = performance.now();
      await engine.load(dir);
      figures.load.push(performance.now() - loadStarted);
      // The first query after a load is what a user who just opened the app waits for; a different one each run.
      const firstStarted = performance.now();
      engine.search(firstQueries[firstQueries.length - 1 - run]!, UI_PAGE_SIZE);
      figures.firstQuery.push(performance.now() - firstStarted);
    }
    for (const [name, queries] of classes) {
      for (const query of queries.slice(0, 20)) engine.search(query, UI_PAGE_SIZE); // warm-up
      figures.latency.set(
        name,
        queries.map((query) => {
          const t = performance.now();
          engine.search(query, UI_PAGE_SIZE);
          return performance.now() - t;
        }),
      );
    }
    for (const variant of variants) {
      const found = engine.finds(variantAsQuery(variant.query), docs[variant.target]!.id) ? 1 : 0;
      figures.recall.set(variant.kind, (figures.recall.get(variant.kind) ?? 0) + found);
    }
    return figures;
  } finally {
    engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const median = (samples: readonly number[]): number => nearestRank(samples, 50);

export async function runSearchBench(options: { scales: number[]; corpusDir?: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  if (!gc) log('(run with --expose-gc for exact heap figures; `npm run bench` does)');
  const model = syllableModel(options.corpusDir);
  log(`Corpus: seeded generator, ~600 syllables per article, frequencies learned from ${options.corpusDir ? options.corpusDir : 'the built-in syllable list'}.`);
  for (const scale of options.scales) {
    const articles = [...generateArticles(scale, model, 42)];
    const docs = toDocuments(articles);
    const classes = queryClasses(articles, 7);
    const variants = variantQueries(articles, VARIANTS_PER_KIND);
    const engines: BenchEngine[] = [new OurEngine(), new MiniSearchEngine(), new FlexSearchEngine(), new Fts5Engine()];
    const figures: EngineFigures[] = [];
    for (const engine of engines) {
      log(`  measuring ${engine.name} at ${scale.toLocaleString('en')} articles…`);
      figures.push(await measure(engine, docs, classes, variants));
    }
    const ours = figures[0]!;
    const at20k = scale <= 20_000;
    const header = [`${scale.toLocaleString('en')} articles`, ...engines.map((e) => e.name), 'target (ours)'];
    const cell = (label: string, value: (f: EngineFigures) => number | null, format: (f: EngineFigures) => string, target = ''): string[] => [
      label,
      ...figures.map((f, i) => {
        const v = value(f);
        const base = value(ours);
        if (v === null) return 'native memory';
        return i === 0 || base === null ? format(f) : `${format(f)} (ours/peer ${ratio(base, v)})`;
      }),
      target,
    ];
    const rows: string[][] = [
      cell('build', (f) => median(f.build), (f) => spread(f.build), at20k ? '≤ 60 s' : ''),
      cell('index heap', (f) => f.heapBytes, (f) => mb(f.heapBytes!), at20k ? '≤ 400 MB' : '≤ 1.5 GB'),
      cell('serialized size', (f) => f.sizeBytes, (f) => mb(f.sizeBytes)),
      cell('cold load', (f) => median(f.load), (f) => spread(f.load), at20k ? '≤ 1.5 s' : ''),
      cell(`first query after load (cold), ${UI_PAGE_SIZE} hits`, (f) => median(f.firstQuery), (f) => spread(f.firstQuery)),
    ];
    for (const name of classes.keys()) {
      const n = ours.latency.get(name)!.length;
      rows.push(cell(`${name}: p50 (n=${n})`, (f) => nearestRank(f.latency.get(name)!, 50), (f) => formatMs(nearestRank(f.latency.get(name)!, 50))));
      rows.push(cell(`${name}: p95 (n=${n})`, (f) => nearestRank(f.latency.get(name)!, 95), (f) => formatMs(nearestRank(f.latency.get(name)!, 95)), at20k ? '≤ 30 ms' : '≤ 60 ms'));
    }
    log('');
    table(log, header, rows);
    log('');
    const kinds = [...new Set(variants.map((v) => v.kind))];
    const totals = new Map(kinds.map((kind) => [kind, variants.filter((v) => v.kind === kind).length]));
    table(
      log,
      ['recall: Vietnamese variant queries', ...engines.map((e) => e.name), 'target (ours)'],
      [
        ...kinds.map((kind) => [`${kind} (${totals.get(kind)})`, ...figures.map((f) => `${(((f.recall.get(kind) ?? 0) / totals.get(kind)!) * 100).toFixed(0)}%`), '100%']),
        ['all', ...figures.map((f) => `${(([...f.recall.values()].reduce((a, b) => a + b, 0) / variants.length) * 100).toFixed(1)}%`), '100%'],
      ],
    );
    const worstP95 = Math.max(...[...ours.latency.values()].map((samples) => nearestRank(samples, 95)));
    const misses = [
      at20k && median(ours.build) > TARGETS.build && 'build',
      ours.heapBytes !== null && ours.heapBytes > (at20k ? TARGETS.heap : TARGETS.heapAt100k) && 'heap',
      at20k && median(ours.load) > TARGETS.load && 'cold load',
      worstP95 > (at20k ? TARGETS.p95At20k : TARGETS.p95At100k) && 'p95',
      [...ours.recall.values()].reduce((a, b) => a + b, 0) < variants.length && 'recall',
    ].filter(Boolean);
    log(`\nTargets at ${scale.toLocaleString('en')}: ${misses.length === 0 ? 'all met' : `missed: ${misses.join(', ')}`}`);
  }
}
