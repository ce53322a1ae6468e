// The desk's many-at-a-time paths (issue 16): one bulk action over 10,000 selected articles, and the
// new counts of 50 saved searches after an import of 1,000. Both through the command dispatcher of an
// AppContext, as serve and the desktop core run them, up to the `watch.counts` event the UI waits for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../commands/app-context.ts';
import { startCpuProfile } from '../cpu-profile.ts';
import type { BulkResult, CommandOutcome, LibraryChange, WatchCounts } from '../../contract/index.ts';
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
    // The library, then a fresh 1,000 for each run of the saved searches' recount.
    const articles = [...generateArticles(total + IMPORTED * RUNS, model, 16)];
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
    // CPU time of this thread (the core's: dispatch, SQLite) beside each wall time: on a shared machine the
    // wall says more about the load. The thread's, not the process's: the index worker may be busy re-indexing a tag.
    const cpu = { apply: [] as number[], undo: [] as number[], byQuery: [] as number[] };
    let cpuStarted = process.threadCpuUsage();
    const cpuSince = (): number => {
      const used = process.threadCpuUsage(cpuStarted);
      return (used.user + used.system) / 1000;
    };
    let commits = 0;
    for (let run = 0; run < RUNS; run++) {
      changes.length = 0;
      let started = performance.now();
      cpuStarted = process.threadCpuUsage();
      const result = await call<BulkResult>(context, 'library.bulk', { action: { kind: 'archive' }, target: { ids: ids.slice(0, SELECTED) } });
      apply.push(performance.now() - started);
      cpu.apply.push(cpuSince());
      commits = Math.max(commits, changes.length);
      if (result.count !== SELECTED) throw new Error(`archived ${result.count}, not ${SELECTED}`);
      started = performance.now();
      cpuStarted = process.threadCpuUsage();
      await call(context, 'library.bulkUndo', { token: result.undoToken });
      undo.push(performance.now() - started);
      cpu.undo.push(cpuSince());
      // "Select all" in a view: the core resolves the query itself.
      started = performance.now();
      cpuStarted = process.threadCpuUsage();
      const tagged = await call<BulkResult>(context, 'library.bulk', { action: { kind: 'tag', tag: `run-${run}` }, target: { list: { view: 'all', tag: 'bench' } } });
      byQuery.push(performance.now() - started);
      cpu.byQuery.push(cpuSince());
      await call(context, 'library.bulkUndo', { token: tagged.undoToken });
    }
    off();
    table(
      log,
      [`bulk action (${total} articles in the library)`, 'median (min–max, n)', 'CPU time of the core’s thread', 'target'],
      [
        [`archive ${SELECTED} selected ids: command → committed (${commits} commit${commits === 1 ? '' : 's'})`, spread(apply), spread(cpu.apply), '< 1 s, one transaction'],
        [`undo it: every article back to its previous value`, spread(undo), spread(cpu.undo), ''],
        [`tag "select all" of the view (${total} articles, resolved in the core)`, spread(byQuery), spread(cpu.byQuery), ''],
      ],
    );

    // 50 saved searches; then, each run, all of them opened (counts back to 0, as a reader who looked),
    // an import of 1,000 new articles, and the counts announced once the index has taken them in.
    const searches: { id: string }[] = [];
    for (let i = 0; i < SAVED_SEARCHES; i++) {
      const query = topicOf(articles[total + ((i * 37) % IMPORTED)]!, i);
      searches.push(await call(context, 'watch.add', { name: `Chủ đề ${i + 1}`, query, ...(i % 5 === 0 ? { filters: { source: articles[i]!.source } } : {}) }));
    }
    let announcedAt = 0;
    let matched = 0;
    const offCounts = context.events.onAny((event, payload) => {
      if (event !== 'watch.counts') return;
      announcedAt = performance.now();
      matched = (payload as WatchCounts).counts.reduce((sum, count) => sum + count.newCount, 0);
    });
    const recount: number[] = [];
    const recountCpu: number[] = [];
    // The core's thread alone: the process's figure also holds the index worker, busy after some imports.
    const recountThreadCpu: number[] = [];
    const toAnnounced: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const search of searches) await call(context, 'watch.open', { id: search.id });
      await context.watch.whenIdle();
      const batch = articles.slice(total + run * IMPORTED, total + (run + 1) * IMPORTED);
      const importStarted = performance.now();
      library.importBatch((each) => {
        for (const article of batch) each(() => library.addArticle(draftOf(article, 'new')));
      });
      const committed = performance.now();
      // The index takes the 1,000 in (in its worker); the watch service waits for the same moment, then recounts.
      await context.search.whenIdle();
      const indexed = performance.now();
      // NEWSROOM_BENCH_PROFILE=DIR: the recount of the last run alone is profiled, not the library's build.
      const stopProfile = run === RUNS - 1 ? await startCpuProfile('recount.cpuprofile', 100) : null;
      const cpu = process.cpuUsage();
      const threadCpu = process.threadCpuUsage();
      await context.watch.whenIdle();
      const used = process.cpuUsage(cpu);
      const usedByThread = process.threadCpuUsage(threadCpu);
      recountThreadCpu.push((usedByThread.user + usedByThread.system) / 1000);
      await stopProfile?.();
      recount.push(announcedAt - indexed);
      recountCpu.push((used.user + used.system) / 1000);
      toAnnounced.push(announcedAt - committed);
      if (run === 0) log(`Import of ${IMPORTED} committed in ${spread([committed - importStarted])}.`);
    }
    // A bulk action while the 50 watch: the command, its commit, and the recount it sets off.
    const withWatch: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const result = await call<BulkResult>(context, 'library.bulk', { action: { kind: 'archive' }, target: { ids: ids.slice(0, SELECTED) } });
      await context.watch.whenIdle();
      withWatch.push(announcedAt - started);
      await call(context, 'library.bulkUndo', { token: result.undoToken });
      await context.watch.whenIdle();
    }
    offCounts();
    table(
      log,
      [`${SAVED_SEARCHES} saved searches, ${IMPORTED} articles imported (a fresh ${IMPORTED} each run)`, 'median (min–max, n)', 'target'],
      [
        [`index caught up → \`watch.counts\` announced: the recount of all ${SAVED_SEARCHES} (${matched} new matches in the last)`, spread(recount), '< 500 ms'],
        ['the same, CPU time of the core’s thread (user + system)', spread(recountThreadCpu), ''],
        ['the same, CPU time of the process (user + system)', spread(recountCpu), ''],
        ['import committed → `watch.counts` announced (index catch-up included)', spread(toAnnounced), ''],
        [`archive ${SELECTED} selected ids while the ${SAVED_SEARCHES} watch: command → \`watch.counts\` announced`, spread(withWatch), ''],
      ],
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
