// HTML (already sanitised) to structural pieces. Shared by web pages, saved HTML files and feed entries.
import { createRequire } from 'node:module';
import type { DOMPurify, WindowLike } from 'dompurify';
import { parseHTML } from 'linkedom';
import type { BlockKind } from '../library/model.ts';
import type { BlockPiece } from './block-builder.ts';
import { creditOf, figureSourceOf, type FigureSource } from './figure-pieces.ts';
import { emptyHugeAttributes } from './huge-attributes.ts';
import { assertNestingWithin, markupNestingDepth } from './nesting-depth.ts';
import { tidyInline } from './text-normalize.ts';
import { DROPPED_WITH_CONTENT } from './page-sanitizer.ts';

/** Never part of the article text, even if a sanitiser lets them through. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'form', 'button', 'select', 'textarea',
  'input', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head',
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

export interface PieceOptions {
  /** What relative image addresses are resolved against: the page's URL (or its <base>), or a saved file's file: URL. */
  base?: string | null;
}

/**
 * A page's document, for reading metadata and for Readability. linkedom builds it several times faster
 * than jsdom, and Readability extracts the same text from it (test/unit/importers/html-dom-parity.test.ts).
 * Nothing in it runs or loads; it is only read.
 */
export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

let purifier: DOMPurify | null = null;

/**
 * jsdom (29, through @asamuzakjp/dom-selector) gives each document its own selector engine the first
 * time a selector is used in it (`querySelector`, `closest`), and that engine adds nine listeners to
 * the document's window that are never removed. DOMPurify makes a new document for every sanitised
 * snippet, and the figures' `querySelector` runs in each: the one shared window collected nine
 * listeners per page, each new one checked against all the others (so every page cost more than the
 * one before: 4.8 ms at first, 22 ms after 3,000 pages), and they kept every document alive (the
 * parse workers grew by ~75 KB a page). No script runs and no event is ever dispatched in this window,
 * so a listener there could never be called: it is not added at all.
 */
function ignoreWindowListeners(window: { addEventListener: unknown }): void {
  window.addEventListener = (): void => {};
}

/**
 * DOMPurify needs a browser-like window (linkedom lacks what it checks for, and DOMPurify would then
 * return its input unsanitised). One jsdom window, made once per thread and kept, serves every file:
 * making a window per file was a third of an HTML import's time.
 */
function sharedPurifier(): DOMPurify {
  if (!purifier) {
    // Loaded on first use: a worker that only imports saved pages (page-sanitizer.ts) never loads jsdom.
    const require = createRequire(import.meta.url);
    const { JSDOM, VirtualConsole } = require('jsdom') as typeof import('jsdom');
    const createDOMPurify = require('dompurify') as typeof import('dompurify').default;
    const { window } = new JSDOM('<!doctype html><body></body>', { contentType: 'text/html', virtualConsole: new VirtualConsole() });
    ignoreWindowListeners(window);
    purifier = createDOMPurify(window as unknown as WindowLike);
    if (!purifier.isSupported) throw new Error('DOMPurify cannot sanitise in this environment');
  }
  return purifier;
}

/** Sanitised content as a fragment: scripts, styles, event handlers and navigation gone. */
export function sanitizeHtml(html: string): DocumentFragment {
  // Every HTML snippet (feed entries, JSON bodies, Markdown blocks, Readability's output) passes here.
  assertNestingWithin(markupNestingDepth(html));
  const markup = emptyHugeAttributes(html);
  const dropped = [...DROPPED_WITH_CONTENT];
  return sharedPurifier().sanitize(markup, {
    RETURN_DOM_FRAGMENT: true,
    // Photos: <picture>'s <source srcset> says which sizes exist (nothing is loaded; it is only read).
    ADD_TAGS: ['picture', 'source'],
    ADD_ATTR: ['srcset', 'sizes'],
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

/**
 * Walks a DOM subtree: text gathers into the open block; block elements close it and open their own.
 * A photo inside running text waits until that text's block is closed, so it never splits a paragraph
 * (which would move the offsets of the text after it).
 */
class PieceCollector {
  readonly pieces: BlockPiece[] = [];
  #buffer = '';
  #waiting: FigureSource[] = [];
  readonly #base: string | null;

  constructor(options: PieceOptions) {
    this.#base = options.base ?? null;
  }

  visit(node: Node, context: BlockContext): void {
    if (node.nodeType === TEXT_NODE) {
      this.#buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 11 /* fragment */ && node.nodeType !== 9 /* document */) return;
    const tag = node.nodeType === ELEMENT_NODE ? (node as Element).localName : 'body';
    if (SKIPPED_TAGS.has(tag) || (node.nodeType === ELEMENT_NODE && (node as Element).hasAttribute('hidden'))) return;
    if (tag === 'img' || tag === 'picture') {
      const figure = figureSourceOf(node as Element, this.#base);
      if (figure) this.#waiting.push(figure);
      return;
    }
    if (tag === 'figure') {
      this.#visitFigure(node as Element, context);
      return;
    }
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

  /** The figure's photos first, then its caption and any other text, as caption and paragraph blocks as before. */
  #visitFigure(figure: Element, context: BlockContext): void {
    this.flush(context);
    const caption = figure.querySelector('figcaption');
    const credit = caption ? creditOf(caption) : null;
    for (const image of figure.querySelectorAll('picture, img')) {
      if (image.localName === 'img' && image.parentElement?.localName === 'picture') continue;
      const source = figureSourceOf(image, this.#base);
      if (source) this.pieces.push({ kind: 'figure', text: '', figure: { ...source, credit } });
    }
    for (const child of figure.childNodes) {
      const name = child.nodeType === ELEMENT_NODE ? (child as Element).localName : '';
      if (name !== 'img' && name !== 'picture') this.visit(child, context);
    }
    this.flush(context);
  }

  flush(context: BlockContext): void {
    const text = tidyInline(this.#buffer);
    this.#buffer = '';
    if (text.length > 0) this.pieces.push(context.kind === 'heading' ? { kind: 'heading', text, level: context.level ?? 2, tidy: true } : { kind: context.kind, text, tidy: true });
    for (const figure of this.#waiting) this.pieces.push({ kind: 'figure', text: '', figure });
    this.#waiting = [];
  }
}

/** Structural pieces of a node (sanitise untrusted HTML first with sanitizeHtml). */
export function nodeToPieces(node: Node, options: PieceOptions = {}): BlockPiece[] {
  const collector = new PieceCollector(options);
  const root: BlockContext = { kind: 'paragraph' };
  collector.visit(node, root);
  collector.flush(root);
  return collector.pieces;
}

/** Sanitises an HTML fragment and returns its structural pieces. */
export function htmlToPieces(html: string, options: PieceOptions = {}): BlockPiece[] {
  return nodeToPieces(sanitizeHtml(html), options);
}

/** Plain text of an HTML snippet such as an Atom title of type "html". */
export function htmlToPlainText(html: string): string {
  return tidyInline(sanitizeHtml(html).textContent ?? '');
}
