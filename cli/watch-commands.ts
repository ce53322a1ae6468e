// `watch …`: saved searches on the command line, through the same contract as the sidebar.
import { savedSearchNameKey, type SavedSearch, type SearchTargetFilters } from '../contract/index.ts';
import { printJson, type CliIo } from './cli-output.ts';
import { parseCount, singlePositional, type ParsedArguments } from './parse-arguments.ts';
import type { TypedCaller } from './source-commands.ts';
import { UsageError } from './usage-error.ts';

const USAGE = 'usage: newsroom-reader watch add NAME QUERY [--source S] [--tag T] [--from D] [--to D] [--unread] [--star] [--notify] | watch list | watch show NAME [--limit N] | watch remove NAME';

function filtersFrom(options: ParsedArguments['options']): SearchTargetFilters {
  const filters: SearchTargetFilters = { source: options.source, tag: options.tag, from: options.from, to: options.to };
  if (options.unread) filters.unread = true;
  if (options.star) filters.starred = true;
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as SearchTargetFilters;
}

function describe(search: SavedSearch): string {
  const filters = Object.entries(search.filters).map(([key, value]) => (value === true ? `--${key}` : `--${key} ${String(value)}`));
  const query = search.query ? `"${search.query}"` : '(filters only)';
  return [query, ...filters, ...(search.notify ? ['notify'] : [])].join(' ');
}

function line(search: SavedSearch): string {
  return `${String(search.newCount).padStart(5)} new  ${search.name}  ${describe(search)}`;
}

/** The saved search of this name (case and Unicode form aside), or a usage error listing none. */
async function byName(call: TypedCaller, name: string): Promise<SavedSearch> {
  const found = (await call('watch.list', {})).find((search) => savedSearchNameKey(search.name) === savedSearchNameKey(name));
  if (!found) throw new UsageError(`no saved search named "${name}"; see newsroom-reader watch list`);
  return found;
}

/** `whenIndexed` brings the index up to the library first, so counts include articles another process just imported. */
export async function runWatchCommand(args: ParsedArguments, call: TypedCaller, io: CliIo, whenIndexed: () => Promise<void>): Promise<number> {
  const { options } = args;
  const [sub, ...positionals] = args.positionals;
  const json = options.json === true;
  switch (sub) {
    case 'add': {
      if (positionals.length < 1) throw new UsageError(USAGE);
      const [name, ...query] = positionals;
      const added = await call('watch.add', { name, query: query.join(' '), filters: filtersFrom(options), notify: options.notify === true });
      if (json) printJson(io, added);
      else io.out(`Saved ${added.name}: ${describe(added)}`);
      return 0;
    }
    case 'list': {
      if (positionals.length) throw new UsageError('usage: newsroom-reader watch list [--json]');
      await whenIndexed();
      const searches = await call('watch.list', {});
      if (json) printJson(io, searches);
      else {
        for (const search of searches) io.out(line(search));
        io.out(`${searches.length} saved searches`);
      }
      return 0;
    }
    case 'show': {
      const name = singlePositional(positionals, 'watch show NAME [--limit N]');
      await whenIndexed();
      const search = await byName(call, name);
      const limit = parseCount(options.limit, 'limit', 20, 500);
      if (search.query.trim()) {
        const result = await call('search.query', { query: search.query, filters: search.filters, limit });
        if (json) printJson(io, { search, result });
        else {
          io.out(line(search));
          for (const hit of result.hits) io.out(`${hit.id}  ${hit.title}`);
          io.out(`${result.total} matches, ${search.newCount} new since ${search.lastOpenedAt.replace('T', ' ').slice(0, 16)}`);
        }
      } else {
        const { unread, starred, ...filters } = search.filters;
        const page = await call('library.list', { ...filters, view: starred ? 'starred' : unread ? 'unread' : 'all', sort: 'imported', limit });
        if (json) printJson(io, { search, result: page });
        else {
          io.out(line(search));
          for (const item of page.items) io.out(`${item.id}  ${item.title}`);
          io.out(`${page.total} matches, ${search.newCount} new since ${search.lastOpenedAt.replace('T', ' ').slice(0, 16)}`);
        }
      }
      return 0;
    }
    case 'remove': {
      const search = await byName(call, singlePositional(positionals, 'watch remove NAME'));
      const removed = await call('watch.remove', { id: search.id });
      if (json) printJson(io, removed);
      else io.out(`Removed ${search.name}`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
