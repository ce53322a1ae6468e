// Run by move-crash.test.ts as a child process killed with SIGKILL while it moves a library. It
// registers the new folder the way the desktop host does (a pointer file written through a rename),
// so the parent can tell whether a half-made copy was ever made the library to open next.
import { renameSync, writeFileSync } from 'node:fs';
import { AppContext } from '../../../commands/app-context.ts';

const [libraryDir, target, pointer] = process.argv.slice(2);
if (!libraryDir || !target || !pointer) throw new Error('usage: move-crash-child.ts LIBRARY TARGET POINTER');

const context = await AppContext.open({
  libraryDir,
  runtime: 'browser',
  onLibraryMoved: (dir) => {
    writeFileSync(`${pointer}.tmp`, JSON.stringify({ libraryDir: dir }));
    renameSync(`${pointer}.tmp`, pointer);
  },
});
await context.search.whenIdle();
console.log('ready');
const moved = await context.dispatch('library.move', { path: target });
if (!moved.ok) throw new Error(moved.error.message);
console.log('moved');
await context.close();
