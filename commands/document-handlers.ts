// The documents.* commands: the original files of imported PDFs, DOCX and EPUBs.
import type { Library } from '../library/index.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';

type DocumentCommand = 'documents.original' | 'documents.openOriginal' | 'documents.originalPath';

function noOriginal(articleId: string): CommandError {
  return new CommandError('not-found', `The library keeps no original file for article ${articleId}`, { kind: 'article.not-found', id: articleId });
}

/** The one host service these commands use (HostServices.openPath in handlers.ts, which imports this file). */
interface OpensFiles {
  openPath?: (path: string) => Promise<string>;
}

export function documentHandlers(currentLibrary: () => Library, host: OpensFiles): Pick<CommandHandlers, DocumentCommand> {
  return {
    'documents.original': ({ articleId }) => {
      const kept = currentLibrary().originals.info(articleId);
      return kept ? { name: kept.name, mediaType: kept.mediaType, size: kept.size, sha256: kept.sha256 } : null;
    },
    'documents.originalPath': ({ articleId }) => currentLibrary().originals.info(articleId),
    'documents.openOriginal': async ({ articleId }) => {
      const kept = currentLibrary().originals.info(articleId);
      if (!kept) throw noOriginal(articleId);
      if (!host.openPath) throw new CommandError('unsupported', 'Opening a file needs the desktop app', { kind: 'command.not-allowed', command: 'documents.openOriginal' });
      const problem = await host.openPath(kept.path);
      if (problem) throw new CommandError('failed', `The system could not open ${kept.name}: ${problem}`);
      return { opened: true };
    },
  };
}
