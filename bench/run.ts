// `npm run bench`: every section, peers side by side in one run, with ratios. Never part of `npm test`:
// these machines are shared and noisy, so figures are read by people, not asserted by tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runHtmlImportBench } from './library/html-import.ts';
import { runLibraryBench } from './library/index.ts';
import { runReaderBench } from './reader/index.ts';
import { runSearchBench } from './search/index.ts';

const log = (line: string): void => console.log(line);
const args = process.argv.slice(2);
const only = args.find((arg) => !arg.startsWith('--'));
const scalesFlag = args.find((arg) => arg.startsWith('--scales='));
const scales = scalesFlag ? scalesFlag.slice('--scales='.length).split(',').map(Number) : [20_000, 100_000];
const sharedCorpus = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../shared/corpus' : '../../shared/corpus', import.meta.url));

log(`# Newsroom Reader benchmark — Node ${process.versions.node}, ${new Date().toISOString()}`);
if (!only || only === 'library') {
  log('\n## Library');
  await runLibraryBench({ log });
  log('');
  await runHtmlImportBench({ log, corpusDir: existsSync(sharedCorpus) ? sharedCorpus : undefined });
}
if (!only || only === 'reader') {
  log('\n## Reader');
  await runReaderBench({ log, corpusDir: existsSync(sharedCorpus) ? sharedCorpus : undefined });
}
if (!only || only === 'search') {
  log('\n## Search');
  await runSearchBench({ scales, corpusDir: existsSync(sharedCorpus) ? sharedCorpus : undefined, log });
}
