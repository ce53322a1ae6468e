import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import * as v from 'valibot';
import type { ImportTarget } from '../importers/index.ts';
import type { PhotoDownloads } from '../importers/figure-images.ts';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type TextEncodingName } from '../contract/index.ts';
import type { ImportReport } from '../library/model.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';
import type { HandlerContext } from './handler-context.ts';
import type { ImportJobs } from './import-jobs.ts';
import { annotationHandlers } from './annotation-handlers.ts';
import { BackupTargetExistsError, BackupTargetIsLibraryError } from '../library/backup.ts';
import { otherWorkFirst, SearchTurns } from './search-turns.ts';
import { sourceHandlers } from './source-handlers.ts';
import { documentHandlers } from './document-handlers.ts';
import type { SourceService } from './source-service.ts';
import { bulkHandlers, watchHandlers } from './bulk-handlers.ts';
import type { WatchService } from './watch-service.ts';
import { briefHandlers } from './brief-handlers.ts';
import { archiveHandlers } from './archive-handlers.ts';
import type { ArchiveService } from './archive-service.ts';
import type { ArchiveHostServices } from './archive-passwords.ts';

/**
 * Capabilities only some hosts have. Electron main provides native dialogs, so the renderer never
 * sends a path: it asks main, and main uses what the person chose. `serve` and the CLI have none.
 */
export interface HostServices extends ArchiveHostServices {
  /** A save dialog; null when cancelled. `confirmedOverwrite`: the dialog itself asked about replacing the file. */
  chooseBackupFile?: (suggestedName: string) => Promise<{ path: string; confirmedOverwrite: boolean } | null>;
  /** A folder dialog for the library's new home; null when cancelled. */
  chooseLibraryFolder?: () => Promise<string | null>;
  /** Opens a file in the system's viewer (Electron's shell.openPath); resolves to an error message, '' on success. */
  openPath?: (path: string) => Promise<string>;
}

interface HandlerDependencies {
  app: HandlerContext;
  host: HostServices;
  jobs: ImportJobs;
  sources: SourceService;
  watch: WatchService;
  archive: ArchiveService;
}

const SETTINGS_KEY = 'ui.settings';

function noDialog(command: string): CommandError {
  return new CommandError('unsupported', `${command} needs the desktop app's file dialog`, { kind: 'command.not-allowed', command });
}

export function createHandlers({ app, jobs, host, sources, watch, archive }: HandlerDependencies): CommandHandlers {
  const { events } = app;
  const searchTurns = new SearchTurns();
  // Read at call time: moving the library swaps what the context holds.

  const readSettings = (): Settings => {
    const stored = v.safeParse(v.partial(SettingsSchema), app.library.getSetting(SETTINGS_KEY) ?? {});
    // A setting written by a newer or older version that no longer validates falls back to its default.
    return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.output : {}) };
  };

  /** This import's photo downloads, unless the person turned photos off in the settings. */
  const photoDownloads = async (): Promise<PhotoDownloads | undefined> => {
    if (!readSettings().downloadPhotos) return undefined;
    const { PhotoDownloads } = await import('../importers/figure-images.ts');
    return new PhotoDownloads({ sink: app.library.images });
  };

  const importTargets = async (jobId: string, targets: ImportTarget[], encoding: TextEncodingName | undefined): Promise<ImportReport> => {
    const signal = jobs.start(jobId);
    try {
      // Loaded on the first import: jsdom and the parsers cost more than everything else a host loads.
      const { runImport } = await import('../importers/import-runner.ts');
      return await runImport(targets, app.library, {
        jobId,
        signal,
        photos: await photoDownloads(),
        onProgress: (progress) => events.emit('import.progress', progress),
        ...(encoding ? { encoding } : {}),
      });
    } finally {
      jobs.finish(jobId);
    }
  };

  const backup = async (path: string, overwrite: boolean): Promise<{ path: string; bytes: number }> => {
    // SQLite would only say "unable to open database file"; name what is wrong with the path instead.
    const target = resolve(path);
    if (existsSync(target) && statSync(target).isDirectory()) {
      throw new CommandError('invalid-arguments', `${target} is a folder; give the backup a file name.`, { kind: 'backup.is-folder', path: target });
    }
    if (!existsSync(dirname(target))) {
      throw new CommandError('invalid-arguments', `The folder ${dirname(target)} does not exist.`, { kind: 'backup.folder-missing', path: dirname(target) });
    }
    try {
      const { bytes } = await app.library.backup(target, { overwrite });
      return { path: target, bytes };
    } catch (error) {
      if (error instanceof BackupTargetIsLibraryError) {
        throw new CommandError('invalid-arguments', `${target} is a library's own database (${basename(target)}); a backup never replaces it.`, { kind: 'backup.live-library', path: target });
      }
      if (error instanceof BackupTargetExistsError) {
        throw new CommandError('invalid-arguments', `${target} already exists; choose another name (the CLI: --overwrite).`, { kind: 'backup.exists', path: target });
      }
      throw error;
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
      return { article, annotations: app.library.annotations.forArticle(id) };
    },
    'library.update': ({ id, patch }) => app.library.update(id, patch),
    'library.trash': ({ ids }) => ({ count: app.library.trash(ids) }),
    'library.restore': ({ ids }) => ({ count: app.library.restore(ids) }),
    'library.emptyTrash': () => ({ count: app.library.emptyTrash() }),
    'library.importFiles': ({ jobId, files, encoding }) =>
      importTargets(
        jobId,
        files.map((file) => ({ kind: 'bytes', name: file.name, bytes: Buffer.from(file.base64, 'base64') })),
        encoding,
      ),
    'library.importPaths': ({ jobId, paths, encoding }) => importTargets(jobId, paths.map((path) => ({ kind: 'path', path })), encoding),
    'library.importUrls': async ({ jobId, urls, encoding }, caller) => {
      // A renderer's URLs never get url-fetch's typed-local-address allowance (SourceService.refusedHost).
      const hosts = await Promise.all(urls.map((url) => sources.refusedHost(url, caller)));
      const refused = urls.flatMap((url, i) => {
        const host = hosts[i];
        return host ? [{ path: url, error: `refused: ${host} is not a public address`, reason: { kind: 'address-not-allowed' as const, host } }] : [];
      });
      const allowed = urls.filter((_url, i) => hosts[i] === null);
      if (allowed.length === 0) return { imported: [], duplicates: [], failed: refused, cancelled: false };
      const report = await importTargets(jobId, allowed.map((url) => ({ kind: 'url', url })), encoding);
      return { ...report, failed: [...refused, ...report.failed] };
    },
    'library.cancelImport': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'library.export': ({ ids, photos }) => {
      const lines: string[] = [];
      let articles = 0;
      for (const record of app.library.exportRecords(ids, { photos: photos === true })) {
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
    'library.moveToChosenFolder': async () => {
      if (!host.chooseLibraryFolder) throw noDialog('library.moveToChosenFolder');
      const folder = await host.chooseLibraryFolder();
      return folder === null ? null : app.moveLibrary(folder);
    },
    'library.backup': async ({ path, overwrite }) => backup(path, overwrite === true),
    'library.backupToChosenFile': async () => {
      if (!host.chooseBackupFile) throw noDialog('library.backupToChosenFile');
      const chosen = await host.chooseBackupFile(`newsroom-backup-${new Date().toISOString().slice(0, 10)}.sqlite`);
      return chosen === null ? null : backup(chosen.path, chosen.confirmedOverwrite);
    },
    'search.query': async ({ query, limit, offset, filters, client }) => {
      const turn = client === undefined ? null : searchTurns.begin(client);
      try {
        if (turn) {
          await otherWorkFirst();
          if (turn.superseded()) return { query, total: 0, tookMs: 0, hits: [], cancelled: true };
        }
        // Exact diacritics is how words match, not which articles may show: the library never sees it.
        const { exactDiacritics, ...articleFilters } = filters ?? {};
        return app.search.search(query, { limit: limit ?? 50, offset: offset ?? 0, accept: app.library.searchAccepts(articleFilters), ...(exactDiacritics ? { exactDiacritics } : {}) });
      } finally {
        turn?.end();
      }
    },
    'search.status': () => ({ state: app.search.state, behind: app.search.behind }),
    ...annotationHandlers(() => app.library),
    ...briefHandlers(() => app.library),
    ...sourceHandlers(sources),
    ...bulkHandlers(app),
    ...watchHandlers(app, watch),
    ...documentHandlers(() => app.library, host),
    ...archiveHandlers(archive, () => app.library),
  };
}
