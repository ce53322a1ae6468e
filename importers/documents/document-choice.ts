// Which inputs are PDF, DOCX or EPUB, decided from the name, the media type and the first bytes, without
// loading pdfjs, mammoth or jszip (the host thread chooses; parse workers load the parsers).
import { extensionOf, mediaType } from '../format-sniff.ts';
import type { ImportInput } from '../import-types.ts';
import { MAX_PDF_IMPORT_BYTES } from '../../contract/import-report.ts';

const startsWith = (bytes: Uint8Array, ascii: string, at = 0): boolean => {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
};

/** "%PDF-" within the first KB (the specification allows leading junk there). */
export function sniffPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) if (startsWith(head, '%PDF-', i)) return true;
  return false;
}

const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, 'PK\u0003\u0004');

/** An EPUB's first zip entry is the uncompressed "mimetype" file saying so (OCF 3.0 §4.3). */
export function sniffEpub(bytes: Uint8Array): boolean {
  return isZip(bytes) && startsWith(bytes, 'mimetypeapplication/epub+zip', 30);
}

export function acceptsPdf(input: ImportInput): boolean {
  return extensionOf(input.name) === 'pdf' || mediaType(input.contentType) === 'application/pdf' || sniffPdf(input.bytes);
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function acceptsDocx(input: ImportInput): boolean {
  return extensionOf(input.name) === 'docx' || mediaType(input.contentType) === DOCX_TYPE;
}

export function acceptsEpub(input: ImportInput): boolean {
  return extensionOf(input.name) === 'epub' || mediaType(input.contentType) === 'application/epub+zip' || sniffEpub(input.bytes);
}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'tif', 'tiff']);

/** PNG, JPEG or TIFF by their first bytes. */
export function sniffImage(bytes: Uint8Array): boolean {
  return startsWith(bytes, '\x89PNG') || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) || startsWith(bytes, 'II*\u0000') || startsWith(bytes, 'MM\u0000*');
}

/** A scanned page as an image, for OCR. */
export function acceptsImage(input: ImportInput): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(input.name)) || ['image/png', 'image/jpeg', 'image/tiff'].includes(mediaType(input.contentType));
}

/** The document importers' ids, for the runner's longer time limit. */
export const DOCUMENT_IMPORTER_IDS: ReadonlySet<string> = new Set(['pdf', 'docx', 'epub', 'image']);

/** The media type each document importer's originals are kept as. */
export const DOCUMENT_MEDIA_TYPES: Readonly<Record<string, string>> = { pdf: 'application/pdf', docx: DOCX_TYPE, epub: 'application/epub+zip' };

/** PDFs may be this large (scanned reports are); other inputs keep the general limit. */
export const MAX_PDF_BYTES = MAX_PDF_IMPORT_BYTES;

/** Parsing a document may take this long: a 1,000-page PDF at 20 pages/s on a busy machine. */
export const DOCUMENT_PARSE_TIMEOUT_MS = 120_000;
