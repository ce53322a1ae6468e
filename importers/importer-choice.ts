// Which built-in importer takes an input, decided without loading any parser: the host thread picks
// the importer by id and the parse worker loads linkedom, Readability, marked and feedsmith. Importing
// them costs seconds on a busy machine, more than parsing two thousand plain-text files.
import { annotationExportImporter } from './annotation-export-importer.ts';
import { acceptsDocx, acceptsEpub, acceptsImage, acceptsPdf, sniffEpub, sniffImage, sniffPdf } from './documents/document-choice.ts';
import { extensionOf, mediaType, sniffFeed, sniffHtml, sniffJson, sniffJsonFeed } from './format-sniff.ts';
import type { ImportInput } from './import-types.ts';
import { txtImporter } from './txt-importer.ts';

const FEED_TYPES = new Set([
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json',
  'application/xml', 'text/xml',
]);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);

export function acceptsFeed(input: ImportInput): boolean {
  const ext = extensionOf(input.name);
  const type = mediaType(input.contentType);
  if (['rss', 'atom', 'rdf'].includes(ext) || type === 'application/rss+xml' || type === 'application/atom+xml') return true;
  if (ext === 'json' || type === 'application/feed+json' || type === 'application/json') return sniffJsonFeed(input);
  // A generic .xml or XML media type must actually look like a feed.
  return (ext === 'xml' || FEED_TYPES.has(type) || ext === '' || type === 'text/plain') && sniffFeed(input);
}

export function acceptsJson(input: ImportInput): boolean {
  const ext = extensionOf(input.name);
  const type = mediaType(input.contentType);
  return ['json', 'ndjson', 'jsonl'].includes(ext) || type === 'application/json' || type === 'application/x-ndjson';
}

export function acceptsMarkdown(input: ImportInput): boolean {
  const ext = extensionOf(input.name);
  return ['md', 'markdown', 'mdown', 'mkd'].includes(ext) || mediaType(input.contentType) === 'text/markdown';
}

export function acceptsHtml(input: ImportInput): boolean {
  const type = mediaType(input.contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml') return true;
  const ext = extensionOf(input.name);
  if (HTML_EXTENSIONS.has(ext)) return true;
  // Pages fetched from a URL often have no extension; a feed is not a page.
  return (ext === '' || type === '' || type === 'application/octet-stream') && sniffHtml(input) && !sniffFeed(input);
}

/** The built-in importers' ids in the order they are asked: content sniffing (feeds) beats generic extensions. */
const BUILT_IN: readonly { id: string; accepts: (input: ImportInput) => boolean }[] = [
  { id: annotationExportImporter.id, accepts: annotationExportImporter.accepts },
  { id: 'pdf', accepts: acceptsPdf },
  { id: 'docx', accepts: acceptsDocx },
  { id: 'epub', accepts: acceptsEpub },
  { id: 'image', accepts: acceptsImage },
  { id: 'feed', accepts: acceptsFeed },
  { id: 'json', accepts: acceptsJson },
  { id: 'markdown', accepts: acceptsMarkdown },
  { id: 'html', accepts: acceptsHtml },
  { id: txtImporter.id, accepts: txtImporter.accepts },
];

/** For an input no importer accepted (unknown extension or type): what its content looks like. */
export function importerIdByContent(input: ImportInput): string | null {
  if (sniffPdf(input.bytes)) return 'pdf';
  if (sniffEpub(input.bytes)) return 'epub';
  if (sniffImage(input.bytes)) return 'image';
  if (sniffFeed(input)) return 'feed';
  if (sniffHtml(input)) return 'html';
  if (sniffJson(input)) return 'json';
  // No extension at all (a pasted note, a saved scrape): try it as text; decoding rejects binary data.
  if (extensionOf(input.name) === '') return txtImporter.id;
  return null;
}

/** The id of the built-in importer for an input: by declared type and extension first, then by sniffing. */
export function chooseImporterId(input: ImportInput): string | null {
  return BUILT_IN.find((importer) => importer.accepts(input))?.id ?? importerIdByContent(input);
}
