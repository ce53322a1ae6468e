// The one command contract between the renderer and whichever host runs it (Electron main or the
// `serve` host). Every command is declared once here: its name, its runtime argument schema and its
// result type. ipcMain, preload, the serve host, the CLI and the renderer client all derive from it.
// The renderer imports only its types; preload reads the names from command-names.ts.
import * as v from 'valibot';
import { returns, type Returns } from './returns.ts';
import type { CommandName } from './command-names.ts';
import type { SearchIndexBehind, SearchIndexState } from './events.ts';
import { CITATION_STYLES, LOCALE_SETTINGS, SETTINGS_BOUNDS, SETTINGS_DEFAULTS, THEMES } from './settings-defaults.ts';
import type { Article, ArticleSummary, ListPage, SidebarCounts } from './article.ts';
import { MAX_PDF_IMPORT_BYTES, type ImportReport } from './import-report.ts';
import { TEXT_ENCODINGS, textEncodingNamed, type TextEncodingName } from './text-encodings.ts';
import type { SearchResult } from './search-result.ts';
import type { ColorLabels } from './annotation-colors.ts';
import { sourceCommands } from './source-commands.ts';
import { bulkCommands } from './bulk-commands.ts';
import { AnnotationViewFilterEntries, briefCommands } from './brief-commands.ts';
import { documentCommands } from './document-commands.ts';
import { archiveCommands } from './archive-commands.ts';
import { command, MAX_OFFSET, NoArgs, Id, Ids, JobId, IsoDate, Name, type ArgsSchema, type CommandSpec, type Host } from './command-spec.ts';
import { AnnotationColorSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema, type Annotation } from './annotation.ts';

/** A text encoding by any of its names ("abc", "cp1258"), given as its canonical name; an unknown one lists the known. */
const EncodingName = v.pipe(
  v.string(),
  v.check((label) => textEncodingNamed(label) !== null, `unknown encoding; use one of ${TEXT_ENCODINGS.join(', ')}`),
  v.transform((label): TextEncodingName => textEncodingNamed(label) ?? 'utf-8'),
);

export const ListQuerySchema = v.strictObject({
  view: v.optional(v.picklist(['all', 'unread', 'starred', 'archived', 'trash'])),
  tag: v.optional(Name),
  collection: v.optional(Name),
  source: v.optional(Name),
  sourceId: v.optional(Id),
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  sort: v.optional(v.picklist(['published', 'imported', 'title', 'source'])),
  direction: v.optional(v.picklist(['asc', 'desc'])),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_OFFSET, `offset must be at most ${MAX_OFFSET}`))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
});

const Note = v.pipe(v.string(), v.maxLength(20_000, 'the note is too long'));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_OFFSET, `offsets must be at most ${MAX_OFFSET}`));

export const NewAnnotationSchema = v.union([
  v.strictObject({ articleId: Id, start: Offset, end: Offset, color: v.optional(AnnotationColorSchema), note: v.optional(Note) }),
  v.strictObject({
    articleId: Id,
    quote: v.pipe(v.string(), v.minLength(1, 'the quote is empty'), v.maxLength(20_000)),
    prefix: v.optional(v.string()),
    suffix: v.optional(v.string()),
    color: v.optional(AnnotationColorSchema),
    note: v.optional(Note),
  }),
]);

/** A whole annotation, as the renderer got it before deleting or editing it: what undo puts back. */
export const AnnotationSchema = v.strictObject({
  id: Id,
  articleId: Id,
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  status: v.picklist(['anchored', 'orphan']),
  color: AnnotationColorSchema,
  note: Note,
  created: v.pipe(v.string(), v.isoTimestamp()),
  updated: v.pipe(v.string(), v.isoTimestamp()),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  author: v.optional(v.pipe(v.string(), v.maxLength(200))),
  desk: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
  foreign: v.optional(v.literal(true)),
});

export interface AnnotationExport {
  filename: string;
  mediaType: 'text/markdown' | 'application/ld+json';
  content: string;
}

export const ArticlePatchSchema = v.strictObject({
  read: v.optional(v.boolean()),
  starred: v.optional(v.boolean()),
  archived: v.optional(v.boolean()),
  title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'title must not be empty'), v.maxLength(1000))),
  tags: v.optional(v.pipe(v.array(Name), v.maxLength(200))),
  collection: v.optional(v.nullable(Name)),
  readingPosition: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});

export const SearchFiltersSchema = v.strictObject({
  source: v.optional(Name),
  tag: v.optional(Name),
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  unread: v.optional(v.boolean()),
  starred: v.optional(v.boolean()),
  /** Words match only as written, marks included (issue 16 §3). */
  exactDiacritics: v.optional(v.boolean()),
});

export const ThemeSchema = v.picklist(THEMES);
export const LocaleSettingSchema = v.picklist(LOCALE_SETTINGS);

/** UI preferences, persisted in the library so they survive restarts whatever the host's origin. */
export const SettingsSchema = v.strictObject({
  theme: ThemeSchema,
  locale: LocaleSettingSchema,
  fontFamily: v.picklist(['serif', 'sans']),
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(SETTINGS_BOUNDS.fontSize.min), v.maxValue(SETTINGS_BOUNDS.fontSize.max)),
  lineWidth: v.pipe(v.number(), v.integer(), v.minValue(SETTINGS_BOUNDS.lineWidth.min), v.maxValue(SETTINGS_BOUNDS.lineWidth.max)),
  paneSizes: v.strictObject({
    sidebar: v.pipe(v.number(), v.minValue(SETTINGS_BOUNDS.sidebarWidth.min), v.maxValue(SETTINGS_BOUNDS.sidebarWidth.max)),
    list: v.pipe(v.number(), v.minValue(SETTINGS_BOUNDS.listWidth.min), v.maxValue(SETTINGS_BOUNDS.listWidth.max)),
  }),
  citationStyle: v.picklist(CITATION_STYLES),
  downloadPhotos: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SearchFilters = v.InferOutput<typeof SearchFiltersSchema>;

export const DEFAULT_SETTINGS: Settings = SETTINGS_DEFAULTS;

/** One uploaded file as base64: up to the largest per-type limit (a 200 MB PDF), plus headroom. The importer applies each type's own limit. */
export const MAX_UPLOAD_BASE64 = Math.ceil(MAX_PDF_IMPORT_BYTES / 3) * 4 + 1024 * 1024;

export interface AppInfo {
  name: string;
  version: string;
  libraryDir: string;
  runtime: 'electron' | 'browser';
  platform: string;
  nodeVersion: string;
  /** The largest file an import takes; the UI names bigger ones before sending them. */
  maxImportBytes: number;
  /** Larger limits for some types, by lower-case extension (PDFs: 200 MB). */
  maxImportBytesByExtension: Record<string, number>;
}

export interface ExportPayload {
  filename: string;
  ndjson: string;
  /** Articles exported; their annotations follow them in the file. */
  count: number;
}

export interface LibraryMoved {
  libraryDir: string;
  previousDir: string;
}

export interface BackupWritten {
  path: string;
  bytes: number;
}

export const commands = {
  'app.info': command('Version, library folder and runtime of the running app.', NoArgs, returns<AppInfo>()),
  'settings.get': command('The persisted UI preferences.', NoArgs, returns<Settings>()),
  'settings.update': command(
    'Change some UI preferences; returns all of them.',
    v.strictObject({ patch: v.partial(SettingsSchema) }),
    returns<Settings>(),
  ),
  'library.list': command('A page of article summaries.', ListQuerySchema, returns<ListPage>()),
  'library.counts': command('Counts for every sidebar entry.', NoArgs, returns<SidebarCounts>()),
  'library.get': command('One article with its body and blocks.', v.strictObject({ id: Id }), returns<Article>()),
  'library.open': command(
    'What the reader shows of one article, in one round trip: the article and its annotations in reading order. Changes nothing.',
    v.strictObject({ id: Id }),
    returns<{ article: Article; annotations: Annotation[] }>(),
  ),
  'library.update': command(
    'Change an article’s user state or title.',
    v.strictObject({ id: Id, patch: ArticlePatchSchema }),
    returns<ArticleSummary>(),
  ),
  // The UI moves to the trash through library.bulk, which can be undone; the CLI's delete uses this.
  'library.trash': command('Move articles to the trash.', v.strictObject({ ids: Ids }), returns<{ count: number }>(), ['cli']),
  'library.restore': command('Restore articles from the trash.', v.strictObject({ ids: Ids }), returns<{ count: number }>()),
  // Neither is offered by the UI yet, so neither renderer may call them (least privilege).
  'library.emptyTrash': command('Delete everything in the trash for good.', NoArgs, returns<{ count: number }>(), ['cli']),
  'library.importFiles': command(
    'Import files sent by the renderer (drag and drop, file input).',
    v.strictObject({
      jobId: JobId,
      files: v.pipe(
        v.array(
          v.strictObject({
            name: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
            base64: v.pipe(v.string(), v.maxLength(MAX_UPLOAD_BASE64, 'file is larger than 200 MB')),
          }),
        ),
        v.minLength(1, 'choose at least one file'),
      ),
      /** Overrides detection for every file; detected per file without it. */
      encoding: v.optional(EncodingName),
    }),
    returns<ImportReport>(),
  ),
  'library.importPaths': command(
    'Import files and folders by path on this computer.',
    v.strictObject({
      jobId: JobId,
      paths: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))), v.minLength(1, 'give at least one path')),
      encoding: v.optional(EncodingName),
    }),
    returns<ImportReport>(),
    // A path on this computer: never from a renderer (over serve it read /etc/passwd into the library).
    ['cli'],
  ),
  'library.importUrls': command(
    'Fetch web pages or feeds and keep them offline.',
    v.strictObject({
      jobId: JobId,
      urls: v.pipe(
        v.array(v.pipe(v.string(), v.url('not a valid URL'), v.regex(/^https?:/i, 'only http and https URLs can be imported'))),
        v.minLength(1, 'give at least one URL'),
      ),
      encoding: v.optional(EncodingName),
    }),
    returns<ImportReport>(),
    // The add-source box's "save this page"; a renderer cannot reach loopback or private addresses (commands/source-service.ts).
  ),
  'library.cancelImport': command('Cancel a running import; what was committed stays.', v.strictObject({ jobId: JobId }), returns<{ cancelled: boolean }>()),
  'library.export': command(
    'The library, or a selection, as NDJSON with user state; `photos`: with the files the articles carry (their photos, and the PDF, DOCX or EPUB they were imported from).',
    v.strictObject({ ids: v.optional(Ids), photos: v.optional(v.boolean()) }),
    returns<ExportPayload>(),
  ),
  'library.move': command(
    'Move the library to an empty folder: a verified copy is made, the app switches to it, the old folder is kept.',
    v.strictObject({ path: v.pipe(v.string(), v.minLength(1, 'choose a folder'), v.maxLength(4096)) }),
    returns<LibraryMoved>(),
    // The browser UI has no folder dialog, so serve takes a typed path; the desktop app uses a dialog in main.
    ['cli', 'serve'],
  ),
  'library.moveToChosenFolder': command(
    'Ask main to show a folder dialog, then move the library there; null when the dialog was cancelled.',
    NoArgs,
    returns<LibraryMoved | null>(),
    ['ipc'],
  ),
  'library.backup': command(
    'A consistent copy of the database at a path on this computer. An existing file is kept unless overwrite is true; a library’s own database files are always refused.',
    v.strictObject({ path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)), overwrite: v.optional(v.boolean()) }),
    returns<BackupWritten>(),
    ['cli'],
  ),
  'library.backupToChosenFile': command(
    'Ask main to show a save dialog, then back the database up there; null when the dialog was cancelled.',
    NoArgs,
    returns<BackupWritten | null>(),
    ['ipc'],
  ),
  'annotations.list': command(
    'Annotations of one article in reading order, or of the whole library, filtered by colour or label, article tag, source, date and text (read as search reads a query).',
    v.strictObject({ articleId: v.optional(Id), color: v.optional(AnnotationColorSchema), tag: v.optional(Name), ...AnnotationViewFilterEntries }),
    returns<Annotation[]>(),
  ),
  'annotations.create': command('Highlight a range of an article’s body, or the first (or prefix/suffix-unique) occurrence of a quote.', NewAnnotationSchema, returns<Annotation>()),
  'annotations.update': command(
    'Change an annotation’s note or colour.',
    v.strictObject({ id: Id, patch: v.strictObject({ note: v.optional(Note), color: v.optional(AnnotationColorSchema) }) }),
    returns<Annotation>(),
  ),
  'annotations.delete': command('Delete an annotation; the result is what undo restores.', v.strictObject({ id: Id }), returns<Annotation>()),
  'annotations.restore': command('Undo: put a deleted or edited annotation back as it was.', v.strictObject({ annotation: AnnotationSchema }), returns<Annotation>()),
  'annotations.labels': command('The user’s names for the four highlight colours.', NoArgs, returns<ColorLabels>()),
  'annotations.renameColor': command(
    'Rename what a highlight colour means (quote, verify, figure, idea…).',
    v.strictObject({ color: AnnotationColorSchema, label: Name }),
    returns<ColorLabels>(),
  ),
  'annotations.export': command(
    'An article with its annotations as Markdown, or annotations as W3C Web Annotation JSON-LD.',
    v.pipe(
      v.strictObject({ articleId: v.optional(Id), format: v.picklist(['md', 'jsonld'], 'format must be md or jsonld') }),
      v.check((args) => args.format === 'jsonld' || args.articleId !== undefined, 'Markdown export needs an article id'),
    ),
    returns<AnnotationExport>(),
  ),
  'search.query': command(
    'Vietnamese-aware full-text search.',
    v.strictObject({
      query: v.pipe(v.string(), v.maxLength(10_000, 'query is too long')),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
      offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_OFFSET, `offset must be at most ${MAX_OFFSET}`))),
      filters: v.optional(SearchFiltersSchema),
      // A window or tab names itself so that its newer query cancels its older one still waiting.
      client: v.optional(v.pipe(v.string(), v.maxLength(100, 'client is too long'))),
    }),
    returns<SearchResult>(),
  ),
  'search.status': command(
    'Whether the search index is ready, and whether it is behind the library (with why).',
    NoArgs,
    returns<{ state: SearchIndexState; behind?: SearchIndexBehind }>(),
  ),
  ...sourceCommands,
  ...bulkCommands,
  ...briefCommands,
  ...documentCommands,
  ...archiveCommands,
} as const satisfies Record<CommandName, CommandSpec<ArgsSchema, unknown>>;

export type Commands = typeof commands;
export type CommandArgs<N extends CommandName> = v.InferInput<Commands[N]['args']>;
/** The commands a host may expose; the others are refused before validation. */
export function commandsFor(host: Host): CommandName[] {
  return (Object.keys(commands) as CommandName[]).filter((name) => commands[name].hosts.includes(host));
}

export function allowedOn(name: CommandName, host: Host): boolean {
  return commands[name].hosts.includes(host);
}

export type CommandResult<N extends CommandName> = Commands[N]['result'] extends Returns<infer R> ? R : never;


/** Checks arguments against the command's schema; returns a one-line message on failure. */
export function validateArgs<N extends CommandName>(
  name: N,
  args: unknown,
): { ok: true; value: v.InferOutput<Commands[N]['args']> } | { ok: false; message: string } {
  const schema = commands[name].args;
  const parsed = v.safeParse(schema, args ?? {});
  if (parsed.success) return { ok: true, value: parsed.output as v.InferOutput<Commands[N]['args']> };
  const first = parsed.issues[0];
  const where = v.getDotPath(first);
  const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
  return { ok: false, message: `Invalid arguments for ${name}: ${where ? `${where}: ` : ''}${first.message}${more}` };
}
