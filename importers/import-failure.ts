import type { ImportFailure } from '../library/model.ts';
import { TEXT_ENCODING_LABELS } from '../contract/text-encodings.ts';

export type { ImportFailure };

function byteSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

/**
 * A failure in English, for the CLI, logs and the `error` field of reports. The renderer does not
 * show this text; it words the same reason in the UI's language (renderer/host-messages.ts).
 */
export function describeImportFailure(reason: ImportFailure): string {
  switch (reason.kind) {
    case 'empty-file':
      return 'empty file';
    case 'too-large':
      return `file is larger than ${byteSize(reason.maxBytes)}`;
    case 'missing':
      return 'no such file or folder';
    case 'permission-denied':
      return 'permission denied';
    case 'folder-without-importable-files':
      return 'the folder has no files that can be imported';
    case 'unsupported-type':
      return `unsupported file type ".${reason.extension}"`;
    case 'xml-entities':
      return 'XML that declares entities (a DTD) is refused: entity expansion and external entities are a known attack';
    case 'xml-not-a-feed':
      return 'XML file that is not an RSS, Atom or RDF feed';
    case 'unrecognised-format':
      return 'unrecognised format';
    case 'binary':
      return reason.cause === 'nul-bytes' ? 'binary file (contains NUL bytes), not text' : 'binary file (too many control characters), not text';
    case 'not-utf8':
      return 'not valid UTF-8 text, nor recognisably TCVN3, VNI, VISCII or Windows-1258 Vietnamese (save it as UTF-8, or give its encoding with --encoding)';
    case 'uncertain-encoding':
      return reason.candidates.length > 1
        ? `cannot tell its encoding with confidence: it reads as Vietnamese in ${reason.candidates.map((c) => TEXT_ENCODING_LABELS[c]).join(' and in ')} (give it with --encoding)`
        : 'the text looks garbled (a legacy Vietnamese encoding misread into UTF-8) and cannot be repaired with confidence (give its encoding with --encoding)';
    case 'undecodable':
      return `cannot decode the file as ${reason.encoding.toUpperCase()} text`;
    case 'no-text':
      return 'no article text found';
    case 'malformed-feed':
      return `malformed feed: ${reason.detail}`;
    case 'feed-without-entries':
      return 'the feed has no entries';
    case 'feed-entry-without-text':
      return `feed entry "${reason.title ?? '(untitled)'}" has no text`;
    case 'invalid-json':
      return `not valid JSON (${reason.detail})`;
    case 'no-records':
      return 'no records in the file';
    case 'record-too-large':
      return `record is larger than ${byteSize(reason.maxBytes)}, the most one record may hold`;
    case 'unsupported-export-format':
      return `unsupported export format ${reason.format}`;
    case 'record-without-type':
      return 'export record without a type';
    case 'invalid-record':
      return `invalid ${reason.record} record: ${reason.detail}`;
    case 'unsupported-record-type':
      return `export records of type "${reason.type}" are not supported by this version`;
    case 'invalid-url':
      return 'not a valid URL';
    case 'not-http':
      return 'only http and https URLs can be imported';
    case 'not-a-regular-file':
      return 'not a regular file (a device, pipe or socket cannot be imported)';
    case 'address-not-allowed':
      return `refused to fetch from ${reason.host}: a local or private network address (type it directly to allow it)`;
    case 'too-many-redirects':
      return `more than ${reason.max} redirects`;
    case 'not-an-image':
      return reason.cause === 'svg' ? 'SVG images are not kept' : reason.cause === 'empty' ? 'the image is empty' : 'not an image (JPEG, PNG, GIF, WebP or AVIF)';
    case 'photo-limit':
      return `more photos than an article keeps (${reason.maxPhotos} photos, ${byteSize(reason.maxBytes)} in all)`;
    case 'photo-outside-folder':
      return "the photo is not a file inside the saved page's own folder";
    case 'disk-full':
      return 'could not save: the disk is full';
    case 'http-status':
      return `HTTP ${reason.status}${reason.statusText ? ` ${reason.statusText}` : ''}`;
    case 'timeout':
      return `timed out after ${reason.seconds} s`;
    case 'fetch-failed':
      return `could not fetch the URL (${reason.detail})`;
    case 'no-highlights':
      return 'the annotation export holds no highlights';
    case 'invalid-annotations':
      return reason.detail;
    case 'save-failed':
      return `could not save: ${reason.detail}`;
    case 'too-complex':
      switch (reason.cause) {
        case 'nesting':
          return `too complex: nested more than ${reason.maxDepth} levels deep`;
        case 'memory':
          return `too complex: parsing it needs more than ${reason.limitMb} MB of memory`;
        case 'stack':
          return 'too complex: the parser ran out of stack';
      }
      break;
    case 'parse-timed-out':
      return `parsing took longer than ${reason.seconds} s and was stopped`;
    case 'page-not-a-feed':
      return 'the address answers with something that is not an RSS, Atom or JSON feed';
    case 'no-feed-found':
      return 'the page links to no RSS, Atom or JSON feed (no <link rel="alternate">)';
    case 'encrypted-document':
      return 'the PDF is protected by a password; remove the protection (or print it to a new PDF) and import that';
    case 'corrupt-document':
      return reason.format === 'image' ? 'the image is damaged or in a format OCR cannot read' : `the ${reason.format.toUpperCase()} file is damaged or not really a ${reason.format.toUpperCase()} file`;
    case 'too-many-pages':
      return `the PDF has ${reason.pages} pages; at most ${reason.maxPages} are imported at once (split it first)`;
    case 'unpacks-too-large':
      return `the file unpacks to more than ${byteSize(reason.maxBytes)} (a zip bomb, or far larger than any real document)`;
    case 'ocr-model-missing':
      return `no OCR model for this language (${reason.language}.traineddata) on this computer: install Debian's tesseract-ocr-${reason.language} package, or put the file in the folder named by NEWSROOM_TESSDATA`;
    case 'unexpected':
      return `unexpected error: ${reason.detail}`;
  }
}

/** A record or entry of a file that could not be used; `where` ("line 3") leads the English text. */
export function failedItem(reason: ImportFailure, position?: number, where?: string): { kind: 'failed'; reason: ImportFailure; error: string; position?: number } {
  const error = describeImportFailure(reason);
  return { kind: 'failed', reason, error: where ? `${where}: ${error}` : error, ...(position === undefined ? {} : { position }) };
}
