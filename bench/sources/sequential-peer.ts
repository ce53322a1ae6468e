// The peer for the sources bench: the plainest way to read a newsroom's feeds with full text. One
// request at a time: fetch each feed, parse it with feedsmith, fetch each item's page and extract it
// with Readability on linkedom. It stores nothing, deduplicates nothing, indexes nothing and keeps no
// validators (so it has no cheap second pass): a floor for fetch + parse, not an equal competitor.
import { Readability } from '@mozilla/readability';
import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';

export interface PeerRun {
  ms: number;
  pages: number;
  characters: number;
}

export async function sequentialFetchAndParse(feedUrls: readonly string[]): Promise<PeerRun> {
  const started = performance.now();
  let pages = 0;
  let characters = 0;
  for (const url of feedUrls) {
    const parsed = parseFeed(await (await fetch(url)).text());
    const links = parsed.format === 'rss' ? (parsed.feed.items ?? []).map((item) => item.link) : [];
    for (const link of links) {
      if (!link) continue;
      const { document } = parseHTML(await (await fetch(link)).text());
      const article = new Readability(document as unknown as Document).parse();
      pages++;
      characters += article?.textContent?.length ?? 0;
    }
  }
  return { ms: performance.now() - started, pages, characters };
}
