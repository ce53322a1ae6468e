// Child process of sync-crash-pull.test.ts: pulls in small pages and, once at least two pages are
// committed, blocks in the middle of writing the next one (inside its SQLite transaction, while an
// annotation is merged), saying "paused", so the test can kill -9 it there.
import { openArchiveDb } from '../../../archive/archive-connection.ts';
import { pullChanges, type ArchiveLocalStore } from '../../../archive/archive-sync.ts';
import { Library } from '../../../library/index.ts';

const [dir, address, password] = process.argv.slice(2) as [string, string, string];
const library = Library.open(dir);
let pages = 0;
const pausing = new Proxy(library.archive, {
  get(target, property) {
    if (property === 'applyPull') {
      return (...[changes, merge]: Parameters<ArchiveLocalStore['applyPull']>) => {
        const page = ++pages;
        return target.applyPull(changes, (local, remote) => {
          if (page >= 3) {
            process.stdout.write('paused\n');
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
          }
          return merge(local, remote);
        });
      };
    }
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
}) as ArchiveLocalStore;
const db = await openArchiveDb({ address, password });
await pullChanges(db, pausing, { pageSize: 4 });
process.stdout.write('finished\n');
await db.close();
library.close();
