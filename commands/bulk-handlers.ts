// library.bulk / bulkUndo / bulkExport and the watch.* commands: targets resolved in the core (a
// list view or a search is a query here, never 10,000 ids from the renderer).
import type { BulkTarget } from '../contract/index.ts';
import { SavedSearchNameTakenError, UndoExpiredError, type SavedSearchRecord } from '../library/index.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';
import type { HandlerContext } from './handler-context.ts';
import type { WatchService } from './watch-service.ts';

type BulkCommand = 'library.bulk' | 'library.bulkUndo' | 'library.bulkExport';
type WatchCommand = Extract<keyof CommandHandlers, `watch.${string}`>;

/** Every article a target names: ids as given, a list view's rows, or every hit of a search under its filters. */
export async function resolveTarget(app: HandlerContext, target: BulkTarget): Promise<string[]> {
  if ('ids' in target) return target.ids;
  if ('list' in target) return app.library.bulk.idsForList(target.list);
  const shown = app.library.searchAccepts(target.search.filters);
  const ids = new Set<string>();
  // Every hit, without reading or highlighting a single document (limit 0).
  await app.search.search(target.search.query, { limit: 0, accept: shown, collect: (id) => ids.add(id) });
  return [...ids];
}

export function bulkHandlers(app: HandlerContext): Pick<CommandHandlers, BulkCommand> {
  return {
    'library.bulk': async ({ action, target }) => app.library.bulk.apply(action, await resolveTarget(app, target)),
    'library.bulkUndo': ({ token }) => {
      try {
        return app.library.bulk.undo(token);
      } catch (error) {
        if (error instanceof UndoExpiredError) throw new CommandError('not-found', error.message, { kind: 'bulk.undo-expired' });
        throw error;
      }
    },
    'library.bulkExport': async ({ target }) => {
      const ids = await resolveTarget(app, target);
      const lines: string[] = [];
      let count = 0;
      // An empty selection exports nothing, not the whole library.
      if (ids.length) {
        for (const record of app.library.exportRecords(ids)) {
          lines.push(JSON.stringify(record));
          if (record.type === 'article') count++;
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return { filename: `newsroom-selection-${stamp}.ndjson`, ndjson: lines.join('\n') + (lines.length ? '\n' : ''), count };
    },
  };
}

export function watchHandlers(app: HandlerContext, watch: WatchService): Pick<CommandHandlers, WatchCommand> {
  const store = () => app.library.savedSearches;
  const found = (id: string, search: SavedSearchRecord | null): SavedSearchRecord => {
    if (!search) throw new CommandError('not-found', `No saved search with id ${id}`, { kind: 'watch.not-found', id });
    return search;
  };
  const named = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof SavedSearchNameTakenError) throw new CommandError('invalid-arguments', error.message, { kind: 'watch.exists', name: error.taken });
      throw error;
    }
  };
  const shown = async (search: SavedSearchRecord) => {
    const counted = await watch.withCount(search);
    watch.remember(counted);
    return counted;
  };
  return {
    'watch.list': () => watch.list(),
    'watch.add': (input) => shown(named(() => store().add(input))),
    'watch.update': ({ id, patch }) => shown(found(id, named(() => store().update(id, patch)))),
    'watch.open': ({ id }) => shown(found(id, store().markOpened(id))),
    'watch.reorder': async ({ ids }) => {
      if (!store().reorder(ids)) throw new CommandError('invalid-arguments', 'Name every saved search once, in the new order.');
      return watch.list();
    },
    'watch.remove': ({ id }) => {
      found(id, store().get(id));
      store().remove(id);
      return { id };
    },
  };
}
