// Offline edits of one annotation on two machines, merged: last writer wins per field (colour, note,
// desk, each by the time it was written), and the note text that loses is kept as history, never
// dropped. Pure: the same rule the archive's nr_upsert_annotation applies on push.
import type { NoteVersion } from '../contract/archive.ts';
import type { SyncedAnnotationFields } from './archive-local-store.ts';

const time = (iso: string): number => Date.parse(iso);

/** Whether `remote`'s write at `remoteAt` wins over `local`'s at `localAt`: later wins; a tie goes to the archive, where machines meet. */
function remoteWins(localAt: string, remoteAt: string): boolean {
  return time(remoteAt) >= time(localAt);
}

function latest(fields: SyncedAnnotationFields): number {
  return Math.max(time(fields.colorUpdated), time(fields.noteUpdated), time(fields.deskUpdated));
}

export function mergeAnnotation(
  local: SyncedAnnotationFields | null,
  remote: SyncedAnnotationFields,
): { merged: SyncedAnnotationFields; history: NoteVersion[] } {
  if (!local) return { merged: { ...remote }, history: [] };
  const history: NoteVersion[] = [];
  const noteFromRemote = remoteWins(local.noteUpdated, remote.noteUpdated);
  const [winner, loser] = noteFromRemote ? [remote, local] : [local, remote];
  if (loser.note !== winner.note && loser.note !== '') {
    history.push({ note: loser.note, writtenAt: loser.noteUpdated, replacedAt: winner.noteUpdated });
  }
  const colorFromRemote = remoteWins(local.colorUpdated, remote.colorUpdated);
  const deskFromRemote = remoteWins(local.deskUpdated, remote.deskUpdated);
  // The anchor follows whichever side wrote last.
  const anchorFrom = latest(remote) >= latest(local) ? remote : local;
  return {
    merged: {
      quote: anchorFrom.quote,
      position: anchorFrom.position,
      color: colorFromRemote ? remote.color : local.color,
      colorUpdated: colorFromRemote ? remote.colorUpdated : local.colorUpdated,
      note: winner.note,
      noteUpdated: winner.noteUpdated,
      desk: deskFromRemote ? remote.desk : local.desk,
      deskUpdated: deskFromRemote ? remote.deskUpdated : local.deskUpdated,
    },
    history,
  };
}
