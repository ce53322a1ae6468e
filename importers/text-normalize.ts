// Every piece of text is normalised once, at import, so offsets into the stored body stay valid.

// Zero-width characters that only get in the way of search and offsets. ZWJ/ZWNJ stay: emoji and
// some scripts need them. Combining marks (Vietnamese tones) are not touched here.
const ZERO_WIDTH_JUNK = /[\u200B\u200E\u200F\u2060\uFEFF\u00AD\u180E]/g;
// C0/C1 controls except tab and newline, which are whitespace handled below.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
// No-break and other typographic spaces count as plain spaces.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** NFC, "\n" line endings, junk characters dropped, odd spaces made plain. Keeps line structure. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085\f]/g, '\n')
    .replace(ZERO_WIDTH_JUNK, '')
    .replace(CONTROL_CHARS, '')
    .replace(ODD_SPACES, ' ')
    .normalize('NFC');
}

/** One paragraph: normalised, all whitespace runs collapsed to one space, trimmed. */
export function tidyInline(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/** Splits plain text into paragraphs on blank lines; lines inside a paragraph are joined. */
export function paragraphsFromPlainText(text: string): string[] {
  return normalizeText(text)
    .split(/\n[ \t]*\n/)
    .map(tidyInline)
    .filter((paragraph) => paragraph.length > 0);
}
