import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export interface TextRange {
  start: number;
  end: number;
  /** Matched only as a typo correction of a query word: drawn apart, and its tooltip says so. */
  typo?: true;
}

/** A mark's class: `current` for the one stepped to, `typo` for a typo correction. */
function markClass(range: TextRange, current: boolean): string {
  return [current ? 'current' : '', range.typo ? 'typo' : ''].filter(Boolean).join(' ');
}

function markTitle(range: TextRange): string | typeof nothing {
  return range.typo ? msg('Khớp gần đúng: có thể bạn gõ nhầm từ này', { desc: 'Tooltip of a search mark matched as a likely typo of a query word' }) : nothing;
}

/**
 * Renders text[from, to) with the ranges that fall inside it wrapped in <mark>. Text is bound as text,
 * never as HTML, so stored articles cannot inject markup. `firstIndex` numbers marks across blocks.
 */
export function markedText(text: string, from: number, to: number, ranges: readonly TextRange[], firstIndex: number, current: number): TemplateResult[] {
  const parts: TemplateResult[] = [];
  let cursor = from;
  let index = firstIndex;
  for (const range of ranges) {
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    if (end <= start) continue;
    if (start > cursor) parts.push(html`${text.slice(cursor, start)}`);
    parts.push(html`<mark data-mark=${index} class=${markClass(range, index === current)} title=${markTitle(range)}>${text.slice(start, end)}</mark>`);
    index++;
    cursor = end;
  }
  if (cursor < to) parts.push(html`${text.slice(cursor, to)}`);
  return parts;
}

/** A highlight drawn under the text: `id` names the annotation, `color` picks its `hl-*` class. */
export interface HighlightRange extends TextRange {
  id: string;
  color: string;
}

/**
 * Renders text[from, to) with two layers: search matches as <mark> (numbered and stepped through exactly
 * as markedText does) and highlights as <span class="hl hl-colour" data-ids="…">. A mark is never split,
 * so a match stays one element however highlights cut across it; highlights are split instead, which is
 * invisible for a background colour. Overlapping highlights show the innermost one's colour.
 */
export function layeredText(
  text: string,
  from: number,
  to: number,
  marks: readonly TextRange[],
  highlights: readonly HighlightRange[],
  firstIndex: number,
  current: number,
): TemplateResult[] {
  const parts: TemplateResult[] = [];
  let cursor = from;
  let index = firstIndex;
  for (const range of marks) {
    const start = Math.max(range.start, from, cursor);
    const end = Math.min(range.end, to);
    // Every match that reaches into the block counts, drawn or not, so numbering agrees with the caller's.
    const counted = index++;
    if (end <= start) continue;
    if (start > cursor) parts.push(...highlightedText(text, cursor, start, highlights));
    parts.push(html`<mark data-mark=${counted} class=${markClass(range, counted === current)} title=${markTitle(range)}>${highlightedText(text, start, end, highlights)}</mark>`);
    cursor = end;
  }
  if (cursor < to) parts.push(...highlightedText(text, cursor, to, highlights));
  return parts;
}

function innermost(covering: readonly HighlightRange[]): HighlightRange {
  return covering.reduce((best, h) => (h.start > best.start || (h.start === best.start && h.end <= best.end) ? h : best));
}

function highlightedText(text: string, from: number, to: number, highlights: readonly HighlightRange[]): TemplateResult[] {
  const inside = highlights.filter((h) => h.end > from && h.start < to);
  if (inside.length === 0) return [html`${text.slice(from, to)}`];
  const cuts = new Set<number>([from, to]);
  for (const h of inside) {
    if (h.start > from) cuts.add(h.start);
    if (h.end < to) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: TemplateResult[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = inside.filter((h) => h.start <= start && h.end >= end);
    if (covering.length === 0) {
      parts.push(html`${text.slice(start, end)}`);
      continue;
    }
    const top = innermost(covering);
    const ids = covering.map((h) => h.id).join(' ');
    parts.push(html`<span class="hl hl-${top.color}${covering.length > 1 ? ' hl-multi' : ''}" data-ids=${ids}>${text.slice(start, end)}</span>`);
  }
  return parts;
}
