import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport, type ImportTarget } from '../../importers/index.ts';
import { Library } from '../../library/index.ts';
import { SearchIndexManager } from '../../search/index.ts';
import { generateArticles, percentile, syllableModel, table } from '../vietnamese-corpus.ts';

function time<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

/**
 * Bulk import of generated plain-text articles through the real .txt importer into an empty
 * library (each article its own durable transaction) with the search index attached, as every host
 * has it, timed until the index has caught up; then list and count queries at 50,000.
 */
export async function runLibraryBench(options: { log: (line: string) => void; articles?: number; importSample?: number; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const total = options.articles ?? 50_000;
  const sample = Math.min(options.importSample ?? 5_000, total);
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-library-'));
  const library = Library.open(dir);
  try {
    const model = syllableModel(options.corpusDir);
    const articles = [...generateArticles(total, model, 7)];
    const encoder = new TextEncoder();
    const targets: ImportTarget[] = articles.slice(0, sample).map((article, i) => ({
      kind: 'bytes',
      name: `article-${i}.txt`,
      // Shaped like a scrape: title line, then one line with paragraphs split by two spaces.
      bytes: encoder.encode(`${article.title}\n${article.body.replace(/\n\n/g, '  ')}`),
    }));
    const search = new SearchIndexManager({ dir: library.dir, source: library });
    const detach = library.onChange((change) => search.notifyChanged(change));
    await search.open();
    await search.whenIdle();
    const started = performance.now();
    const report = await runImport(targets, library);
    await search.whenIdle();
    const importMs = performance.now() - started;
    // The fill below is setup for the list queries, not an import a user waits for.
    detach();
    await search.close();
    const rate = (report.imported.length / importMs) * 1000;

    const fill = time(() => {
      for (const article of articles.slice(sample)) {
        library.addArticle({ ...article, author: null, url: null, language: 'vi', blocks: [], origin: 'bench', tags: [] });
      }
    });

    const queries: [string, () => unknown][] = [
      ['list: all, newest first, first page', () => library.list({ limit: 200 })],
      ['list: unread, by title, page 100', () => library.list({ view: 'unread', sort: 'title', offset: 20_000, limit: 200 })],
      ['list: one source, date range', () => library.list({ source: 'Tuổi Trẻ', from: '2022-01-01', to: '2022-12-31', limit: 200 })],
      ['counts: whole sidebar', () => library.counts()],
    ];
    const rows = queries.map(([name, run]) => {
      const samples: number[] = [];
      for (let i = 0; i < 30; i++) samples.push(time(run).ms);
      return [name, percentile(samples, 50).toFixed(1), percentile(samples, 95).toFixed(1)];
    });

    table(
      log,
      ['library', 'value', 'target'],
      [
        [`import ${sample} .txt articles (importer + one durable commit each, index attached, until indexed)`, `${rate.toFixed(0)} articles/s`, '≥ 1,000 articles/s'],
        [`fill to ${total} articles (addArticle)`, `${((total - sample) / fill.ms * 1000).toFixed(0)} articles/s`, ''],
        ['failed imports', String(report.failed.length), '0'],
      ],
    );
    log('');
    table(log, [`query at ${library.counts().all} articles`, 'p50 ms', 'p95 ms'], rows);
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
