// The built-in importers, parsers loaded. Which one takes an input is decided in importer-choice.ts,
// which loads none of them, so the host thread never pays for parsers the parse workers run.
import { annotationExportImporter } from './annotation-export-importer.ts';
import { pdfImporter } from './documents/pdf-importer.ts';
import { docxImporter } from './documents/docx-importer.ts';
import { epubImporter } from './documents/epub-importer.ts';
import { imageImporter } from './documents/image-importer.ts';
import { feedImporter } from './feed-importer.ts';
import { htmlImporter } from './html-importer.ts';
import { chooseImporterId, importerIdByContent } from './importer-choice.ts';
import type { ImportInput, Importer } from './import-types.ts';
import { jsonImporter } from './json-importer.ts';
import { markdownImporter } from './markdown-importer.ts';
import { txtImporter } from './txt-importer.ts';

export const IMPORTERS: readonly Importer[] = [annotationExportImporter, pdfImporter, docxImporter, epubImporter, imageImporter, feedImporter, jsonImporter, markdownImporter, htmlImporter, txtImporter];

const byId = (id: string | null): Importer | null => IMPORTERS.find((importer) => importer.id === id) ?? null;

/** The importer for an input: by declared type and extension first, then by sniffing unknown ones. */
export function selectImporter(input: ImportInput, importers: readonly Importer[] = IMPORTERS): Importer | null {
  if (importers === IMPORTERS) return byId(chooseImporterId(input));
  return importers.find((importer) => importer.accepts(input)) ?? byId(importerIdByContent(input));
}
