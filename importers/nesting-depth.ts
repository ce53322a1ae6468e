// Cheap pre-scans of how deeply a document nests, run before any parser sees it. The parsers' cost
// (Readability's ancestor scoring, DOMPurify's walk, marked's list lexer) grows much faster than the
// depth, so a few kilobytes nested thousands deep froze the host for minutes; real pages stay far below.
import { ImportInputError } from './import-types.ts';

/** Deeper than any real article: news pages nest ~30–60 elements, notes a handful of list levels. */
export const MAX_NESTING_DEPTH = 128;

/** Elements that never hold children. */
const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'keygen', 'image',
]);

/**
 * Elements whose end tag may be left out; pages omit them often, so counting them would make a long
 * run of `<p>` look deep. Nesting through them still shows in the containers around them (ul, table).
 */
const OPTIONAL_END_TAGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'rb', 'rt', 'rp', 'caption']);

/** Text-only elements: what is inside is not markup. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

const TAG = /<(\/?)([A-Za-z][^\s/>]*)([^>]*)>|<!--|<!\[CDATA\[/g;

/**
 * The deepest element nesting in HTML or XML text, counted from its tags (stops counting once past
 * `limit`). Comments, CDATA sections and the content of script, style and similar elements are skipped.
 */
export function markupNestingDepth(text: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
    if (match[0] === '<!--' || match[0] === '<![CDATA[') {
      const end = text.indexOf(match[0] === '<!--' ? '-->' : ']]>', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = match[2]!.toLowerCase();
    if (match[1]) {
      if (!VOID_TAGS.has(name) && !OPTIONAL_END_TAGS.has(name) && depth > 0) depth--;
      continue;
    }
    if (VOID_TAGS.has(name) || OPTIONAL_END_TAGS.has(name) || match[3]!.endsWith('/')) continue;
    if (RAW_TEXT_TAGS.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = TAG.lastIndex;
      if (!close.test(text)) break;
      TAG.lastIndex = close.lastIndex - name.length - 2;
      continue;
    }
    depth++;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) break;
    }
  }
  return deepest;
}

const LIST_OR_QUOTE_LINE = /^([ \t>]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^([ \t]*>[ \t>]*)/;

/**
 * The deepest list or block-quote nesting in Markdown, estimated from each line's indentation (two
 * columns a level, a tab four) and its `>` markers; HTML inside the Markdown counts as markup.
 */
export function markdownNestingDepth(text: string, limit = MAX_NESTING_DEPTH): number {
  let deepest = 0;
  let start = 0;
  while (start < text.length && deepest <= limit) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 8 * limit + 16));
    const match = LIST_OR_QUOTE_LINE.exec(line);
    if (match) {
      const prefix = match[1] ?? match[2] ?? '';
      const quotes = prefix.split('>').length - 1;
      // Indentation counts after the last quote marker, less the one space that belongs to the marker.
      const indent = prefix.slice(prefix.lastIndexOf('>') + 1);
      let columns = 0;
      for (const char of indent) columns += char === '\t' ? 4 : 1;
      if (quotes > 0 && columns > 0) columns--;
      deepest = Math.max(deepest, quotes + Math.floor(columns / 2) + (match[1] === undefined ? 0 : 1));
    }
    start = end + 1;
  }
  return Math.max(deepest, markupNestingDepth(text, limit));
}

/** Refuses text nested deeper than the limit, before a parser spends minutes on it. */
export function assertNestingWithin(depth: number, limit = MAX_NESTING_DEPTH): void {
  if (depth > limit) throw new ImportInputError({ kind: 'too-complex', cause: 'nesting', maxDepth: limit });
}
