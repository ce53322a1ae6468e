// The shared-archive commands (contract/archive-commands.ts) on the context's ArchiveService.
import { draftFromArchive, type Library } from '../library/index.ts';
import type { ArchiveSearchResult } from '../contract/index.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';
import type { ArchiveService } from './archive-service.ts';

type ArchiveCommand = Extract<keyof CommandHandlers, `archive.${string}`>;

function annotationNotFound(id: string): CommandError {
  return new CommandError('not-found', `No annotation with id ${id}`, { kind: 'annotation.not-found' });
}

export function archiveHandlers(archive: ArchiveService, currentLibrary: () => Library): Pick<CommandHandlers, ArchiveCommand> {
  /** Archive hits this library holds already open the local article: the archive id it was pushed or pulled as. */
  const withLocalIds = (result: ArchiveSearchResult): ArchiveSearchResult => {
    const local = currentLibrary().archive;
    return { ...result, hits: result.hits.map((hit) => ({ ...hit, localId: local.localIdOf(hit.archiveId) })) };
  };

  return {
    'archive.probe': (input, caller) => archive.probe(input, caller.host),
    'archive.connect': (input, caller) => archive.connect(input, caller.host),
    // A renderer polls this: it answers from what the background sync knows. The CLI asks the archive now.
    'archive.status': (_args, caller) => (caller.host === 'cli' ? archive.probedStatus() : archive.status()),
    'archive.disconnect': (input) => archive.disconnect(input),
    'archive.push': () => archive.push(),
    'archive.pull': () => archive.pull(),
    'archive.sync': () => archive.sync(),
    'archive.search': async ({ query, limit, offset }) => {
      const { searchArchive } = await import('../archive/archive-search.ts');
      return withLocalIds(await archive.withDb((db) => searchArchive(db, query, { limit: limit ?? 20, offset: offset ?? 0 })));
    },
    'archive.save': async ({ archiveId }) => {
      const library = currentLibrary();
      const known = library.archive.localIdOf(archiveId);
      if (known && library.get(known)) return { id: known, duplicate: true };
      const { fetchArchiveArticle } = await import('../archive/archive-search.ts');
      const found = await archive.withDb((db) => fetchArchiveArticle(db, archiveId));
      if (!found) throw new CommandError('not-found', `The archive holds no article ${archiveId} that you may read.`, { kind: 'archive.article-not-found', archiveId });
      // The import path's own dedup: the same canonical URL or text is the article already here.
      const added = library.addArticle(draftFromArchive(found));
      library.archive.acknowledge([], new Map([[added.id, archiveId]]));
      return { id: added.id, duplicate: added.status === 'duplicate' };
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
