// Public API of the importers: host-agnostic (no electron), used by commands/, the CLI and tests.
export { runImport, type ImportOptions } from './import-runner.ts';
export {
  DEFAULT_MAX_IMPORT_BYTES,
  ImportInputError,
  type ImportInput,
  type Importer,
  type ImportSink,
  type ImportTarget,
  type OtherExportRecord,
  type ParsedItem,
} from './import-types.ts';
export { describeImportFailure, type ImportFailure } from './import-failure.ts';
export { IMPORTERS, selectImporter } from './importer-registry.ts';
export { txtImporter } from './txt-importer.ts';
export { htmlImporter, parseHtmlArticle } from './html-importer.ts';
export { markdownImporter } from './markdown-importer.ts';
export { jsonImporter } from './json-importer.ts';
export { feedImporter } from './feed-importer.ts';
export { fetchResource, DEFAULT_FETCH_TIMEOUT_MS, type FetchedResource, type FetchOptions } from './url-fetch.ts';
export { listImportableFiles, IMPORTABLE_EXTENSIONS } from './folder-walk.ts';
export { decodeText, decodeTextWithEncoding, type DecodedText, type DecodeOptions } from './text-decoding.ts';
export { normalizeText, tidyInline, paragraphsFromPlainText } from './text-normalize.ts';
export { buildBody, PARAGRAPH_SEPARATOR, type BlockPiece, type BuiltBody } from './block-builder.ts';
export { detectLanguage } from './language-detect.ts';
