import type { TextRange } from './marked-text.ts';

/**
 * Keyboard selection in the article body, as offsets (no DOM): the units a caret moves by (words,
 * sentences, paragraphs) and where a move or an extension lands. Caret mode (CaretController) keeps
 * a CaretSelection and draws it as the document's selection.
 */

export type CaretUnit = 'word' | 'sentence' | 'paragraph';

/** The selection as the keyboard makes it: the end that stays and the end that moves. */
export interface CaretSelection {
  anchor: number;
  focus: number;
}

// A word: letters, digits and combining marks, with inner dots, commas, apostrophes and hyphens
// (30.410, 7,4, TP.HCM, k'nia, COVID-19).
const WORD = /[\p{L}\p{N}\p{M}]+(?:[.,'’\-–][\p{L}\p{N}\p{M}]+)*/gu;
// A sentence ends at . ! ? … (and closing quotes or brackets) before spaces and a capital, a digit or
// an opening quote; a period inside 3.3 or TP.HCM is not followed by a space.
const SENTENCE_END = /[.!?…]+["”’»)\]]*(?=\s+["“‘«([]?[\p{Lu}\p{N}])/gu;

/** The spans of one unit inside each block (the blocks are the body's paragraphs, in order). */
export function unitSpans(body: string, blocks: readonly TextRange[], unit: CaretUnit): TextRange[] {
  const spans: TextRange[] = [];
  for (const block of blocks) {
    const text = body.slice(block.start, block.end);
    if (unit === 'paragraph') {
      const trimmed = trimSpan(text, 0, text.length);
      if (trimmed) spans.push({ start: block.start + trimmed.start, end: block.start + trimmed.end });
    } else if (unit === 'word') {
      for (const match of text.matchAll(WORD)) spans.push({ start: block.start + match.index, end: block.start + match.index + match[0].length });
    } else {
      let from = 0;
      for (const match of text.matchAll(SENTENCE_END)) {
        const to = match.index + match[0].length;
        const trimmed = trimSpan(text, from, to);
        if (trimmed) spans.push({ start: block.start + trimmed.start, end: block.start + trimmed.end });
        from = to;
      }
      const trimmed = trimSpan(text, from, text.length);
      if (trimmed) spans.push({ start: block.start + trimmed.start, end: block.start + trimmed.end });
    }
  }
  return spans;
}

function trimSpan(text: string, start: number, end: number): TextRange | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** The selected range, whichever way it was made. */
export function selectedRange(selection: CaretSelection): TextRange {
  return { start: Math.min(selection.anchor, selection.focus), end: Math.max(selection.anchor, selection.focus) };
}

/**
 * Moves the selection to the next (1) or previous (-1) unit: the one that ends after the selection
 * (or starts before it), which is the unit around a smaller selection, else the following one. The
 * anchor is put where the move came from, so extending goes on in the same direction. Unchanged at
 * either end of the body.
 */
export function moveSelection(selection: CaretSelection, spans: readonly TextRange[], direction: 1 | -1): CaretSelection {
  const { start, end } = selectedRange(selection);
  if (direction === 1) {
    const next = spans.find((span) => span.end > end || (span.end === end && span.start > start));
    return next ? { anchor: next.start, focus: next.end } : selection;
  }
  const previous = spans.findLast((span) => span.start < start || (span.start === start && span.end < end));
  return previous ? { anchor: previous.end, focus: previous.start } : selection;
}

/**
 * Moves only the focus, by one unit: the anchor stays. Growing, the focus goes to the far edge of the
 * next unit; shrinking, back to the near edge of the previous one (never past the anchor in one step),
 * so a selection never ends on the space between two words.
 */
export function extendSelection(selection: CaretSelection, spans: readonly TextRange[], direction: 1 | -1): CaretSelection {
  const { anchor, focus } = selection;
  if (direction === 1) {
    if (focus < anchor) {
      const next = spans.find((span) => span.start > focus);
      return { anchor, focus: next ? Math.min(next.start, anchor) : anchor };
    }
    const next = spans.find((span) => span.end > focus);
    return next ? { anchor, focus: next.end } : selection;
  }
  if (focus > anchor) {
    const previous = spans.findLast((span) => span.end < focus);
    return { anchor, focus: previous ? Math.max(previous.end, anchor) : anchor };
  }
  const previous = spans.findLast((span) => span.start < focus);
  return previous ? { anchor, focus: previous.start } : selection;
}
