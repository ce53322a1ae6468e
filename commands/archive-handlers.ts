// The shared-archive commands (contract/archive-commands.ts) on the context's ArchiveService.
import type { Library } from '../library/index.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';
import type { ArchiveService } from './archive-service.ts';

type ArchiveCommand = Extract<keyof CommandHandlers, `archive.${string}`>;

function annotationNotFound(id: string): CommandError {
  return new CommandError('not-found', `No annotation with id ${id}`, { kind: 'annotation.not-found' });
}

export function archiveHandlers(archive: ArchiveService, currentLibrary: () => Library): Pick<CommandHandlers, ArchiveCommand> {
  return {
    'archive.connect': (input, caller) => archive.connect(input, caller.host),
    // A renderer polls this: it answers from what the background sync knows. The CLI asks the archive now.
    'archive.status': (_args, caller) => (caller.host === 'cli' ? archive.probedStatus() : archive.status()),
    'archive.disconnect': (input) => archive.disconnect(input),
    'archive.push': () => archive.push(),
    'archive.pull': () => archive.pull(),
    'archive.sync': () => archive.sync(),
    // Until wt/archive-db's archive search lands in this branch (replaced before merge).
    'archive.search': () => {
      throw new CommandError('unsupported', 'archive search is not in this build yet');
    },
    'archive.save': () => {
      throw new CommandError('unsupported', 'saving from the archive is not in this build yet');
    },
    'archive.shareAnnotations': async ({ ids, desk }) => {
      archive.requireLink();
      const local = currentLibrary().archive;
      for (const id of ids) {
        const annotation = local.annotation(id);
        if (!annotation) throw annotationNotFound(id);
        if (annotation.foreign) {
          throw new CommandError('invalid-arguments', `Annotation ${id} is ${annotation.author ?? 'another reporter'}'s: only its author can share it.`, { kind: 'archive.foreign-annotation', id });
        }
      }
      if (desk !== null) await archive.requireDesk(desk);
      const updated = local.shareAnnotations(ids, desk);
      archive.noteLocalChange();
      return { updated: updated.length };
    },
    'archive.shareCollection': async ({ collection, desk, share }) => {
      archive.requireLink();
      if (share) await archive.requireDesk(desk);
      currentLibrary().archive.shareCollection(collection, desk, share);
      archive.noteLocalChange();
      return archive.status();
    },
    'archive.setDefaultDesk': async ({ desk }) => {
      archive.requireLink();
      if (desk !== null) await archive.requireDesk(desk);
      currentLibrary().archive.updateLink({ defaultDesk: desk });
      return archive.status();
    },
    'archive.noteHistory': ({ id }) => {
      const local = currentLibrary().archive;
      if (!local.annotation(id)) throw annotationNotFound(id);
      return local.noteHistory(id);
    },
  };
}
