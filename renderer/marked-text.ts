import { html, type TemplateResult } from 'lit';

export interface TextRange {
  start: number;
  end: number;
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
    parts.push(html`<mark data-mark=${index} class=${index === current ? 'current' : ''}>${text.slice(start, end)}</mark>`);
    index++;
    cursor = end;
  }
  if (cursor < to) parts.push(html`${text.slice(cursor, to)}`);
  return parts;
}
