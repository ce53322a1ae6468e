// Run as its own process by kill-during-refresh.test.ts: refreshes every source of a library and,
// after `stopAfter` articles are committed (before the item is remembered), stops dead so the parent
// can kill -9 it in the middle of the refresh.
import { Library } from '../../../library/index.ts';
import { SourceStore } from '../../../library/source-store.ts';
import { HostLimiter, refreshSource } from '../../../sources/index.ts';

const [dir, stopAfter] = process.argv.slice(2);
const library = Library.open(dir!);
const store = new SourceStore(library.db);
let committed = 0;
for (const source of store.list()) {
  await refreshSource(source, {
    limiter: new HostLimiter(),
    fetch: { userAgent: 'NewsroomReader/test' },
    writer: {
      recordOutcome: (id, outcome) => store.recordOutcome(id, outcome),
      knownItem: (sourceId, key) => store.knownItem(sourceId, key),
      rememberItem: (sourceId, key, articleId, hash, fullTextFailed) => store.rememberItem(sourceId, key, articleId, hash, fullTextFailed),
      updateArticle: (id, draft) => library.updateArticle(id, draft),
      addArticle: (draft) => {
        const result = library.addArticle(draft);
        if (++committed === Number(stopAfter)) {
          process.stdout.write('stopped\n');
          // Block this thread for good: the parent kills the process here.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
        }
        return result;
      },
    },
  });
}
process.stdout.write('finished\n');
