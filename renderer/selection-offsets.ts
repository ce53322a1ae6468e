import type { TextRange } from './marked-text.ts';

/**
 * The user's selection as a live Range inside `root`, or null when there is none or it is collapsed.
 * Selections inside a shadow tree are invisible to plain `getSelection()` ranges (they are retargeted
 * to the host), so the composed ranges are asked for with this shadow root named.
 */
export function selectionRangeIn(root: ShadowRoot): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  let staticRange: AbstractRange | undefined;
  if (typeof selection.getComposedRanges === 'function') {
    staticRange = selection.getComposedRanges({ shadowRoots: [root] })[0];
  } else {
    // Older Chromium (Electron before 36) only offers the non-standard ShadowRoot.getSelection().
    const legacy = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    staticRange = legacy && legacy.rangeCount > 0 ? legacy.getRangeAt(0) : undefined;
  }
  if (!staticRange || staticRange.collapsed) return null;
  if (!root.contains(staticRange.startContainer) || !root.contains(staticRange.endContainer)) return null;
  const range = document.createRange();
  range.setStart(staticRange.startContainer, staticRange.startOffset);
  range.setEnd(staticRange.endContainer, staticRange.endOffset);
  return range;
}

/** UTF-16 length of the text from the start of `element` to a boundary point inside it. */
function offsetWithin(element: Element, container: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(container, offset);
  // Range text is the Text nodes' data only: Lit's comment markers do not count, which is what we want.
  return before.toString().length;
}

/**
 * Maps a DOM range to offsets into the article body. Each block element carries `data-start`/`data-end`
 * (its slice of the body) and holds exactly that slice as text, so a boundary inside a block is its
 * `data-start` plus the text before it. Blocks the range only touches at an edge (a triple-click ends at
 * offset 0 of the next paragraph) add nothing, so the separator between paragraphs is never included
 * at either end. Null when the range holds no body text.
 */
export function bodyOffsets(range: Range, blocks: Iterable<HTMLElement>): TextRange | null {
  let start = -1;
  let end = -1;
  for (const element of blocks) {
    if (!range.intersectsNode(element)) continue;
    const blockStart = Number(element.dataset.start);
    const blockEnd = Number(element.dataset.end);
    if (!Number.isFinite(blockStart) || !Number.isFinite(blockEnd)) continue;
    const from = element.contains(range.startContainer) ? blockStart + offsetWithin(element, range.startContainer, range.startOffset) : blockStart;
    const to = element.contains(range.endContainer) ? blockStart + offsetWithin(element, range.endContainer, range.endOffset) : blockEnd;
    const clampedFrom = Math.min(Math.max(from, blockStart), blockEnd);
    const clampedTo = Math.min(Math.max(to, blockStart), blockEnd);
    if (clampedTo <= clampedFrom) continue;
    if (start < 0) start = clampedFrom;
    end = clampedTo;
  }
  return start >= 0 && end > start ? { start, end } : null;
}

/**
 * The DOM boundary point of a body offset: the inverse of bodyOffsets, through the same
 * `data-start`/`data-end` blocks. An offset between two text nodes lands at the end of the first.
 * Null when no block holds the offset.
 */
export function domPoint(blocks: Iterable<HTMLElement>, offset: number): { node: Node; offset: number } | null {
  for (const element of blocks) {
    const blockStart = Number(element.dataset.start);
    const blockEnd = Number(element.dataset.end);
    if (!(offset >= blockStart && offset <= blockEnd)) continue;
    let remaining = offset - blockStart;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (remaining <= text.data.length) return { node: text, offset: remaining };
      remaining -= text.data.length;
      last = text;
    }
    return last ? { node: last, offset: last.data.length } : { node: element, offset: element.childNodes.length };
  }
  return null;
}
