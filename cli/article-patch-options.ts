import type { ArticlePatch } from '../contract/index.ts';
import type { ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

function toggle(on: boolean | undefined, off: boolean | undefined, names: [string, string]): boolean | undefined {
  if (on && off) throw new UsageError(`--${names[0]} and --${names[1]} contradict each other`);
  return on ? true : off ? false : undefined;
}

/** `set ID... --read --star --tags a,b --collection C --title T`: the user-state edits the UI offers. */
export function articlePatchFrom(options: ParsedArguments['options']): ArticlePatch {
  const patch: ArticlePatch = {};
  const read = toggle(options.read, options.unread, ['read', 'unread']);
  const starred = toggle(options.star, options.unstar, ['star', 'unstar']);
  const archived = toggle(options.archive, options.unarchive, ['archive', 'unarchive']);
  if (read !== undefined) patch.read = read;
  if (starred !== undefined) patch.starred = starred;
  if (archived !== undefined) patch.archived = archived;
  if (options.tags !== undefined) patch.tags = options.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  // An empty --collection "" takes the article out of its collection.
  if (options.collection !== undefined) patch.collection = options.collection.trim() || null;
  if (options.title !== undefined) patch.title = options.title;
  if (Object.keys(patch).length === 0) {
    throw new UsageError('set needs a change: --read/--unread, --star/--unstar, --archive/--unarchive, --tags, --collection or --title');
  }
  return patch;
}
