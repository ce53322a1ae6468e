// The subscription commands (feeds, OPML), joined into the one table by commands.ts.
import * as v from 'valibot';
import { returns } from './returns.ts';
import { command, Id, Ids, Name, NoArgs, type Host } from './command-spec.ts';
import {
  FULL_TEXT_MODES,
  MAX_KEEP_DAYS,
  MAX_SOURCE_INTERVAL_MINUTES,
  MIN_SOURCE_INTERVAL_MINUTES,
  type OpmlImportResult,
  type RetentionResult,
  type SourceMarkedRead,
  type SourceAddResult,
  type SourceFolderInfo,
  type SourceInfo,
  type SourceRefreshResult,
  type SourceRemoved,
} from './sources.ts';

const FeedUrl = v.pipe(v.string(), v.trim(), v.url('not a valid URL'), v.regex(/^https?:/i, 'only http and https addresses can be subscribed to'), v.maxLength(4096));
const Folder = v.pipe(v.string(), v.trim(), v.minLength(1, 'folder must not be empty'), v.maxLength(200));
const IntervalMinutes = v.pipe(
  v.number(),
  v.integer('the interval is a whole number of minutes'),
  v.minValue(MIN_SOURCE_INTERVAL_MINUTES, `the interval is at least ${MIN_SOURCE_INTERVAL_MINUTES} minutes`),
  v.maxValue(MAX_SOURCE_INTERVAL_MINUTES, `the interval is at most ${MAX_SOURCE_INTERVAL_MINUTES} minutes (a week)`),
);

const FullText = v.picklist(FULL_TEXT_MODES, 'full text is auto, always or never');
const Days = v.pipe(v.number(), v.integer('keep items a whole number of days'), v.minValue(1, 'keep items at least 1 day'), v.maxValue(MAX_KEEP_DAYS, `keep items at most ${MAX_KEEP_DAYS} days`));
/** A source's retention: days, forever, or null to follow its folder. */
const KeepDays = v.union([Days, v.literal('forever'), v.null()], 'keepDays is a number of days, "forever", or null (as its folder)');
/** A source's photos: kept (true), not (false), or as the library's setting (null). */
const Photos = v.nullable(v.boolean('photos is true, false, or null (as the library setting)'));


// The sidebar's sources and the add-source box call them. A renderer's sources.add, sources.refresh,
// opml.import and library.importUrls cannot reach loopback or private addresses (commands/source-service.ts).
const SOURCE_HOSTS: readonly Host[] = ['cli', 'ipc', 'serve'];
// A retention pass on demand is the command line's (the app runs one after each refresh and every hour).
const RETENTION_PASS_HOSTS: readonly Host[] = ['cli'];
const SourceOrFolder = v.union([v.strictObject({ id: Id }), v.strictObject({ folder: Folder })]);

export const sourceCommands = {
  'sources.add': command(
    'Subscribe to a feed, or to the feed a site links to (several: they are returned to choose from); its items are fetched at once.',
    v.strictObject({
      url: FeedUrl,
      folder: v.optional(Folder),
      intervalMinutes: v.optional(IntervalMinutes),
      title: v.optional(Name),
      fullText: v.optional(FullText),
      keepDays: v.optional(KeepDays),
      photos: v.optional(Photos),
    }),
    returns<SourceAddResult>(),
    SOURCE_HOSTS,
  ),
  'sources.list': command('Every source with its folder, interval and status.', NoArgs, returns<SourceInfo[]>(), SOURCE_HOSTS),
  'sources.refresh': command(
    'Refresh now: one source, one folder, or all of them (paused ones only when named).',
    v.union([v.strictObject({ id: Id }), v.strictObject({ folder: Folder }), v.strictObject({ all: v.literal(true) })]),
    returns<SourceRefreshResult[]>(),
    SOURCE_HOSTS,
  ),
  'sources.update': command(
    'Rename a source, move it to a folder (null: none), change its interval, full text, photos or retention, pause or resume it.',
    v.strictObject({
      id: Id,
      patch: v.strictObject({
        title: v.optional(Name),
        folder: v.optional(v.nullable(Folder)),
        intervalMinutes: v.optional(IntervalMinutes),
        paused: v.optional(v.boolean()),
        fullText: v.optional(FullText),
        keepDays: v.optional(KeepDays),
        photos: v.optional(Photos),
      }),
    }),
    returns<SourceInfo>(),
    SOURCE_HOSTS,
  ),
  'sources.remove': command(
    'Unsubscribe; its articles are kept or moved to the trash, as chosen (never deleted).',
    v.strictObject({ id: Id, articles: v.picklist(['keep', 'trash'], 'articles must be keep or trash') }),
    returns<SourceRemoved>(),
    SOURCE_HOSTS,
  ),
  // The sidebar's folder menu reads and sets a folder's retention; its badges are these unread counts.
  'sources.folders': command('Every folder of sources with its retention and unread articles, then the sources in no folder.', NoArgs, returns<SourceFolderInfo[]>(), SOURCE_HOSTS),
  'sources.updateFolder': command(
    "Set a folder's retention: keep its sources' items N days (null: forever); sources with their own setting keep it.",
    v.strictObject({ folder: Folder, patch: v.strictObject({ keepDays: v.nullable(Days) }) }),
    returns<SourceFolderInfo>(),
    SOURCE_HOSTS,
  ),
  'sources.applyRetention': command(
    'Move the items that retention has expired to the trash now (never starred, archived, tagged, annotated or filed ones).',
    v.strictObject({ id: v.optional(Id) }),
    returns<RetentionResult>(),
    RETENTION_PASS_HOSTS,
  ),
  'opml.import': command(
    'Subscribe to every feed of an OPML file (folders kept); problems are reported by line and the rest still goes in.',
    v.strictObject({ opml: v.pipe(v.string(), v.maxLength(10 * 1024 * 1024, 'the OPML file is larger than 10 MB')) }),
    returns<OpmlImportResult>(),
    SOURCE_HOSTS,
  ),
  'opml.export': command('Every source as OPML 2.0, with its folders.', NoArgs, returns<{ filename: string; opml: string; count: number }>(), SOURCE_HOSTS),
  'sources.markAllRead': command(
    'Mark every unread article of a source, or of a folder’s sources, read; returns them so it can be undone.',
    SourceOrFolder,
    returns<SourceMarkedRead>(),
    SOURCE_HOSTS,
  ),
  'sources.reorder': command(
    'Put these sources in a folder (null: none) in this order, as the sidebar’s drag and drop does.',
    v.strictObject({ folder: v.nullable(Folder), ids: v.pipe(Ids, v.maxLength(10_000)) }),
    returns<SourceInfo[]>(),
    SOURCE_HOSTS,
  ),
  'sources.markUnread': command('Undo of sources.markAllRead: these articles become unread again.', v.strictObject({ ids: Ids }), returns<{ count: number }>(), SOURCE_HOSTS),
} as const;
