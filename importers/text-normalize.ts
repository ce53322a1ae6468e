// Every piece of text is normalised once, at import, so offsets into the stored body stay valid.

// Zero-width characters that only get in the way of search and offsets. ZWJ/ZWNJ stay: emoji and
// some scripts need them. Combining marks (Vietnamese tones) are not touched here.
const ZERO_WIDTH_JUNK = /[\u200B\u200E\u200F\u2060\uFEFF\u00AD\u180E]/g;
// C0/C1 controls except tab and newline, which are whitespace handled below.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
// No-break and other typographic spaces count as plain spaces.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085\f]/g;
// Any character one of the replacements above would touch: most text has none, and one scan for
// them costs a quarter of four replacements that find nothing.
const ANY_TO_REPLACE = new RegExp([LINE_BREAKS, ZERO_WIDTH_JUNK, CONTROL_CHARS, ODD_SPACES].map((pattern) => pattern.source).join('|'));
// Whitespace that collapsing changes: runs of two or more, and single characters other than a space.
// Replacing only these gives what replacing every /\s+/ run gives, without rebuilding a string of
// single spaces piece by piece.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** NFC, "\n" line endings, junk characters dropped, odd spaces made plain. Keeps line structure. */
export function normalizeText(text: string): string {
  if (!ANY_TO_REPLACE.test(text)) return text.normalize('NFC');
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(ZERO_WIDTH_JUNK, '')
    .replace(CONTROL_CHARS, '')
    .replace(ODD_SPACES, ' ')
    .normalize('NFC');
}

/** One paragraph: normalised, all whitespace runs collapsed to one space, trimmed. */
export function tidyInline(text: string): string {
  return collapseWhitespace(normalizeText(text));
}

/**
 * tidyInline for text normalizeText has already given (or a piece of it cut at a line break or a
 * space): normalising it again finds nothing to change, so only the whitespace is collapsed.
 */
export function collapseWhitespace(normalized: string): string {
  return normalized.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** Splits plain text into paragraphs on blank lines; lines inside a paragraph are joined. */
export function paragraphsFromPlainText(text: string): string[] {
  return normalizeText(text)
    .split(/\n[ \t]*\n/)
    .map(tidyInline)
    .filter((paragraph) => paragraph.length > 0);
}
