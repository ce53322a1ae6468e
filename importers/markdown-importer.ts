// Markdown notes and exports, via marked's lexer (no HTML rendering): structure to blocks, inline syntax dropped.
import { marked, type Token, type Tokens } from 'marked';
import { createDraft } from './article-draft.ts';
import type { BlockPiece } from './block-builder.ts';
import { fieldList, fieldText, splitFrontMatter } from './front-matter.ts';
import { htmlToPieces } from './html-to-blocks.ts';
import { ImportInputError, type ImportInput, type Importer, type ParsedItem } from './import-types.ts';
import { assertNestingWithin, markdownNestingDepth } from './nesting-depth.ts';
import { findPublishedDate, toIsoDate } from './published-date.ts';
import { decodeInput, withEncoding } from './text-decoding.ts';
import { tidyInline } from './text-normalize.ts';
import type { BlockKind } from '../library/model.ts';
import { acceptsMarkdown } from './importer-choice.ts';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The lexer leaves entities and inline HTML in text; plain text needs neither. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Inline HTML whose content is code, not prose: `<script>alert(1)</script>` in a note must not become text.
const CODE_ELEMENT = /<(script|style|template|textarea|noscript)\b[^>]*>/i;

function inlineText(tokens: readonly Token[] | undefined): string {
  let text = '';
  // The lexer splits `<script>x</script>` into an opening tag, text and a closing tag: skip what lies between.
  let skippingUntil: RegExp | null = null;
  for (const token of tokens ?? []) {
    if (skippingUntil) {
      if (token.type === 'html' && skippingUntil.test(token.text)) skippingUntil = null;
      continue;
    }
    switch (token.type) {
      case 'image':
        break; // Alt text of pictures is not article text.
      case 'html': {
        const opened = CODE_ELEMENT.exec(token.text);
        if (opened && !new RegExp(`</${opened[1]}`, 'i').test(token.text.slice(opened.index))) skippingUntil = new RegExp(`</${opened[1]}`, 'i');
        const withoutCode = token.text.replace(/<(script|style|template|textarea|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
        text += withoutCode.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '');
        break;
      }
      case 'br':
        text += ' ';
        break;
      case 'escape':
      case 'codespan':
        text += token.text;
        break;
      default:
        text += 'tokens' in token && token.tokens ? inlineText(token.tokens) : decodeEntities('text' in token ? String(token.text) : '');
    }
  }
  return text;
}

class MarkdownWalker {
  readonly pieces: BlockPiece[] = [];

  blocks(tokens: readonly Token[], kind: BlockKind): void {
    for (const token of tokens) this.block(token, kind);
  }

  private block(token: Token, kind: BlockKind): void {
    switch (token.type) {
      case 'heading':
        this.pieces.push({ kind: 'heading', level: (token as Tokens.Heading).depth, text: inlineText(token.tokens) });
        break;
      case 'paragraph':
      case 'text':
        this.pieces.push({ kind, text: inlineText(token.tokens ?? [token]) });
        break;
      case 'blockquote':
        this.blocks((token as Tokens.Blockquote).tokens, 'quote');
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) this.listItem(item);
        break;
      case 'code':
        this.pieces.push({ kind, text: token.text });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          this.pieces.push({ kind, text: row.map((cell) => inlineText(cell.tokens)).join(' | ') });
        }
        break;
      }
      case 'html':
        // Raw HTML blocks go through the same sanitising path as web pages.
        this.pieces.push(...htmlToPieces(token.text).map((piece) => (kind === 'quote' ? { ...piece, kind } : piece)));
        break;
      default:
        break; // space, hr, def: no text.
    }
  }

  private listItem(item: Tokens.ListItem): void {
    let text = '';
    const nested: Token[] = [];
    for (const child of item.tokens) {
      if (child.type === 'text' || child.type === 'paragraph') text += ` ${inlineText(child.tokens ?? [child])}`;
      else nested.push(child);
    }
    this.pieces.push({ kind: 'list-item', text });
    this.blocks(nested, 'list-item');
  }
}

export const markdownImporter: Importer = {
  id: 'markdown',
  accepts: acceptsMarkdown,
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const decoded = decodeInput(input);
    const text = decoded.text.replace(/\r\n?/g, '\n');
    if (text.trim() === '') throw new ImportInputError({ kind: 'empty-file' });
    const { fields, content } = splitFrontMatter(text);
    // marked's list lexer slows down steeply with depth and recurses (4 MB of nesting overflowed the stack).
    assertNestingWithin(markdownNestingDepth(content));
    const walker = new MarkdownWalker();
    walker.blocks(marked.lexer(content), 'paragraph');
    const pieces = walker.pieces.filter((piece) => tidyInline(piece.text) !== '');
    let title = fieldText(fields, 'title');
    if (!title && pieces[0]?.kind === 'heading') title = pieces.shift()!.text;
    else if (title && pieces[0]?.kind === 'heading' && tidyInline(pieces[0].text) === tidyInline(title)) pieces.shift();

    const draft = createDraft({
      title,
      author: fieldText(fields, 'author', 'authors', 'byline'),
      source: fieldText(fields, 'source', 'publisher', 'site'),
      url: fieldText(fields, 'url', 'link', 'canonical'),
      language: fieldText(fields, 'lang', 'language'),
      publishedAt: toIsoDate(fieldText(fields, 'date', 'published', 'publishedat', 'published_at')) ?? findPublishedDate(content),
      origin: input.origin,
      tags: fieldList(fields, 'tags', 'categories', 'keywords'),
      pieces,
    });
    return withEncoding([{ kind: 'draft', draft }], decoded.encoding);
  },
};
