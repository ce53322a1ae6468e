// TEMPORARY SCAFFOLD (replaced by the archive-host engineer before merge): the archive commands refuse.
import type { CommandHandlers } from './dispatcher.ts';
import { CommandError } from './command-error.ts';

type ArchiveCommand = Extract<keyof CommandHandlers, `archive.${string}` | 'archive.noteHistory'>;

const refuse = (): never => {
  throw new CommandError('unsupported', 'the shared archive is not available in this build');
};

export function archiveHandlers(): Pick<CommandHandlers, ArchiveCommand> {
  return {
    'archive.connect': refuse,
    'archive.status': refuse,
    'archive.disconnect': refuse,
    'archive.push': refuse,
    'archive.pull': refuse,
    'archive.sync': refuse,
    'archive.search': refuse,
    'archive.save': refuse,
    'archive.shareAnnotations': refuse,
    'archive.shareCollection': refuse,
    'archive.setDefaultDesk': refuse,
    'archive.noteHistory': refuse,
  };
}
