// Run by import-batches.test.ts: imports a folder in batches of 5 articles and kills itself with
// SIGKILL while writing the 13th, inside the third batch's open transaction. It prints "committed <n>"
// after each batch, from the progress the runner reports once a batch is committed.
import { runImport } from '../../../importers/index.ts';
import { Library } from '../../../library/index.ts';
import type { ArticleDraft } from '../../../library/model.ts';

const [libraryDir, folder] = process.argv.slice(2);
if (!libraryDir || !folder) throw new Error('usage: import-crash-child.ts LIBRARY FOLDER');

const library = Library.open(libraryDir);
let adds = 0;
const sink = {
  addArticle: (draft: ArticleDraft) => {
    if (++adds === 13) process.kill(process.pid, 'SIGKILL');
    return library.addArticle(draft);
  },
  restoreArticle: library.restoreArticle.bind(library),
  importBatch: library.importBatch.bind(library),
};
await runImport([{ kind: 'path', path: folder }], sink, {
  batchArticles: 5,
  batchMs: 60_000,
  onProgress: (progress) => console.log(`committed ${progress.done}`),
});
console.log('finished without being killed');
