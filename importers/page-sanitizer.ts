// Sanitising markup that linkedom itself serialised from a page (Readability's article, the marked
// article element, the body as a last resort) without a browser DOM. DOMPurify needs jsdom, and
// re-parsing Readability's output with jsdom (parse5, then a full DOM with mutation records and event
// targets) was a third of each parse worker's CPU on news pages, plus about a second to load jsdom in
// every worker. sanitize-html filters the same allow-list over htmlparser2's token stream; linkedom
// (htmlparser2 too) then builds the tree the piece collector walks.
//
// Snippets that no parser has seen yet (feed entries, JSON bodies, Markdown blocks, EPUB and DOCX
// chapters) still go through DOMPurify (html-to-blocks.ts sanitizeHtml): for raw markup a browser's
// own parsing rules (parse5) are the safer reading.
import sanitize from 'sanitize-html';
import { parseHTML } from 'linkedom';
import { emptyHugeAttributes } from './huge-attributes.ts';
import { assertNestingWithin, markupNestingDepth } from './nesting-depth.ts';

/** Removed with everything inside them: navigation, forms and embeds are never article text. */
export const DROPPED_WITH_CONTENT = ['style', 'nav', 'footer', 'aside', 'form', 'button', 'iframe', 'noscript', 'template', 'select'] as const;

/** DOMPurify 3's default HTML elements (its `tags.html`), the allow-list sanitizeHtml uses. */
const DOMPURIFY_HTML_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'big', 'blink', 'blockquote',
  'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'content', 'data', 'datalist',
  'dd', 'decorator', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'element', 'em', 'fieldset', 'figcaption',
  'figure', 'font', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i', 'img',
  'input', 'ins', 'kbd', 'label', 'legend', 'li', 'main', 'map', 'mark', 'marquee', 'menu', 'menuitem', 'meter', 'nav', 'nobr',
  'ol', 'optgroup', 'option', 'output', 'p', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'search',
  'section', 'select', 'shadow', 'slot', 'small', 'source', 'spacer', 'span', 'strike', 'strong', 'style', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'tt', 'u', 'ul',
  'var', 'video', 'wbr',
  // Also an SVG element, which DOMPurify allows in HTML too (its COMMON_SVG_AND_HTML_ELEMENTS).
  'title',
];

/** DOMPurify 3's default HTML attributes (its `attrs.html`), plus the `srcset`/`sizes` sanitizeHtml adds. */
const DOMPURIFY_HTML_ATTRIBUTES = [
  'accept', 'action', 'align', 'alt', 'autocapitalize', 'autocomplete', 'autopictureinpicture', 'autoplay', 'background',
  'bgcolor', 'border', 'capture', 'cellpadding', 'cellspacing', 'checked', 'cite', 'class', 'clear', 'color', 'cols',
  'colspan', 'command', 'commandfor', 'controls', 'controlslist', 'coords', 'crossorigin', 'datetime', 'decoding', 'default',
  'dir', 'disabled', 'disablepictureinpicture', 'disableremoteplayback', 'download', 'draggable', 'enctype', 'enterkeyhint',
  'exportparts', 'face', 'for', 'headers', 'height', 'hidden', 'high', 'href', 'hreflang', 'id', 'inert', 'inputmode',
  'integrity', 'ismap', 'kind', 'label', 'lang', 'list', 'loading', 'loop', 'low', 'max', 'maxlength', 'media', 'method',
  'min', 'minlength', 'multiple', 'muted', 'name', 'nonce', 'noshade', 'novalidate', 'nowrap', 'open', 'optimum', 'part',
  'pattern', 'placeholder', 'playsinline', 'popover', 'popovertarget', 'popovertargetaction', 'poster', 'preload', 'pubdate',
  'radiogroup', 'readonly', 'rel', 'required', 'rev', 'reversed', 'role', 'rows', 'rowspan', 'spellcheck', 'scope',
  'selected', 'shape', 'size', 'sizes', 'slot', 'span', 'srclang', 'start', 'src', 'srcset', 'step', 'summary', 'tabindex',
  'title', 'translate', 'type', 'usemap', 'valign', 'value', 'width', 'wrap', 'xmlns',
];

/** Attributes DOMPurify never checks as addresses; every other allowed attribute must not name a disallowed scheme. */
const NOT_ADDRESSES = new Set(['alt', 'class', 'for', 'id', 'label', 'name', 'pattern', 'placeholder', 'role', 'summary', 'title', 'value', 'xmlns']);

/**
 * Elements whose content DOMPurify drops with them (its default FORBID_CONTENTS, plus what
 * sanitizeHtml forbids). `svg` and `math` are kept by DOMPurify but never read as text
 * (html-to-blocks.ts skips them), so dropping them here gives the same pieces.
 */
const CONTENT_DROPPED = [
  'annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo', 'ms', 'mtext',
  'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg', 'template', 'video', 'xmp',
  ...DROPPED_WITH_CONTENT,
];

/** The schemes DOMPurify lets an address attribute name (its IS_ALLOWED_URI); data: only for media sources. */
const SCHEMES = ['http', 'https', 'ftp', 'ftps', 'mailto', 'tel', 'callto', 'sms', 'cid', 'xmpp', 'matrix'];
const MEDIA_SCHEMES = [...SCHEMES, 'data'];

const dropped = new Set<string>(DROPPED_WITH_CONTENT);
// sanitize-html 2.18 has `allowedEmptyAttributes`; its published types (2.16) do not list it yet.
const SANITIZE_OPTIONS: sanitize.IOptions & { allowedEmptyAttributes: string[] } = {
  // html, head and body would only wrap the fragment: their content stays, as in a fragment parse.
  allowedTags: DOMPURIFY_HTML_TAGS.filter((tag) => !dropped.has(tag) && tag !== 'html' && tag !== 'head' && tag !== 'body'),
  allowedAttributes: { '*': [...DOMPURIFY_HTML_ATTRIBUTES, 'data-*', 'aria-*'] },
  // `hidden`, `alt=""` and the other attributes that mean something when empty stay, as in DOMPurify.
  allowedEmptyAttributes: DOMPURIFY_HTML_ATTRIBUTES,
  allowedSchemes: SCHEMES,
  allowedSchemesByTag: { img: MEDIA_SCHEMES, source: MEDIA_SCHEMES, audio: MEDIA_SCHEMES, video: MEDIA_SCHEMES, track: MEDIA_SCHEMES },
  allowedSchemesAppliedToAttributes: DOMPURIFY_HTML_ATTRIBUTES.filter((name) => !NOT_ADDRESSES.has(name)),
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: CONTENT_DROPPED,
  // Inline styles are dropped whole (`style` is not allowed): nothing here is ever displayed as HTML.
  allowedStyles: {},
};

/** Already-parsed page markup, sanitised, as an element whose children are the content. */
export function sanitizePageHtml(html: string): Element {
  assertNestingWithin(markupNestingDepth(html));
  const clean = sanitize(emptyHugeAttributes(html), SANITIZE_OPTIONS);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${clean}</body></html>`);
  return document.body as unknown as Element;
}
