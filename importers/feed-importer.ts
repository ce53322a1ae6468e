// RSS 2.0, Atom, RDF and JSON Feed, via feedsmith: each entry becomes an article, the feed title its source.
import { parseFeed } from 'feedsmith';
import { createDraft } from './article-draft.ts';
import type { BlockPiece } from './block-builder.ts';
import { htmlToPieces, htmlToPlainText } from './html-to-blocks.ts';
import { failedItem } from './import-failure.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from './import-types.ts';
import { assertNestingWithin, markupNestingDepth } from './nesting-depth.ts';
import { newestPositions } from './newest-entries.ts';
import { toIsoDate } from './published-date.ts';
import { decodeInput, withEncoding } from './text-decoding.ts';
import { paragraphsFromPlainText } from './text-normalize.ts';
import { acceptsFeed } from './importer-choice.ts';

/** One entry, whatever the feed format, before it becomes a draft. */
interface FeedEntry {
  /** The entry's identity in its feed, when the feed gives one. */
  guid?: string;
  title?: string;
  /** HTML unless contentIsText. */
  content?: string;
  contentIsText?: boolean;
  url?: string;
  author?: string;
  publishedAt?: string;
  tags: string[];
}

interface FeedSummary {
  title: string | null;
  language: string | null;
  entries: FeedEntry[];
}

function names(list: readonly ({ name?: string } | string)[] | undefined): string | undefined {
  const joined = (list ?? []).map((person) => (typeof person === 'string' ? person : person.name ?? '')).filter(Boolean).join(', ');
  return joined || undefined;
}

function summarize(value: string | object): FeedSummary {
  const parsed = parseFeed(value);
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      return {
        title: feed.title ?? null,
        language: feed.language ?? feed.dc?.languages?.[0] ?? null,
        entries: (feed.items ?? []).map((item) => ({
          guid: item.guid?.value,
          title: item.title,
          content: item.content?.encoded ?? item.description,
          url: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
          author: names(item.dc?.creators) ?? names(item.authors),
          publishedAt: item.pubDate ?? item.dc?.dates?.[0],
          tags: [...(item.categories ?? []).map((category) => category.name ?? ''), ...(item.dc?.subjects ?? [])],
        })),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      return {
        title: feed.title?.value ?? null,
        language: null,
        entries: (feed.entries ?? []).map((entry) => {
          const body = entry.content?.value ? entry.content : entry.summary;
          const link = entry.links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? entry.links?.[0];
          return {
            guid: entry.id,
            title: entry.title?.value,
            content: body?.value,
            contentIsText: !body?.type || body.type === 'text',
            url: link?.href,
            author: names(entry.authors) ?? names(feed.authors),
            publishedAt: entry.published ?? entry.updated,
            tags: (entry.categories ?? []).map((category) => category.label ?? category.term ?? ''),
          };
        }),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      return {
        title: feed.title ?? null,
        language: feed.dc?.languages?.[0] ?? null,
        entries: (feed.items ?? []).map((item) => ({
          title: item.title,
          content: item.content?.encoded ?? item.description,
          url: item.link,
          author: names(item.dc?.creators),
          publishedAt: item.dc?.dates?.[0],
          tags: item.dc?.subjects ?? [],
        })),
      };
    }
    case 'json': {
      const { feed } = parsed;
      return {
        title: feed.title ?? null,
        language: feed.language ?? null,
        entries: (feed.items ?? []).map((item) => ({
          guid: item.id,
          title: item.title,
          content: item.content_html ?? item.content_text ?? item.summary,
          contentIsText: item.content_html === undefined,
          url: item.url ?? item.external_url,
          author: names(item.authors),
          publishedAt: item.date_published ?? item.date_modified,
          tags: item.tags ?? [],
        })),
      };
    }
  }
}

function parseFeedText(text: string, isJson: boolean): FeedSummary {
  try {
    return summarize(isJson ? (JSON.parse(text) as object) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportInputError({ kind: 'malformed-feed', detail: reason }, { cause: error });
  }
}

function entryItem(feed: FeedSummary, entry: FeedEntry, origin: string): ParsedItem {
  const pieces: BlockPiece[] = !entry.content
    ? []
    : entry.contentIsText
      ? paragraphsFromPlainText(entry.content).map((text) => ({ kind: 'paragraph', text }))
      : htmlToPieces(entry.content, { base: entry.url ?? (/^https?:/i.test(origin) ? origin : null) });
  if (pieces.every((piece) => piece.kind === 'figure')) return failedItem({ kind: 'feed-entry-without-text', title: entry.title ?? null });
  const draft = createDraft({
    // Titles may carry markup (Atom type="html", escaped tags in RSS); it must not reach the stored text.
    title: entry.title ? htmlToPlainText(entry.title) : null,
    author: entry.author ?? null,
    source: feed.title ? htmlToPlainText(feed.title) : null,
    url: entry.url ?? null,
    language: feed.language,
    publishedAt: toIsoDate(entry.publishedAt),
    origin,
    tags: entry.tags,
    pieces,
  });
  return entry.guid?.trim() ? { kind: 'draft', draft, guid: entry.guid.trim() } : { kind: 'draft', draft };
}

export const feedImporter: Importer = {
  id: 'feed',
  accepts: acceptsFeed,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const decoded = decodeInput(input);
    const text = decoded.text;
    const isJson = /^\s*\{/.test(text);
    // The XML parser walks the tree recursively too; entries' own HTML is checked one by one (sanitizeHtml).
    if (!isJson) assertNestingWithin(markupNestingDepth(text));
    const feed = parseFeedText(text, isJson);
    if (feed.entries.length === 0) throw new ImportInputError({ kind: 'feed-without-entries' });
    const kept = input.maxEntries === undefined ? null : newestPositions(feed.entries.map((entry) => toIsoDate(entry.publishedAt)), input.maxEntries);
    const items: ParsedItem[] = [];
    feed.entries.forEach((entry, index) => {
      if (kept && !kept.has(index)) return;
      try {
        items.push({ ...entryItem(feed, entry, input.origin), position: index + 1 });
      } catch (error) {
        items.push(failedItem(error instanceof ImportInputError ? error.reason : { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) }, index + 1));
      }
    });
    if (items[0] && feed.entries.length > items.length) items[0].entriesLeftOut = feed.entries.length - items.length;
    return withEncoding(items, decoded.encoding);
  },
};
