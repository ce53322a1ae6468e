// The desk's many-at-a-time paths (issue 16): one bulk action over 10,000 selected articles, and the
// new counts of 50 saved searches after an import of 1,000. Both through the command dispatcher of an
// AppContext, as serve and the desktop core run them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../commands/app-context.ts';
import type { BulkResult, CommandOutcome, LibraryChange } from '../../contract/index.ts';
import type { ArticleDraft } from '../../library/index.ts';
import { spread, table } from '../measure.ts';
import { generateArticles, syllableModel, type GeneratedArticle } from '../vietnamese-corpus.ts';

const SELECTED = 10_000;
const SAVED_SEARCHES = 50;
const IMPORTED = 1_000;
const RUNS = 3;

const draftOf = (article: GeneratedArticle, tag: string): ArticleDraft => ({ ...article, author: null, url: null, language: 'vi', blocks: [], origin: 'bench', tags: [tag] });

async function call<T>(context: AppContext, name: string, args: unknown): Promise<T> {
  const outcome = (await context.dispatch(name, args)) as CommandOutcome<T>;
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.value;
}

/** Two neighbouring words of a generated title: a query that finds some articles, as a watched topic would. */
function topicOf(article: GeneratedArticle, at: number): string {
  const words = article.title.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const start = at % Math.max(1, words.length - 1);
  return words.slice(start, start + 2).join(' ');
}

export async function runDeskBench(options: { log: (line: string) => void; articles: number; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const total = Math.max(options.articles, SELECTED);
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-desk-'));
  const context = await AppContext.open({ libraryDir: dir, runtime: 'browser' });
  try {
    const model = syllableModel(options.corpusDir);
    const articles = [...generateArticles(total + IMPORTED, model, 16)];
    const library = context.library;
    const fillStarted = performance.now();
    for (let at = 0; at < total; at += 1_000) {
      library.importBatch((each) => {
        for (const article of articles.slice(at, Math.min(total, at + 1_000))) each(() => library.addArticle(draftOf(article, 'bench')));
      });
    }
    await context.search.whenIdle();
    log(`Library: ${library.counts().all} generated articles, built and indexed in ${spread([performance.now() - fillStarted])}.`);

    // One bulk action over 10,000 named ids (the renderer's explicit selection), then its undo.
    const ids = library.list({ limit: 1000 }).items.map((item) => item.id);
    for (let offset = 1000; ids.length < SELECTED; offset += 1000) ids.push(...library.list({ offset, limit: 1000 }).items.map((item) => item.id));
    const changes: LibraryChange[] = [];
    const off = library.onChange((change) => changes.push(change));
    const apply: number[] = [];
    const undo: number[] = [];
    const byQuery: number[] = [];
    let commits = 0;
    for (let run = 0; run < RUNS; run++) {
      changes.length = 0;
      let started = performance.now();
      const result = await call<BulkResult>(context, 'library.bulk', { action: { kind: 'archive' }, target: { ids: ids.slice(0, SELECTED) } });
      apply.push(performance.now() - started);
      commits = Math.max(commits, changes.length);
      if (result.count !== SELECTED) throw new Error(`archived ${result.count}, not ${SELECTED}`);
      started = performance.now();
      await call(context, 'library.bulkUndo', { token: result.undoToken });
      undo.push(performance.now() - started);
      // "Select all" in a view: the core resolves the query itself.
      started = performance.now();
      const tagged = await call<BulkResult>(context, 'library.bulk', { action: { kind: 'tag', tag: `run-${run}` }, target: { list: { view: 'all', tag: 'bench' } } });
      byQuery.push(performance.now() - started);
      await call(context, 'library.bulkUndo', { token: tagged.undoToken });
    }
    off();
    table(
      log,
      [`bulk action (${total} articles in the library)`, 'median (min–max, n)', 'target'],
      [
        [`archive ${SELECTED} selected ids: command → committed (${commits} commit${commits === 1 ? '' : 's'})`, spread(apply), '< 1 s, one transaction'],
        [`undo it: every article back to its previous value`, spread(undo), ''],
        [`tag "select all" of the view (${total} articles, resolved in the core)`, spread(byQuery), ''],
      ],
    );

    // 50 saved searches, then an import of 1,000, then their counts.
    for (let i = 0; i < SAVED_SEARCHES; i++) {
      const query = topicOf(articles[total + ((i * 37) % IMPORTED)]!, i);
      await call(context, 'watch.add', { name: `Chủ đề ${i + 1}`, query, ...(i % 5 === 0 ? { filters: { source: articles[i]!.source } } : {}) });
    }
    await context.watch.list();
    const importStarted = performance.now();
    library.importBatch((each) => {
      for (const article of articles.slice(total, total + IMPORTED)) each(() => library.addArticle(draftOf(article, 'new')));
    });
    await context.watch.whenIdle();
    const toAnnounced = performance.now() - importStarted;
    const recount: number[] = [];
    let matched = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const counts = await context.watch.recount();
      recount.push(performance.now() - started);
      matched = counts.counts.reduce((sum, count) => sum + count.newCount, 0);
    }
    // The part of a recount that is SQL (each search's candidate articles), the rest is the engine.
    const saved = library.savedSearches.list();
    const candidates = await (async () => {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        for (const search of saved) library.savedSearches.importedSince(search.lastOpenedAt, search.filters);
        samples.push(performance.now() - started);
      }
      return samples;
    })();
    table(
      log,
      [`${SAVED_SEARCHES} saved searches after importing ${IMPORTED}`, 'median (min–max, n)', 'target'],
      [
        [`recount all ${SAVED_SEARCHES} (${matched} new matches in all)`, spread(recount), '< 500 ms'],
        [`of which: the ${SAVED_SEARCHES} candidate sets read from SQLite`, spread(candidates), ''],
        ['import committed → `watch.counts` announced (index catch-up included)', spread([toAnnounced]), ''],
      ],
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
