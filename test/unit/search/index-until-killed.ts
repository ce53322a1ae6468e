// Child process for the crash test: brings a library's index up to date and stops at a hook point,
// after a segment file is written and before the manifest names it, until the parent kills it.
import { Library } from '../../../library/index.ts';
import { SearchIndexManager } from '../../../search/index-manager.ts';

const [dir, point] = process.argv.slice(2) as [string, 'flush' | 'merge'];
const library = Library.open(dir);
const manager = new SearchIndexManager({
  dir,
  source: library,
  hooks: {
    beforeManifest: async (reason) => {
      if (reason !== point) return;
      process.stdout.write('paused\n');
      setInterval(() => {}, 1000);
      await new Promise(() => {});
    },
  },
});
await manager.open();
await manager.whenIdle();
process.stdout.write('finished\n');
