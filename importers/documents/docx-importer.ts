// DOCX: mammoth turns the document's structure (headings by style, paragraphs, lists, tables,
// footnotes) into HTML, which then goes through the same sanitiser and block walker as web pages.
// Title, author and date come from the document's properties (docProps/core.xml).
import { createDraft } from '../article-draft.ts';
import type { BlockPiece } from '../block-builder.ts';
import { nodeToPieces, sanitizeHtml } from '../html-to-blocks.ts';
import { prepareDocumentHtml } from './document-html.ts';
import { DocumentImages } from './document-images.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from '../import-types.ts';
import { findPublishedDate, toIsoDate } from '../published-date.ts';
import { tidyInline } from '../text-normalize.ts';
import { acceptsDocx } from './document-choice.ts';
import { xmlElementText } from './xml-text.ts';
import { openZipWithinLimits, zipText } from './zip-limits.ts';

export interface DocxProperties {
  title: string | null;
  author: string | null;
  created: string | null;
}

export function docxProperties(coreXml: string | null): DocxProperties {
  if (!coreXml) return { title: null, author: null, created: null };
  return {
    title: xmlElementText(coreXml, 'dc:title'),
    author: xmlElementText(coreXml, 'dc:creator'),
    created: toIsoDate(xmlElementText(coreXml, 'dcterms:created')),
  };
}

function takeTitle(pieces: BlockPiece[], declared: string | null): string | null {
  const first = pieces[0];
  if (declared) {
    if (first?.kind === 'heading' && tidyInline(first.text) === tidyInline(declared)) pieces.shift();
    return declared;
  }
  return first?.kind === 'heading' ? pieces.shift()!.text : null;
}

export const docxImporter: Importer = {
  id: 'docx',
  accepts: acceptsDocx,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const zip = await openZipWithinLimits(input.bytes, 'docx');
    if (!zip.file('word/document.xml')) throw new ImportInputError({ kind: 'corrupt-document', format: 'docx' });
    const properties = docxProperties(await zipText(zip, 'docProps/core.xml'));
    const mammoth = (await import('mammoth')).default;
    let html: string;
    const images = new DocumentImages();
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
        {
          // Pictures are kept in the image store by the import's photo step (document-images.ts).
          convertImage: mammoth.images.imgElement(async (image) => ({ src: images.add(new Uint8Array(await image.readAsArrayBuffer()), image.contentType) ?? '' })),
          // Word's own Title and Subtitle styles are headings; mammoth knows only "Heading N" by default.
          styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        },
      );
      html = result.value;
    } catch (error) {
      throw new ImportInputError({ kind: 'corrupt-document', format: 'docx' }, { cause: error });
    }
    const pieces = images.resolve(nodeToPieces(sanitizeHtml(prepareDocumentHtml(html, (src) => (images.owns(src) ? src : null)))));
    const title = takeTitle(pieces, properties.title);
    const draft = createDraft({
      title,
      author: properties.author,
      publishedAt: properties.created ?? findPublishedDate(pieces.map((piece) => piece.text).join('\n')),
      origin: input.origin,
      pieces,
    });
    return [{ kind: 'draft', draft }];
  },
};
