import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as v from 'valibot';
import type { ImportTarget } from '../importers/index.ts';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../contract/index.ts';
import type { ImportReport } from '../library/model.ts';
import type { AppContext } from './app-context.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';
import type { ImportJobs } from './import-jobs.ts';
import { annotationHandlers } from './annotation-handlers.ts';
import { otherWorkFirst, SearchTurns } from './search-turns.ts';

/** Capabilities only some hosts have. Electron main provides native dialogs; `serve` and the CLI do not. */
export interface HostServices {
  chooseImportPaths?: () => Promise<string[]>;
}

interface HandlerContext {
  app: AppContext;
  jobs: ImportJobs;
  host: HostServices;
}

const SETTINGS_KEY = 'ui.settings';

export function createHandlers({ app, jobs }: HandlerContext): CommandHandlers {
  const { events } = app;
  const searchTurns = new SearchTurns();
  // Read at call time: moving the library swaps what the context holds.

  const readSettings = (): Settings => {
    const stored = v.safeParse(v.partial(SettingsSchema), app.library.getSetting(SETTINGS_KEY) ?? {});
    // A setting written by a newer or older version that no longer validates falls back to its default.
    return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.output : {}) };
  };

  const importTargets = async (jobId: string, targets: ImportTarget[]): Promise<ImportReport> => {
    const signal = jobs.start(jobId);
    try {
      // Loaded on the first import: jsdom and the parsers cost more than everything else a host loads.
      const { runImport } = await import('../importers/index.ts');
      return await runImport(targets, app.library, {
        jobId,
        signal,
        onProgress: (progress) => events.emit('import.progress', progress),
      });
    } finally {
      jobs.finish(jobId);
    }
  };

  return {
    'app.info': () => app.info,
    'settings.get': () => readSettings(),
    'settings.update': ({ patch }) => {
      const next = { ...readSettings(), ...patch };
      app.library.setSetting(SETTINGS_KEY, next);
      return next;
    },
    'library.list': (query) => app.library.list(query),
    'library.counts': () => app.library.counts(),
    'library.get': ({ id }) => {
      const article = app.library.get(id);
      if (!article) throw new CommandError('not-found', `No article with id ${id}`, { kind: 'article.not-found', id });
      return article;
    },
    // The reader needs both on every open; one call spares a second round trip through IPC or HTTP.
    'library.open': ({ id }) => {
      const article = app.library.get(id);
      if (!article) throw new CommandError('not-found', `No article with id ${id}`, { kind: 'article.not-found', id });
      return { article, annotations: app.library.highlights.forArticle(id) };
    },
    'library.update': ({ id, patch }) => app.library.update(id, patch),
    'library.trash': ({ ids }) => ({ count: app.library.trash(ids) }),
    'library.restore': ({ ids }) => ({ count: app.library.restore(ids) }),
    'library.emptyTrash': () => ({ count: app.library.emptyTrash() }),
    'library.importFiles': ({ jobId, files }) =>
      importTargets(
        jobId,
        files.map((file) => ({ kind: 'bytes', name: file.name, bytes: Buffer.from(file.base64, 'base64') })),
      ),
    'library.importPaths': ({ jobId, paths }) => importTargets(jobId, paths.map((path) => ({ kind: 'path', path }))),
    'library.importUrls': ({ jobId, urls }) => importTargets(jobId, urls.map((url) => ({ kind: 'url', url }))),
    'library.cancelImport': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'library.export': ({ ids }) => {
      const lines: string[] = [];
      let articles = 0;
      for (const record of app.library.exportRecords(ids)) {
        lines.push(JSON.stringify(record));
        if (record.type === 'article') articles++;
      }
      if (ids && articles < new Set(ids).size) {
        throw new CommandError('not-found', 'Some of the chosen articles are not in the library.', { kind: 'export.unknown-articles' });
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return { filename: `newsroom-library-${stamp}.ndjson`, ndjson: lines.join('\n') + (lines.length ? '\n' : ''), count: articles };
    },
    'library.move': async ({ path }) => app.moveLibrary(path),
    'library.backup': async ({ path }) => {
      // SQLite would only say "unable to open database file"; name what is wrong with the path instead.
      const target = resolve(path);
      if (existsSync(target) && statSync(target).isDirectory()) {
        throw new CommandError('invalid-arguments', `${target} is a folder; give the backup a file name.`, { kind: 'backup.is-folder', path: target });
      }
      if (!existsSync(dirname(target))) {
        throw new CommandError('invalid-arguments', `The folder ${dirname(target)} does not exist.`, { kind: 'backup.folder-missing', path: dirname(target) });
      }
      const { bytes } = await app.library.backup(path);
      return { path, bytes };
    },
    'search.query': async ({ query, limit, offset, filters, client }) => {
      const turn = client === undefined ? null : searchTurns.begin(client);
      try {
        if (turn) {
          await otherWorkFirst();
          if (turn.superseded()) return { query, total: 0, tookMs: 0, hits: [], cancelled: true };
        }
        return app.search.search(query, { limit: limit ?? 50, offset: offset ?? 0, accept: app.library.searchAccepts(filters) });
      } finally {
        turn?.end();
      }
    },
    'search.status': () => ({ state: app.search.state }),
    ...annotationHandlers(() => app.library),
  };
}
