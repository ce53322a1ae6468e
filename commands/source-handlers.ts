// The sources.* and opml.* commands, on the app's one SourceService.
import type { CommandHandlers } from './dispatcher.ts';
import type { SourceService } from './source-service.ts';

type SourceCommand = Extract<keyof CommandHandlers, `sources.${string}` | `opml.${string}`>;

export function sourceHandlers(sources: SourceService): Pick<CommandHandlers, SourceCommand> {
  return {
    // What a renderer sends may not reach loopback or private addresses (SourceService.refusedHost).
    'sources.add': (args, caller) => sources.add(args, caller),
    'sources.list': () => sources.list(),
    'sources.refresh': (target, caller) => sources.refresh(target, caller),
    'sources.update': ({ id, patch }) => sources.update(id, patch),
    'sources.remove': ({ id, articles }) => sources.remove(id, articles),
    'sources.folders': () => sources.folders(),
    'sources.updateFolder': ({ folder, patch }) => sources.updateFolder(folder, patch),
    'sources.applyRetention': ({ id }) => sources.applyRetention(id ?? null),
    'opml.import': ({ opml }, caller) => sources.importOpml(opml, caller),
    'opml.export': () => sources.exportOpml(),
    'sources.markAllRead': (target) => sources.markAllRead(target),
    'sources.markUnread': ({ ids }) => sources.markUnread(ids),
    'sources.reorder': ({ folder, ids }) => sources.reorder(folder, ids),
  };
}
