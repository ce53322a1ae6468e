// An OPML file as the SourceService subscribes to it: its feeds, less the ones this caller may not
// reach (a renderer and local addresses), and every problem by line; a file with nothing usable is refused.
import type { OpmlProblem } from '../contract/sources.ts';
import type { OpmlFeed } from '../sources/index.ts';
import { CommandError } from './command-error.ts';

/** `refusedHost`: the host this caller may not fetch a feed from, or null (SourceService.refusedHost). */
export async function readOpmlFeeds(text: string, refusedHost: (url: string) => Promise<string | null>): Promise<{ feeds: OpmlFeed[]; problems: OpmlProblem[] }> {
  const { readOpml, opmlProblem } = await import('../sources/index.ts');
  const read = readOpml(text);
  const problems = [...read.problems];
  const feeds: OpmlFeed[] = [];
  for (const feed of read.feeds) {
    const host = await refusedHost(feed.url);
    if (host === null) feeds.push(feed);
    else problems.push(opmlProblem(feed.line, { kind: 'address-not-allowed', url: feed.url, host }));
  }
  problems.sort((a, b) => a.line - b.line);
  if (feeds.length === 0 && problems.length > 0) {
    const first = problems[0]!;
    const message = `No feeds could be read from this OPML file; line ${first.line}: ${first.message}`;
    throw new CommandError('invalid-arguments', message, { kind: 'opml.unreadable', line: first.line, detail: first.message, problem: first.reason });
  }
  return { feeds, problems };
}
