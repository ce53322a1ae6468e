import * as v from 'valibot';
import { runImport, type ImportTarget } from '../importers/index.ts';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../electron/contract.ts';
import type { ImportReport } from '../library/model.ts';
import type { AppContext } from './app-context.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';
import type { ImportJobs } from './import-jobs.ts';
import { annotationHandlers } from './annotation-handlers.ts';

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
  const { library, search, events } = app;

  const readSettings = (): Settings => {
    const stored = v.safeParse(v.partial(SettingsSchema), library.getSetting(SETTINGS_KEY) ?? {});
    // A setting written by a newer or older version that no longer validates falls back to its default.
    return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.output : {}) };
  };

  const importTargets = async (jobId: string, targets: ImportTarget[]): Promise<ImportReport> => {
    const signal = jobs.start(jobId);
    try {
      return await runImport(targets, library, {
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
      library.setSetting(SETTINGS_KEY, next);
      return next;
    },
    'library.list': (query) => library.list(query),
    'library.counts': () => library.counts(),
    'library.get': ({ id }) => {
      const article = library.get(id);
      if (!article) throw new CommandError('not-found', `No article with id ${id}`);
      return article;
    },
    'library.update': ({ id, patch }) => library.update(id, patch),
    'library.trash': ({ ids }) => ({ count: library.trash(ids) }),
    'library.restore': ({ ids }) => ({ count: library.restore(ids) }),
    'library.emptyTrash': () => ({ count: library.emptyTrash() }),
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
      for (const record of library.exportRecords(ids)) lines.push(JSON.stringify(record));
      const stamp = new Date().toISOString().slice(0, 10);
      return { filename: `newsroom-library-${stamp}.ndjson`, ndjson: lines.join('\n') + (lines.length ? '\n' : ''), count: lines.length };
    },
    'library.backup': async ({ path }) => {
      const { bytes } = await library.backup(path);
      return { path, bytes };
    },
    'search.query': async ({ query, limit, offset, filters }) => {
      const searchable = library.searchableIds(filters);
      const accept = (id: string): boolean => searchable.has(id);
      return search.search(query, { limit: limit ?? 50, offset: offset ?? 0, accept });
    },
    'search.status': () => ({ state: search.state }),
    ...annotationHandlers(library),
  };
}
