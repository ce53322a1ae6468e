// DOCX: mammoth turns the document's structure (headings by style, paragraphs, lists, tables,
// footnotes) into HTML, which then goes through the same sanitiser and block walker as web pages.
// Title, author and date come from the document's properties (docProps/core.xml).
import { createDraft } from '../article-draft.ts';
import type { BlockPiece } from '../block-builder.ts';
import { nodeToPieces, parseHtmlDocument, sanitizeHtml } from '../html-to-blocks.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from '../import-types.ts';
import { findPublishedDate, toIsoDate } from '../published-date.ts';
import { tidyInline } from '../text-normalize.ts';
import { acceptsDocx } from './document-choice.ts';
import { xmlElementText } from './xml-text.ts';
import { openZipWithinLimits, zipText } from './zip-limits.ts';

/**
 * Mammoth's HTML made ready for the block walker: a table row becomes one paragraph ("cell | cell"),
 * a picture its alt text as a caption (the image store is not wired to documents yet), and a footnote
 * loses its "↑" link back and says its number.
 */
export function prepareDocxHtml(html: string): string {
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  for (const row of [...document.querySelectorAll('tr')]) {
    const cells = [...row.children].map((cell) => tidyInline(cell.textContent ?? '')).filter(Boolean);
    const paragraph = document.createElement('p');
    paragraph.textContent = cells.join(' | ');
    row.replaceWith(paragraph);
  }
  for (const image of [...document.querySelectorAll('img')]) {
    const alt = tidyInline(image.getAttribute('alt') ?? '');
    if (alt) {
      const caption = document.createElement('figcaption');
      caption.textContent = alt;
      image.replaceWith(caption);
    } else image.remove();
  }
  for (const back of [...document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')]) back.remove();
  for (const note of [...document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')]) {
    const number = /(\d+)$/u.exec(note.id)?.[1];
    if (number) (note.querySelector('p') ?? note).prepend(document.createTextNode(`[${number}] `));
  }
  return document.body.innerHTML;
}

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
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
        // Pictures are not embedded as data: URLs: only their alt text is kept (see prepareDocxHtml).
        {
          convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
          // Word's own Title and Subtitle styles are headings; mammoth knows only "Heading N" by default.
          styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        },
      );
      html = result.value;
    } catch (error) {
      throw new ImportInputError({ kind: 'corrupt-document', format: 'docx' }, { cause: error });
    }
    const pieces = nodeToPieces(sanitizeHtml(prepareDocxHtml(html)));
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
