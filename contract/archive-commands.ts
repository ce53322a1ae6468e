// The shared-archive commands (issue 18), joined into the one table by commands.ts.
import * as v from 'valibot';
import { returns } from './returns.ts';
import { command, Id, Ids, Name, NoArgs } from './command-spec.ts';
import type { ArchiveLinkPreview, ArchiveSearchResult, ArchiveStatus, ArchiveSyncResult, NoteVersion } from './archive.ts';

/** postgres:// or postgresql:// with host and database; sslmode and other options in the query string. */
const ArchiveAddress = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(2000, 'the archive address is too long'),
  v.regex(/^postgres(ql)?:\/\/[^\s]+$/i, 'the archive address starts with postgres:// (postgres://reporter@server:5432/archive)'),
);
const Password = v.pipe(v.string(), v.minLength(1, 'the password is empty'), v.maxLength(1000, 'the password is too long'));
const Desk = v.pipe(Name, v.maxLength(200));
/** What archive.probe hands out (base64url); anything else is refused before the archive is reached. */
const Confirmation = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'the confirmation is not one archive.probe gave'));

export const archiveCommands = {
  // A renderer learns what it is about to link and shows it; only the person's yes sends archive.connect
  // with the confirmation, which the host requires of a renderer linking to a new address.
  'archive.probe': command(
    'Reach an archive without linking: its server, the role, whether TLS is in use and the role’s desks, with a short-lived confirmation for archive.connect to that exact address.',
    v.strictObject({ address: ArchiveAddress, password: v.optional(Password) }),
    returns<ArchiveLinkPreview>(),
    ['ipc', 'serve'],
  ),
  'archive.connect': command(
    'Link this library to a shared archive on PostgreSQL. The password comes from the OS keychain (desktop), this run only (browser), or PGPASSFILE/PGPASSWORD (command line); never the plain settings. A renderer linking to a new archive passes the confirmation archive.probe gave for that address.',
    v.strictObject({ address: ArchiveAddress, password: v.optional(Password), defaultDesk: v.optional(v.nullable(Desk)), confirmation: v.optional(Confirmation) }),
    returns<ArchiveStatus>(),
  ),
  'archive.status': command('Whether the library is linked to an archive: address, reporter, desks, last sync, pending changes, problem in words.', NoArgs, returns<ArchiveStatus>()),
  'archive.disconnect': command(
    'Unlink the library from the archive; its articles and annotations stay. Refused while changes wait to be pushed, unless discardPending.',
    v.strictObject({ discardPending: v.optional(v.boolean()) }),
    returns<ArchiveStatus>(),
  ),
  // The renderers sync with archive.sync (the background sync does the rest); the CLI may push or pull alone.
  'archive.push': command('Push the outbox (local changes) to the archive now.', NoArgs, returns<ArchiveSyncResult>(), ['cli']),
  'archive.pull': command('Pull what changed in the archive since the last pull.', NoArgs, returns<ArchiveSyncResult>(), ['cli']),
  'archive.sync': command('Push, then pull.', NoArgs, returns<ArchiveSyncResult>()),
  'archive.search': command(
    'Search the shared archive (Vietnamese-aware in PostgreSQL): what this reporter may see.',
    v.strictObject({
      query: v.pipe(v.string(), v.maxLength(1000, 'query is too long')),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
      offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000, 'offset must be at most 10000'))),
    }),
    returns<ArchiveSearchResult>(),
  ),
  'archive.save': command(
    'Save an archive hit into the local library (deduplicated like an import).',
    v.strictObject({ archiveId: v.pipe(v.string(), v.uuid('not an archive article id')) }),
    returns<{ id: string; duplicate: boolean }>(),
  ),
  'archive.shareAnnotations': command(
    'Share annotations with a desk, or make them private again (desk null).',
    v.strictObject({ ids: Ids, desk: v.nullable(Desk) }),
    returns<{ updated: number }>(),
  ),
  'archive.shareCollection': command(
    'Share a collection with a desk (its articles now and later), or stop sharing it (share false).',
    v.strictObject({ collection: Name, desk: Desk, share: v.boolean() }),
    returns<ArchiveStatus>(),
  ),
  'archive.setDefaultDesk': command('The desk new articles are shared with (null: private until shared).', v.strictObject({ desk: v.nullable(Desk) }), returns<ArchiveStatus>()),
  'archive.noteHistory': command('Older texts of an annotation’s note that later edits replaced.', v.strictObject({ id: Id }), returns<NoteVersion[]>()),
};
