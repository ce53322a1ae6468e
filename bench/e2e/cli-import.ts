// `newsroom-reader import FOLDER` of N scraped .txt files, or N saved news pages (.html, Readability),
// into an empty library, as a user runs it: the clock stops when the command has returned AND a CLI
// search finds the last file's words.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../../library/index.ts';
import { newsPage } from '../library/html-import.ts';
import { formatMs, spread } from '../measure.ts';
import type { GeneratedArticle } from '../vietnamese-corpus.ts';
import { runCli } from './cli-process.ts';

const RUNS = 3;

interface ImportReportJson {
  imported: { id: string; path: string }[];
  failed: unknown[];
}

export type ImportKind = 'txt' | 'html';

/**
 * .txt in the scraped shape: title, then the paragraphs on one line separated by two spaces.
 * .html: a news site's article page, with navigation, related links and scripts around the article.
 */
function writeFiles(dir: string, articles: readonly GeneratedArticle[], kind: ImportKind): string[] {
  return articles.map((article, i) => {
    const path = join(dir, `article-${String(i).padStart(6, '0')}.${kind}`);
    writeFileSync(path, kind === 'txt' ? `${article.title}\n${article.body.replace(/\n\n/g, '  ')}` : newsPage(article, i, articles.slice(i + 1, i + 6)));
    return path;
  });
}

/** Four words from the middle of the last file's body: found only once it has been indexed. */
function probeFor(article: GeneratedArticle): string {
  const words = article.body.split('\n\n')[1]!.match(/[\p{L}\p{M}]+/gu)!;
  return `"${words.slice(2, 6).join(' ')}"`;
}

/** How far a killed import got: the articles its committed transactions hold. */
function storedArticles(dir: string): number {
  const library = Library.open(dir);
  try {
    return library.counts().all;
  } finally {
    library.close();
  }
}

export interface ImportFigures {
  rows: string[][];
  /** Wall time of the runs that finished; empty when the first did not. */
  samples: number[];
}

export async function measureCliImport(articles: readonly GeneratedArticle[], capMs: number, log: (line: string) => void, kind: ImportKind = 'txt'): Promise<ImportFigures> {
  const root = mkdtempSync(join(tmpdir(), 'nr-bench-import-'));
  const n = articles.length;
  try {
    const input = join(root, 'input');
    mkdirSync(input);
    const paths = writeFiles(input, articles, kind);
    const what = `${n} .${kind} files`;
    const target = kind === 'txt' ? '≥ 1,000 articles/s' : '≥ 100 articles/s';
    const lastPath = paths.at(-1)!;
    const commandSamples: number[] = [];
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const library = join(root, `library-${run}`);
      log(`  CLI import of ${what}, run ${run + 1}/${RUNS} (cap ${formatMs(capMs)})…`);
      const started = performance.now();
      const result = await runCli(['--library', library, '--json', 'import', input], capMs);
      if (result.timedOut) {
        const stored = storedArticles(library);
        const rate = `${((stored / capMs) * 1000).toFixed(1)}/s stored so far`;
        return { samples, rows: [[`CLI import of ${what} (index attached) → searchable`, `did not finish in ${formatMs(capMs)} (killed; ${stored} of ${n} stored)`, rate, target]] };
      }
      const report = JSON.parse(result.stdout) as ImportReportJson;
      const lastId = report.imported.find((item) => item.path === lastPath)?.id;
      if (report.imported.length !== n || !lastId) throw new Error(`import brought in ${report.imported.length} of ${n} (${report.failed.length} failed)`);
      commandSamples.push(result.ms);
      // The command has returned; the articles count only once a search finds them.
      for (;;) {
        const left = capMs - (performance.now() - started);
        if (left <= 0) return { samples, rows: [[`CLI import of ${what} → searchable`, `not searchable within ${formatMs(capMs)}`, '', '']] };
        const search = await runCli(['--library', library, '--json', 'search', probeFor(articles.at(-1)!), '--limit', '500'], left);
        const hits = search.code === 0 ? (JSON.parse(search.stdout) as { hits: { id: string }[] }).hits : [];
        if (hits.some((hit) => hit.id === lastId)) break;
      }
      samples.push(performance.now() - started);
      rmSync(library, { recursive: true, force: true });
    }
    const rates = (list: number[]): string => spread(list.map((ms) => (n / ms) * 1000), (value) => `${value.toFixed(1)}/s`);
    return {
      samples,
      rows: [
        [`CLI import of ${what}: command returned`, spread(commandSamples), rates(commandSamples), ''],
        [`CLI import of ${what} → last one found by CLI search`, spread(samples), rates(samples), target],
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
