// What the sources tests share: one loopback feed server per file, and for each test a fresh library
// opened with sources (no search), called through the command line's dispatch.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { AppContext, type AppContextOptions } from '../../../commands/app-context.ts';
import type { CommandName, CommandResult } from '../../../contract/index.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { startFeedServer, type FeedServer } from './feed-server.ts';

export interface SourceHarness {
  server: FeedServer;
  context: AppContext;
  folder: { dir: string; remove: () => void };
  /** A command as the CLI calls it; a refusal throws with its reason and code. */
  call: <N extends CommandName>(name: N, args: unknown) => Promise<CommandResult<N>>;
}

export function useSourceHarness(sources: AppContextOptions['sources'] = { fetchTimeoutMs: 1500 }): SourceHarness {
  const harness = {
    async call<N extends CommandName>(name: N, args: unknown): Promise<CommandResult<N>> {
      const outcome = await harness.context.dispatchFor('cli')(name, args);
      if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { reason: outcome.error.reason, code: outcome.error.code });
      return outcome.value as CommandResult<N>;
    },
  } as SourceHarness;
  beforeAll(async () => {
    harness.server = await startFeedServer();
  });
  afterAll(async () => {
    await harness.server.close();
  });
  beforeEach(async () => {
    harness.server.routes.clear();
    harness.server.requests.length = 0;
    harness.folder = temporaryFolder();
    harness.context = await AppContext.open({ libraryDir: harness.folder.dir, runtime: 'browser', withoutSearch: true, sources });
  });
  afterEach(async () => {
    await harness.context.close();
    harness.folder.remove();
  });
  return harness;
}
