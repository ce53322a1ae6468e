// An article's body as the reader draws it: its stored blocks in order, each element saying which
// slice of the body it holds (data-start/data-end: the selection toolbar maps DOM selections back to
// body offsets with them), search marks and highlights layered in, page breaks of paged documents,
// and each photo drawn with the captions that follow it, inside one <figure>.
import { html } from 'lit';
import type { Annotation, Article, Block } from '../contract/index.ts';
import { pageBreakBefore } from './components/nr-page-break.ts';
import { layeredText, type HighlightRange, type TextRange } from './marked-text.ts';

const BLOCK_TAG: Record<Block['kind'], string> = {
  paragraph: 'p',
  heading: 'h2',
  quote: 'blockquote',
  'list-item': 'li',
  caption: 'figcaption',
  figure: 'figure',
};

/** Where the body's search marks are and which is current; the title's marks come first in the count. */
export interface BodyMarks {
  ranges: readonly TextRange[];
  /** The index of the body's first mark among all the article's marks. */
  firstIndex: number;
  current: number;
}

/** Blocks in order; a photo is drawn with the caption blocks that follow it, inside one <figure>. */
function withFigures(article: Article, blocks: readonly Block[], drawBlock: (block: Block, index: number) => unknown): unknown[] {
  const drawn: unknown[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind !== 'figure') {
      drawn.push(drawBlock(block, index));
      continue;
    }
    const first = index + 1;
    while (blocks[index + 1]?.kind === 'caption') index++;
    const captions = blocks.slice(first, index + 1);
    const captionText = captions.map((caption) => article.body.slice(caption.start, caption.end)).join(' ');
    drawn.push(html`<figure class="photo"><nr-figure .figure=${block.figure ?? null} .caption=${captionText}></nr-figure>${captions.map((caption, offset) => drawBlock(caption, first + offset))}</figure>`);
  }
  return drawn;
}

/** The body's elements; `annotations` are drawn where anchored (orphans have nowhere to be drawn). */
export function articleBody(article: Article, marks: BodyMarks, annotations: readonly Annotation[]): unknown[] {
  const highlights: HighlightRange[] = annotations
    .filter((a) => a.articleId === article.id && a.status === 'anchored' && a.position.end > a.position.start)
    .map((a) => ({ start: a.position.start, end: a.position.end, id: a.id, color: a.color }));
  const blocks = article.blocks.length ? article.blocks : [{ kind: 'paragraph' as const, start: 0, end: article.body.length }];
  let markIndex = marks.firstIndex;
  return withFigures(article, blocks, (block, index) => {
    const inside = marks.ranges.filter((r) => r.end > block.start && r.start < block.end);
    const drawn = highlights.filter((h) => h.end > block.start && h.start < block.end);
    const content = layeredText(article.body, block.start, block.end, inside, drawn, markIndex, marks.current);
    markIndex += inside.length;
    const element = (() => {
      switch (BLOCK_TAG[block.kind]) {
        case 'h2':
          return html`<h2 data-start=${block.start} data-end=${block.end}>${content}</h2>`;
        case 'blockquote':
          return html`<blockquote data-start=${block.start} data-end=${block.end}>${content}</blockquote>`;
        case 'li':
          return html`<ul><li data-start=${block.start} data-end=${block.end}>${content}</li></ul>`;
        case 'figcaption':
          return html`<figcaption data-start=${block.start} data-end=${block.end}>${content}</figcaption>`;
        default:
          return html`<p data-start=${block.start} data-end=${block.end}>${content}</p>`;
      }
    })();
    return [pageBreakBefore(blocks, index), element];
  });
}
