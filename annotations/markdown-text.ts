// Writing article text into Markdown so it reads as itself, and reading it back exactly. Shared
// by the Markdown export and its parser, which must stay exact inverses of each other.

// Characters that could start Markdown syntax anywhere in a line.
const INLINE_SYNTAX = /[\\`*_[\]<>#|~&]/g;
// Line starts that would turn text into a list, a setext heading or a thematic break.
const BLOCK_START_SYMBOL = /^(\s*)([-+=])/;
const BLOCK_START_NUMBER = /^(\s*)(\d+)([.)])/;
// CommonMark lets a backslash escape any ASCII punctuation, and nothing else.
const ESCAPED_PUNCTUATION = /\\([!-/:-@[-`{-~])/g;

/** Backslash-escapes text so Markdown renders it literally. `unescapeMarkdownText` undoes it exactly. */
export function escapeMarkdownText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(INLINE_SYNTAX, '\\$&').replace(BLOCK_START_SYMBOL, '$1\\$2').replace(BLOCK_START_NUMBER, '$1$2\\$3'),
    )
    .join('\n');
}

export function unescapeMarkdownText(text: string): string {
  return text.replace(ESCAPED_PUNCTUATION, '$1');
}

/** A machine-readable HTML comment: invisible when rendered, and `-->` can never occur inside it. */
export function metadataComment(kind: string, data: Record<string, unknown>): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<!-- newsroom-reader:${kind} ${json} -->`;
}

/** The data of a metadata comment of this kind on this line, or null when the line is not one. */
export function readMetadataComment(kind: string, line: string): unknown {
  const prefix = `<!-- newsroom-reader:${kind} `;
  if (!line.startsWith(prefix) || !line.endsWith(' -->')) return null;
  try {
    return JSON.parse(line.slice(prefix.length, -' -->'.length)) as unknown;
  } catch {
    return null;
  }
}

export const ANNOTATION_END_MARKER = '<!-- /newsroom-reader:annotation -->';

// A note line that looks like the end marker gets one more leading backslash, removed on reading.
const END_MARKER_LOOKALIKE = /^\\*<!-- \/newsroom-reader:annotation -->$/;

export function protectNoteLines(note: string): string {
  return note
    .split('\n')
    .map((line) => (END_MARKER_LOOKALIKE.test(line) ? `\\${line}` : line))
    .join('\n');
}

export function unprotectNoteLine(line: string): string {
  return END_MARKER_LOOKALIKE.test(line) ? line.slice(1) : line;
}
