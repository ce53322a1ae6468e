// The sources.* and opml.* commands, on the app's one SourceService.
import type { CommandHandlers } from './dispatcher.ts';
import type { SourceService } from './source-service.ts';

type SourceCommand =
  | 'sources.add'
  | 'sources.list'
  | 'sources.refresh'
  | 'sources.update'
  | 'sources.remove'
  | 'sources.folders'
  | 'sources.updateFolder'
  | 'sources.applyRetention'
  | 'opml.import'
  | 'opml.export';

export function sourceHandlers(sources: SourceService): Pick<CommandHandlers, SourceCommand> {
  return {
    'sources.add': (args) => sources.add(args),
    'sources.list': () => sources.list(),
    'sources.refresh': (target) => sources.refresh(target),
    'sources.update': ({ id, patch }) => sources.update(id, patch),
    'sources.remove': ({ id, articles }) => sources.remove(id, articles),
    'sources.folders': () => sources.folders(),
    'sources.updateFolder': ({ folder, patch }) => sources.updateFolder(folder, patch),
    'sources.applyRetention': ({ id }) => sources.applyRetention(id ?? null),
    'opml.import': ({ opml }) => sources.importOpml(opml),
    'opml.export': () => sources.exportOpml(),
  };
}
