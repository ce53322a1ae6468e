// Child process of sync-crash.test.ts: pushes a library's outbox in small batches and, once the
// archive has committed the second batch but before the library drops it from the outbox, says
// "paused" and blocks, so the test can kill -9 it exactly there.
import { openArchiveDb } from '../../../archive/archive-connection.ts';
import { pushOutbox, type ArchiveLocalStore } from '../../../archive/archive-sync.ts';
import { Library } from '../../../library/index.ts';

const [dir, address, password] = process.argv.slice(2) as [string, string, string];
const library = Library.open(dir);
const local = library.archive;
let acknowledged = 0;
const pausing = new Proxy(local, {
  get(target, property) {
    if (property === 'acknowledge') {
      return (...args: Parameters<ArchiveLocalStore['acknowledge']>) => {
        if (++acknowledged === 2) {
          process.stdout.write('paused\n');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
        }
        target.acknowledge(...args);
      };
    }
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
}) as ArchiveLocalStore;
const db = await openArchiveDb({ address, password });
await pushOutbox(db, pausing, { batchSize: 5 });
process.stdout.write('finished\n');
await db.close();
library.close();
