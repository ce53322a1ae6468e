// The names of every command and event, as data with no imports: preload checks calls against
// them without bundling the schemas. \`commands.ts\` and \`events.ts\` must declare exactly these
// (checked by the type checker through \`satisfies\`).

export const COMMAND_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'library.list',
  'library.counts',
  'library.get',
  'library.open',
  'library.update',
  'library.trash',
  'library.restore',
  'library.emptyTrash',
  'library.importFiles',
  'library.importPaths',
  'library.importUrls',
  'library.cancelImport',
  'library.export',
  'library.move',
  'library.moveToChosenFolder',
  'library.backup',
  'library.backupToChosenFile',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'annotations.labels',
  'annotations.renameColor',
  'annotations.export',
  'search.query',
  'search.status',
  'sources.add',
  'sources.list',
  'sources.refresh',
  'sources.update',
  'sources.remove',
  'sources.folders',
  'sources.updateFolder',
  'sources.applyRetention',
  'opml.import',
  'opml.export',
  'sources.markAllRead',
  'sources.markUnread',
  'sources.reorder',
  'library.bulk',
  'library.bulkUndo',
  'library.bulkExport',
  'watch.list',
  'watch.add',
  'watch.update',
  'watch.open',
  'watch.reorder',
  'watch.remove',
  'briefs.export',
  'briefs.cite',
  'documents.original',
  'documents.openOriginal',
  'documents.originalPath',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const EVENT_NAMES = ['import.progress', 'library.changed', 'search.state', 'menu.action', 'sources.changed', 'watch.counts'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}
