import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { Library } from '../../../library/index.ts';
import { SourceStore } from '../../../library/source-store.ts';
import { integrityCheck, temporaryFolder } from '../library/library-fixtures.ts';
import { conditionalFeed, rss, startFeedServer, story, type FeedServer } from './feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
const CHILD = fileURLToPath(new URL('./refresh-child.ts', import.meta.url));

it('a kill -9 in the middle of a refresh leaves the library whole, and the next refresh completes it', async () => {
  const items = Array.from({ length: 30 }, (_, n) => ({ guid: `g${n}`, title: `Tin ${n}`, link: `https://example.vn/k/${n}`, body: story(n) }));
  server.routes.set('/feed.xml', conditionalFeed(() => rss('Báo Mẫu', items)));
  const folder = temporaryFolder();
  try {
    const library = Library.open(folder.dir);
    const source = new SourceStore(library.db).add({ url: server.url('/feed.xml'), title: 'Báo Mẫu', nextRefreshAt: new Date(0).toISOString() });
    library.close();

    const child = spawn(NODE, [CHILD, folder.dir, '12'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('stopped')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before it stopped: ${output}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));

    expect(integrityCheck(folder.dir)).toBe('ok');
    const context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser', withoutSearch: true });
    try {
      const stored = context.sources.store.get(source.id)!;
      // The killed refresh wrote no validators: the next one must fetch the whole feed.
      expect(stored.etag).toBeNull();
      expect(context.library.list({ view: 'all', limit: 100 }).total).toBe(12);
      const outcome = await context.dispatch('sources.refresh', { id: source.id });
      expect(outcome.ok).toBe(true);
      expect(context.library.list({ view: 'all', limit: 100 }).total).toBe(30);
      expect(context.sources.store.get(source.id)!.articleCount).toBe(30);
      expect(context.sources.store.get(source.id)!.etag).not.toBeNull();
    } finally {
      await context.close();
    }
  } finally {
    folder.remove();
  }
  // Two Node processes and a parse worker start here; a loaded machine takes its time.
}, 120_000);
