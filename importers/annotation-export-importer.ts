// Annotation exports (an article's Markdown, or W3C Web Annotation JSON-LD) read back into the
// library: the highlights return to their article instead of the file becoming a new article.
import { AnnotationError } from '../annotations/annotation-error.ts';
import { parseAnnotationsJsonLd } from '../annotations/jsonld-import.ts';
import { parseAnnotationsMarkdown } from '../annotations/markdown-import.ts';
import { ANNOTATION_IMPORT_RECORD, type ArticleReference, type ImportedAnnotation } from '../annotations/model.ts';
import { extensionOf, mediaType } from './format-sniff.ts';
import { failedItem } from './import-failure.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from './import-types.ts';
import { decodeInput, sniffText } from './text-decoding.ts';

const MARKDOWN_MARKER = '<!-- newsroom-reader:article ';
const JSONLD_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

function isMarkdownExport(input: ImportInput): boolean {
  return ['md', 'markdown'].includes(extensionOf(input.name)) && sniffText(input.bytes, 64 * 1024).includes(MARKDOWN_MARKER);
}

function isJsonLd(input: ImportInput): boolean {
  const ext = extensionOf(input.name);
  if (ext === 'jsonld' || mediaType(input.contentType) === 'application/ld+json') return true;
  return ext === 'json' && sniffText(input.bytes, 4096).includes(JSONLD_CONTEXT);
}

/** Parses with a resolver that only records which article each annotation names; the library resolves it. */
function recordsFrom(parse: (resolve: (reference: ArticleReference) => string) => ImportedAnnotation[]): ParsedItem[] {
  const references = new Map<string, ArticleReference>();
  const annotations = parse((reference) => {
    const key = JSON.stringify([reference.id, reference.url]);
    references.set(key, reference);
    return key;
  });
  return annotations.map(({ articleId, ...annotation }, index) => ({
    kind: 'other' as const,
    position: index + 1,
    record: { format: 'newsroom-reader/1' as const, type: ANNOTATION_IMPORT_RECORD, article: references.get(articleId)!, annotation },
  }));
}

export const annotationExportImporter: Importer = {
  id: 'annotation-export',
  accepts: (input) => isMarkdownExport(input) || isJsonLd(input),
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const { text } = decodeInput(input);
    try {
      if (isMarkdownExport(input)) {
        const items = recordsFrom((resolve) => parseAnnotationsMarkdown(text, resolve).annotations);
        if (items.length === 0) throw new ImportInputError({ kind: 'no-highlights' });
        return items;
      }
      let failed: ParsedItem[] = [];
      const items = recordsFrom((resolve) => {
        const result = parseAnnotationsJsonLd(text, { resolveArticle: resolve });
        failed = result.failed.map(({ index, error }) => failedItem({ kind: 'invalid-annotations', detail: error }, index + 1));
        return result.annotations;
      });
      if (items.length + failed.length === 0) throw new ImportInputError({ kind: 'no-highlights' });
      return [...items, ...failed];
    } catch (error) {
      if (error instanceof ImportInputError) throw error;
      if (error instanceof SyntaxError) throw new ImportInputError({ kind: 'invalid-json', detail: error.message }, { cause: error });
      if (error instanceof AnnotationError) throw new ImportInputError({ kind: 'invalid-annotations', detail: error.message }, { cause: error });
      throw error;
    }
  },
};
