// HTML (already sanitised) to structural pieces. Shared by web pages, saved HTML files and feed entries.
import createDOMPurify from 'dompurify';
import type { DOMPurify, WindowLike } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { BlockKind } from '../library/model.ts';
import type { BlockPiece } from './block-builder.ts';
import { tidyInline } from './text-normalize.ts';

/** Never part of the article text, even if a sanitiser lets them through. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'form', 'button', 'select', 'textarea',
  'input', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'img', 'picture', 'head',
]);

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'details', 'summary', 'center', 'body', 'html',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface BlockContext {
  kind: BlockKind;
  level?: number;
}

/** A window to parse HTML in: no scripts run, no resources load, CSS errors are not printed. */
export function createHtmlDom(html: string, url?: string | null): JSDOM {
  return new JSDOM(html, {
    url: url && /^https?:/i.test(url) ? url : undefined,
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
}

const purifiers = new WeakMap<object, DOMPurify>();

function purifierFor(dom: JSDOM): DOMPurify {
  let purify = purifiers.get(dom.window);
  if (!purify) {
    purify = createDOMPurify(dom.window as unknown as WindowLike);
    purifiers.set(dom.window, purify);
  }
  return purify;
}

/** Sanitised content as a fragment of dom's document: scripts, styles and event handlers gone. */
export function sanitizeHtml(dom: JSDOM, html: string): DocumentFragment {
  const dropped = ['style', 'nav', 'footer', 'aside', 'form', 'button', 'iframe', 'noscript', 'template', 'select'];
  return purifierFor(dom).sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: dropped,
    // Removed elements otherwise leave their text behind; navigation text must not become article text.
    ADD_FORBID_CONTENTS: dropped,
  });
}

function contextFor(tag: string, parent: BlockContext): BlockContext {
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]) };
  if (tag === 'blockquote') return { kind: 'quote' };
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return { kind: 'list-item' };
  if (tag === 'figcaption' || tag === 'caption') return { kind: 'caption' };
  // Paragraphs and containers inside a quote, list item or caption keep that kind.
  return parent.kind === 'heading' ? { kind: 'paragraph' } : parent;
}

/** Walks a DOM subtree: text gathers into the open block; block elements close it and open their own. */
class PieceCollector {
  readonly pieces: BlockPiece[] = [];
  #buffer = '';

  visit(node: Node, context: BlockContext): void {
    if (node.nodeType === TEXT_NODE) {
      this.#buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 11 /* fragment */ && node.nodeType !== 9 /* document */) return;
    const tag = node.nodeType === ELEMENT_NODE ? (node as Element).localName : 'body';
    if (SKIPPED_TAGS.has(tag) || (node.nodeType === ELEMENT_NODE && (node as Element).hasAttribute('hidden'))) return;
    if (tag === 'br') {
      // Two <br> in a row is how many sites separate paragraphs.
      if (/\n\s*$/.test(this.#buffer)) this.flush(context);
      else this.#buffer += '\n';
      return;
    }
    if (!BLOCK_TAGS.has(tag)) {
      for (const child of node.childNodes) this.visit(child, context);
      return;
    }
    this.flush(context);
    const inner = contextFor(tag, context);
    for (const child of node.childNodes) this.visit(child, inner);
    this.flush(inner);
  }

  flush(context: BlockContext): void {
    const text = tidyInline(this.#buffer);
    this.#buffer = '';
    if (text.length === 0) return;
    this.pieces.push(context.kind === 'heading' ? { kind: 'heading', text, level: context.level ?? 2 } : { kind: context.kind, text });
  }
}

/** Structural pieces of a node (sanitise untrusted HTML first with sanitizeHtml). */
export function nodeToPieces(node: Node): BlockPiece[] {
  const collector = new PieceCollector();
  const root: BlockContext = { kind: 'paragraph' };
  collector.visit(node, root);
  collector.flush(root);
  return collector.pieces;
}

/** Sanitises an HTML fragment and returns its structural pieces. */
export function htmlToPieces(dom: JSDOM, html: string): BlockPiece[] {
  return nodeToPieces(sanitizeHtml(dom, html));
}

/** Plain text of an HTML snippet such as an Atom title of type "html". */
export function htmlToPlainText(dom: JSDOM, html: string): string {
  return tidyInline(sanitizeHtml(dom, html).textContent ?? '');
}
