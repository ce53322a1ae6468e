// A site's page names its feeds in <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">.
import { parseHTML } from 'linkedom';
import type { FeedCandidate } from '../contract/sources.ts';

const FEED_TYPES: Record<string, FeedCandidate['type']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** Links live in <head>; the rest of a large page is not worth a DOM in the core. */
const HEAD_BYTES = 512 * 1024;

/** The feeds a page links to, absolute, http(s) only, in page order without repeats. */
export function discoverFeeds(html: string, pageUrl: string): FeedCandidate[] {
  const { document } = parseHTML(html.slice(0, HEAD_BYTES));
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  let base: URL;
  try {
    base = new URL(baseHref ?? pageUrl, pageUrl);
  } catch {
    base = new URL(pageUrl);
  }
  const found: FeedCandidate[] = [];
  const seen = new Set<string>();
  for (const link of document.querySelectorAll('link[rel][href][type]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = FEED_TYPES[(link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim()];
    if (!rels.includes('alternate') || !type) continue;
    let url: URL;
    try {
      url = new URL(link.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || seen.has(url.href)) continue;
    seen.add(url.href);
    const title = link.getAttribute('title')?.trim();
    found.push({ url: url.href, title: title || null, type });
  }
  return found;
}
