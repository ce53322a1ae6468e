// EPUB (2 and 3): the OPF package's metadata, its chapters in spine order, the table of contents
// (EPUB 3 nav document, or EPUB 2 NCX) as chapter headings. Chapters go through the same sanitiser as
// web pages: scripts, forms and event handlers are dropped, and nothing in the book ever runs.
import type JSZip from 'jszip';
import { createDraft } from '../article-draft.ts';
import type { BlockPiece } from '../block-builder.ts';
import { nodeToPieces, sanitizeHtml } from '../html-to-blocks.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from '../import-types.ts';
import { toIsoDate } from '../published-date.ts';
import { tidyInline } from '../text-normalize.ts';
import { acceptsEpub } from './document-choice.ts';
import { prepareDocumentHtml } from './document-html.ts';
import { DocumentImages, imageTypeOfPath } from './document-images.ts';
import { decodeXmlText, xmlElementText, xmlElementTexts } from './xml-text.ts';
import { openZipWithinLimits, zipText } from './zip-limits.ts';

interface ManifestItem {
  id: string;
  path: string;
  mediaType: string;
  properties: string;
}

export interface EpubPackage {
  title: string | null;
  authors: string[];
  date: string | null;
  language: string | null;
  /** Chapter files in reading order. */
  spine: string[];
  /** Chapter file → its title in the table of contents. */
  toc: Map<string, string>;
  /** Manifest paths of pictures → their declared media type. */
  imageTypes: Map<string, string>;
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) found[match[1]!] = decodeXmlText(match[2] ?? match[3] ?? '');
  return found;
}

/** A path inside the zip, from an href relative to the file that holds it; fragments dropped. */
export function resolveHref(base: string, href: string): string {
  const resolved = new URL(href, `http://epub.invalid/${base}`).pathname.slice(1);
  try {
    return decodeURIComponent(resolved);
  } catch {
    return resolved;
  }
}

function corrupt(cause?: unknown): ImportInputError {
  return new ImportInputError({ kind: 'corrupt-document', format: 'epub' }, cause === undefined ? undefined : { cause });
}

/** Table of contents entries: EPUB 3's nav document links, or EPUB 2's NCX navigation points. */
function tocEntries(text: string, isNcx: boolean, base: string): [string, string][] {
  const entries: [string, string][] = [];
  if (isNcx) {
    for (const match of text.matchAll(/<navLabel>\s*<text>([\s\S]*?)<\/text>\s*<\/navLabel>\s*<content\b([^>]*)>/giu)) {
      const src = attributes(match[2]!)['src'];
      if (src) entries.push([resolveHref(base, src), decodeXmlText(match[1]!).trim()]);
    }
    return entries;
  }
  const nav = /<nav\b[^>]*epub:type\s*=\s*["'][^"']*\btoc\b[^"']*["'][^>]*>([\s\S]*?)<\/nav>/iu.exec(text)?.[1] ?? text;
  for (const match of nav.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/giu)) {
    const href = attributes(match[1]!)['href'];
    if (href) entries.push([resolveHref(base, href), tidyInline(decodeXmlText(match[2]!.replace(/<[^>]*>/gu, '')))]);
  }
  return entries;
}

export async function readEpubPackage(zip: JSZip): Promise<EpubPackage> {
  const container = await zipText(zip, 'META-INF/container.xml');
  const rootTag = container ? /<rootfile\b[^>]*>/iu.exec(container)?.[0] : undefined;
  const opfPath = rootTag ? attributes(rootTag)['full-path'] : undefined;
  const opf = opfPath ? await zipText(zip, opfPath) : null;
  if (!opfPath || !opf) throw corrupt();
  const manifest = new Map<string, ManifestItem>();
  for (const match of opf.matchAll(/<item\b[^>]*>/giu)) {
    const item = attributes(match[0]);
    if (item['id'] && item['href']) manifest.set(item['id'], { id: item['id'], path: resolveHref(opfPath, item['href']), mediaType: item['media-type'] ?? '', properties: item['properties'] ?? '' });
  }
  const spineTag = /<spine\b[^>]*>/iu.exec(opf)?.[0] ?? '';
  const spine = [...opf.matchAll(/<itemref\b[^>]*>/giu)]
    .map((match) => manifest.get(attributes(match[0])['idref'] ?? ''))
    .filter((item): item is ManifestItem => item !== undefined && /html/iu.test(item.mediaType))
    .map((item) => item.path);
  const toc = new Map<string, string>();
  const nav = [...manifest.values()].find((item) => /\bnav\b/u.test(item.properties));
  const ncx = manifest.get(attributes(spineTag)['toc'] ?? '') ?? [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml');
  const tocFile = nav ?? ncx;
  const tocText = tocFile ? await zipText(zip, tocFile.path) : null;
  if (tocFile && tocText) {
    for (const [href, title] of tocEntries(tocText, tocFile === ncx && tocFile !== nav, tocFile.path)) {
      const file = href.split('#')[0]!;
      if (title && !toc.has(file)) toc.set(file, title);
    }
  }
  const imageTypes = new Map([...manifest.values()].filter((item) => item.mediaType.startsWith('image/')).map((item) => [item.path, item.mediaType]));
  return {
    imageTypes,
    title: xmlElementText(opf, 'dc:title'),
    authors: xmlElementTexts(opf, 'dc:creator'),
    date: toIsoDate(xmlElementText(opf, 'dc:date')),
    language: xmlElementText(opf, 'dc:language'),
    spine,
    toc,
  };
}

/**
 * The chapter's pictures (files of the book named by its <img src>) added to the book's, by src; each
 * file is read from the zip (already checked against its unpacked size) once per chapter.
 */
async function chapterImages(zip: JSZip, chapterPath: string, body: string, book: EpubPackage, images: DocumentImages): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const match of body.matchAll(/<img\b[^>]*>/giu)) {
    const src = attributes(match[0])['src'];
    if (!src || sources.has(src) || /^[a-z][\w+.-]*:/iu.test(src)) continue;
    const path = resolveHref(chapterPath, src);
    const entry = zip.file(path);
    if (!entry) continue;
    const uri = images.add(await entry.async('uint8array'), book.imageTypes.get(path) ?? imageTypeOfPath(path));
    if (uri) sources.set(src, uri);
  }
  return sources;
}

/** A chapter's pieces, led by its table-of-contents title as a heading unless the chapter starts with it. */
function chapterPieces(body: string, tocTitle: string | undefined, images: ReadonlyMap<string, string>): BlockPiece[] {
  const pieces = nodeToPieces(sanitizeHtml(prepareDocumentHtml(body, (src) => images.get(src) ?? null)));
  if (!tocTitle) return pieces;
  const first = pieces[0];
  if (first?.kind === 'heading' && tidyInline(first.text) === tidyInline(tocTitle)) return [{ ...first, level: 1 }, ...pieces.slice(1)];
  return [{ kind: 'heading', level: 1, text: tocTitle }, ...pieces];
}

export const epubImporter: Importer = {
  id: 'epub',
  accepts: acceptsEpub,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const zip = await openZipWithinLimits(input.bytes, 'epub');
    const book = await readEpubPackage(zip);
    if (book.spine.length === 0) throw corrupt();
    const pieces: BlockPiece[] = [];
    const images = new DocumentImages();
    for (const path of book.spine) {
      const xhtml = await zipText(zip, path);
      if (xhtml === null) continue;
      const body = /<body\b[^>]*>([\s\S]*)<\/body>/iu.exec(xhtml)?.[1] ?? xhtml;
      pieces.push(...chapterPieces(body, book.toc.get(path), await chapterImages(zip, path, body, book, images)));
    }
    const draft = createDraft({
      pieces: images.resolve(pieces),
      title: book.title,
      author: book.authors.length > 0 ? book.authors.join(', ') : null,
      language: book.language,
      publishedAt: book.date,
      origin: input.origin,
    });
    return [{ kind: 'draft', draft }];
  },
};
