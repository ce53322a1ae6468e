// Which importer handles an input. Order matters: content sniffing (feeds) beats generic extensions.
import { annotationExportImporter } from './annotation-export-importer.ts';
import { feedImporter } from './feed-importer.ts';
import { extensionOf, sniffFeed, sniffHtml, sniffJson } from './format-sniff.ts';
import { htmlImporter } from './html-importer.ts';
import type { ImportInput, Importer } from './import-types.ts';
import { jsonImporter } from './json-importer.ts';
import { markdownImporter } from './markdown-importer.ts';
import { txtImporter } from './txt-importer.ts';

export const IMPORTERS: readonly Importer[] = [annotationExportImporter, feedImporter, jsonImporter, markdownImporter, htmlImporter, txtImporter];

/** The importer for an input: by declared type and extension first, then by sniffing unknown ones. */
export function selectImporter(input: ImportInput, importers: readonly Importer[] = IMPORTERS): Importer | null {
  const accepted = importers.find((importer) => importer.accepts(input));
  if (accepted) return accepted;
  // Unknown extension or type: let the content decide.
  if (sniffFeed(input)) return feedImporter;
  if (sniffHtml(input)) return htmlImporter;
  if (sniffJson(input)) return jsonImporter;
  // No extension at all (a pasted note, a saved scrape): try it as text; decoding rejects binary data.
  if (extensionOf(input.name) === '') return txtImporter;
  return null;
}
