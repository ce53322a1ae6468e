// Saved web pages and fetched pages: main content via Readability, metadata from the head.
import { Readability } from '@mozilla/readability';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleDraft } from '../library/model.ts';
import { createDraft } from './article-draft.ts';
import type { BlockPiece } from './block-builder.ts';
import { charsetOf } from './format-sniff.ts';
import { readHtmlMetadata } from './html-metadata.ts';
import { nodeToPieces, parseHtmlDocument, type PieceOptions } from './html-to-blocks.ts';
import { sanitizePageHtml } from './page-sanitizer.ts';
import type { ImportInput, Importer, ParsedItem } from './import-types.ts';
import { emptyHugeAttributes } from './huge-attributes.ts';
import { assertNestingWithin, markupNestingDepth } from './nesting-depth.ts';
import { findPublishedDate, toIsoDate } from './published-date.ts';
import { decodeInput, withEncoding } from './text-decoding.ts';
import { tidyInline } from './text-normalize.ts';
import { acceptsHtml } from './importer-choice.ts';


function sameText(a: string, b: string): boolean {
  return tidyInline(a).toLocaleLowerCase('vi') === tidyInline(b).toLocaleLowerCase('vi');
}

/** Markup linkedom serialised from the page, sanitised, as pieces. */
function pagePieces(html: string, options: PieceOptions): BlockPiece[] {
  return nodeToPieces(sanitizePageHtml(html), options);
}

function textLength(pieces: readonly BlockPiece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.text.length, 0);
}

/** The charset a page declares in <meta>, for pages that are not UTF-8. */
function declaredMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

/**
 * What the page's relative image addresses mean: its <base> or its own URL on the web, its file: URL
 * for a saved file on this computer; null for an upload, whose folder is unknown.
 */
export function imageBase(doc: Document, origin: string): string | null {
  if (/^https?:/i.test(origin)) {
    const declared = doc.querySelector('base[href]')?.getAttribute('href');
    try {
      const base = declared ? new URL(declared, origin) : new URL(origin);
      return base.protocol === 'http:' || base.protocol === 'https:' ? base.href : origin;
    } catch {
      return origin;
    }
  }
  return isAbsolute(origin) ? pathToFileURL(origin).href : null;
}

/** Parses a whole HTML document into a draft. `origin` is the file path or final URL. */
export function parseHtmlArticle(page: string, origin: string): ArticleDraft {
  // Readability scores every element against its ancestors: cost grows steeply with depth.
  assertNestingWithin(markupNestingDepth(page));
  const doc = parseHtmlDocument(emptyHugeAttributes(page));
  const meta = readHtmlMetadata(doc, origin);
  const pieceOptions = { base: imageBase(doc, origin) };
  // Readability rewrites the document it is given; metadata and the fallback need the original.
  const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();

  let pieces: BlockPiece[] = article?.content ? pagePieces(article.content, pieceOptions) : [];
  // On short pages Readability's conditional cleaning drops headings, quotes and lists wholesale; a page
  // that marks its article body explicitly is then the better source.
  const marked = doc.querySelectorAll('article, [itemprop="articleBody"]');
  const candidate = marked.length === 1 ? marked[0]! : null;
  // Sanitised pieces never hold more text than the element's own (plus a break per <br>), so most pages,
  // where Readability kept the article, skip sanitising the whole article a second time.
  const mostCandidateText = candidate ? tidyInline(candidate.textContent ?? '').length + candidate.querySelectorAll('br').length : 0;
  if (candidate && mostCandidateText > 2 * textLength(pieces)) {
    const markedPieces = pagePieces(candidate.outerHTML, pieceOptions);
    if (textLength(markedPieces) > 2 * textLength(pieces)) pieces = markedPieces;
  }
  if (textLength(pieces) === 0 && doc.body) {
    const fragment = sanitizePageHtml(doc.body.innerHTML);
    fragment.querySelectorAll('header, [role="navigation"], [role="banner"], [role="contentinfo"]').forEach((el) => el.remove());
    pieces = nodeToPieces(fragment, pieceOptions);
  }

  const title = meta.title ?? tidyInline(article?.title ?? '');
  const fallbackTitle = title || tidyInline(doc.querySelector('h1')?.textContent ?? '') || tidyInline(doc.title);
  // Pages repeat the headline as the first heading; the reader shows the title already.
  if (pieces[0]?.kind === 'heading' && fallbackTitle && sameText(pieces[0].text, fallbackTitle)) pieces.shift();

  const bodyText = pieces.map((piece) => piece.text).join('\n');
  return createDraft({
    title: fallbackTitle || null,
    author: meta.author ?? article?.byline ?? null,
    source: meta.source ?? article?.siteName ?? null,
    url: meta.url ?? (/^https?:/i.test(origin) ? origin : null),
    language: meta.language ?? article?.lang ?? null,
    publishedAt: toIsoDate(meta.publishedAt) ?? toIsoDate(article?.publishedTime) ?? findPublishedDate(bodyText),
    origin,
    tags: meta.tags,
    pieces,
  });
}

export const htmlImporter: Importer = {
  id: 'html',
  accepts: acceptsHtml,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const declaredCharset = charsetOf(input.contentType) ?? declaredMetaCharset(input.bytes);
    const decoded = decodeInput(input, declaredCharset);
    return withEncoding([{ kind: 'draft', draft: parseHtmlArticle(decoded.text, input.origin) }], decoded.encoding);
  },
};
