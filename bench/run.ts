// `npm run bench`: every section, peers side by side in one run, with ratios. Never part of `npm test`:
// these machines are shared and noisy, so figures are read by people, not asserted by tests.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runArchiveBench } from './archive/index.ts';
import { runDeskBench } from './desk/index.ts';
import { runE2eBench } from './e2e/index.ts';
import { runDocumentsBench } from './documents/index.ts';
import { runHtmlImportBench } from './library/html-import.ts';
import { runLibraryBench } from './library/index.ts';
import { loadLine } from './measure.ts';
import { runReaderBench } from './reader/index.ts';
import { runRelevanceBench } from './relevance/index.ts';
import { runSearchBench } from './search/index.ts';
import { runSourcesBench } from './sources/index.ts';
import { postgresUnavailableReason } from './postgres-cluster.ts';

const log = (line: string): void => console.log(line);
const args = process.argv.slice(2);
const only = args.find((arg) => !arg.startsWith('--'));
const flag = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const scalesFlag = flag('scales');
const scales = scalesFlag ? scalesFlag.split(',').map(Number) : [20_000, 100_000];
// The serve, typing and relevance parts run at 20,000 unless scales are given.
const e2eScales = scalesFlag ? scales : [20_000];
const importCount = Number(flag('import') ?? 2_000);
const importCapMs = Number(flag('import-cap') ?? 600) * 1000;
const htmlImportCount = Number(flag('import-html') ?? 500);
// The e2e section's imports alone, without building libraries for the serve and search parts.
const importOnly = args.includes('--import-only');

/** `../shared/corpus` beside the project root (the worktree's or a parent's), or NEWSROOM_BENCH_CORPUS. */
function findSharedCorpus(): string | undefined {
  if (process.env.NEWSROOM_BENCH_CORPUS) return process.env.NEWSROOM_BENCH_CORPUS;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(candidate)) return resolve(candidate);
  }
  return undefined;
}
const corpusDir = findSharedCorpus();
const runs = (section: string): boolean => !only || only === section;

log(`# Newsroom Reader benchmark — Node ${process.versions.node}, ${new Date().toISOString()}`);
log(`Start: ${loadLine()}. Corpus syllables learned from ${corpusDir ?? 'the built-in list (no ../shared/corpus found)'}.`);
const started = performance.now();
if (runs('e2e')) {
  log('\n## End to end');
  await runE2eBench({ log, scales: e2eScales, importCount, htmlImportCount, importOnly, importCapMs, corpusDir });
}
if (runs('relevance')) {
  log('\n## Relevance');
  await runRelevanceBench({ log, backgrounds: [0, ...e2eScales], corpusDir });
}
if (runs('library')) {
  log('\n## Library');
  await runLibraryBench({ log, corpusDir });
  log('');
  await runHtmlImportBench({ log, corpusDir });
}
if (runs('reader')) {
  log('\n## Reader');
  await runReaderBench({ log, corpusDir });
}
if (runs('documents')) {
  log('\n## Documents');
  await runDocumentsBench({ log, pages: Number(flag('pdf-pages') ?? 300), importPages: Number(flag('import-pdf-pages') ?? 500), articles: scalesFlag ? scales[0]! : 20_000, corpusDir });
}
if (runs('search')) {
  log('\n## Search');
  await runSearchBench({ scales, corpusDir, log });
}
if (runs('desk')) {
  log('\n## Desk: bulk actions and saved searches');
  await runDeskBench({ log, articles: e2eScales[0]!, corpusDir });
}

// The archive needs a PostgreSQL server and loads 200,000 articles by default: only when asked by name.
if (only === 'archive') {
  log('\n## Shared archive (PostgreSQL)');
  const unavailable = postgresUnavailableReason();
  if (unavailable) log(`Skipped: ${unavailable}.`);
  else {
    const dataDir = flag('archive-data-dir');
    await runArchiveBench({ log, scales: scalesFlag ? scales : [200_000], corpusDir, local: !args.includes('--archive-no-local'), sync: !args.includes('--archive-no-sync'), ...(args.includes('--archive-restore') ? { restore: true } : {}), ...(dataDir ? { dataDir } : {}) });
  }
}

if (runs('sources')) {
  log('\n## Sources');
  await runSourcesBench({ log, feeds: Number(flag('feeds') ?? 200), items: Number(flag('feed-items') ?? 50), baseArticles: Number(flag('feeds-base') ?? 20_000), corpusDir });
}
log(`\nBench took ${((performance.now() - started) / 60_000).toFixed(1)} min. End: ${loadLine()}.`);
