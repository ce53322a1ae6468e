// Attribute values far longer than any real one (a class of 400,000 names, a multi-megabyte alt text or
// inline image) carry no article text, but DOM builders and sanitisers choke on them: linkedom spreads
// a class list into one call and overflowed the stack. They are emptied before parsing.

/** Real class lists, titles and URLs stay far below this; inline images above it are dropped anyway. */
export const MAX_ATTRIBUTE_CHARS = 64 * 1024;

const HUGE_VALUE = new RegExp(`(<[A-Za-z][^<>]*?\\s[^\\s"'<>/=]+\\s*=\\s*)(?:"[^"]{${MAX_ATTRIBUTE_CHARS},}"|'[^']{${MAX_ATTRIBUTE_CHARS},}')`, 'g');

/** The markup with every quoted attribute value over the limit emptied; text is left as it is. */
export function emptyHugeAttributes(html: string): string {
  // Most pages are smaller than one huge value could be.
  if (html.length < MAX_ATTRIBUTE_CHARS) return html;
  // One value per tag and pass (the pattern starts at the tag); a tag with several huge ones takes more.
  let markup = html;
  for (let previous = ''; previous !== markup; ) {
    previous = markup;
    markup = markup.replace(HUGE_VALUE, '$1""');
  }
  return markup;
}
