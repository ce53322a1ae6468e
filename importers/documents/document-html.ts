// HTML of documents (DOCX through mammoth, EPUB chapters) shaped for the shared block walker.
import { parseHtmlDocument } from '../html-to-blocks.ts';
import { tidyInline } from '../text-normalize.ts';

/**
 * A document's HTML (mammoth's, an EPUB chapter) made ready for the block walker: a table row becomes
 * one paragraph ("cell | cell"); a picture becomes a figure with its alt text as caption, its source
 * given by `imageSource` (a data: URI: document-images.ts), or only the caption when there is none;
 * and a footnote (mammoth's) loses its "↑" link back and says its number.
 */
export function prepareDocumentHtml(html: string, imageSource: (src: string) => string | null = () => null): string {
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  for (const row of [...document.querySelectorAll('tr')]) {
    const cells = [...row.children].map((cell) => tidyInline(cell.textContent ?? '')).filter(Boolean);
    const paragraph = document.createElement('p');
    paragraph.textContent = cells.join(' | ');
    row.replaceWith(paragraph);
  }
  for (const image of [...document.querySelectorAll('img')]) {
    const alt = tidyInline(image.getAttribute('alt') ?? '');
    const source = imageSource(image.getAttribute('src') ?? '');
    const caption = document.createElement('figcaption');
    caption.textContent = alt;
    if (source) {
      const figure = document.createElement('figure');
      const picture = document.createElement('img');
      picture.setAttribute('src', source);
      picture.setAttribute('alt', alt);
      figure.append(picture);
      if (alt) figure.append(caption);
      image.replaceWith(figure);
    } else if (alt) image.replaceWith(caption);
    else image.remove();
  }
  for (const back of [...document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')]) back.remove();
  for (const note of [...document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')]) {
    const number = /(\d+)$/u.exec(note.id)?.[1];
    if (number) (note.querySelector('p') ?? note).prepend(document.createTextNode(`[${number}] `));
  }
  return document.body.innerHTML;
}

