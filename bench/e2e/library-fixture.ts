// A library as users have it after a while: N articles with the search index built (main segment)
// and then a few hundred more imported while it was attached (a delta segment on disk beside it).
import { join } from 'node:path';
import { Library } from '../../library/index.ts';
import type { ArticleDraft } from '../../library/model.ts';
import { SearchIndexManager } from '../../search/index.ts';
import { readManifest } from '../../search/segment-manifest.ts';
import type { GeneratedArticle } from '../vietnamese-corpus.ts';

export function draftOf(article: GeneratedArticle): ArticleDraft {
  const blocks = [];
  let start = 0;
  for (const paragraph of article.body.split('\n\n')) {
    blocks.push({ kind: 'paragraph' as const, start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return { ...article, author: null, url: null, language: 'vi', blocks, origin: 'bench', tags: [] };
}

export interface LibraryFixture {
  dir: string;
  mainArticles: number;
  deltaArticles: number;
  hasDelta: boolean;
  buildMs: number;
}

/** Fills `dir` with `main` articles in one transaction, builds the index, then adds `delta` more with it attached. */
export async function buildLibrary(dir: string, main: readonly GeneratedArticle[], delta: readonly GeneratedArticle[]): Promise<LibraryFixture> {
  const started = performance.now();
  const library = Library.open(dir);
  library.db.exec('BEGIN');
  for (const article of main) library.addArticle(draftOf(article));
  library.db.exec('COMMIT');
  const search = new SearchIndexManager({ dir: library.dir, source: library });
  const off = library.onChange((change) => search.notifyChanged(change));
  try {
    await search.open();
    await search.whenIdle();
    for (const article of delta) library.addArticle(draftOf(article));
    await search.whenIdle();
  } finally {
    off();
    await search.close();
    library.close();
  }
  return {
    dir,
    mainArticles: main.length,
    deltaArticles: delta.length,
    // The UI searches over every live segment; the manifest names them.
    hasDelta: (readManifest(join(dir, 'search-index'))?.segments.length ?? 0) > 1,
    buildMs: performance.now() - started,
  };
}
