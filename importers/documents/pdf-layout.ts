// Rebuilds reading structure from positioned PDF text: items → lines → columns → paragraphs, headings
// and list items, each with its page. Pure (no pdfjs), so each step is tested on plain numbers.
import type { BlockPiece } from '../block-builder.ts';

/** One run of text as the PDF places it; y grows upwards (PDF user space), size is the font size. */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfPageText {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PositionedText[];
}

/** Items sharing a baseline, left to right, as one string. */
interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** Items whose baselines differ by less than this share of the font size are one line. */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this many font sizes separates columns, not words. */
const COLUMN_GAP = 1.5;

function joinItems(items: readonly PositionedText[]): string {
  let text = '';
  let right = -Infinity;
  for (const item of items) {
    const gap = item.x - right;
    if (text && gap > item.size * 0.15 && !/\s$/u.test(text) && !/^\s/u.test(item.text)) text += ' ';
    text += item.text;
    right = item.x + item.width;
  }
  return text;
}

/** A row of the page cut where its items leave a gap wide enough to be a column gutter. */
function segmentsOf(row: readonly PositionedText[]): Line[] {
  const sorted = [...row].sort((a, b) => a.x - b.x);
  const segments: PositionedText[][] = [];
  let right = -Infinity;
  for (const item of sorted) {
    if (segments.length === 0 || item.x - right > COLUMN_GAP * item.size) segments.push([]);
    segments.at(-1)!.push(item);
    right = Math.max(right, item.x + item.width);
  }
  return segments
    .map((items) => ({
      text: joinItems(items).replace(/\s+/gu, ' ').trim(),
      x: items[0]!.x,
      right: Math.max(...items.map((item) => item.x + item.width)),
      y: items[0]!.y,
      size: Math.max(...items.map((item) => item.size)),
    }))
    .filter((line) => line.text !== '');
}

/** Rows of items top to bottom, each row's items on one baseline. */
function rowsOf(items: readonly PositionedText[]): PositionedText[][] {
  const sorted = items.filter((item) => item.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) < SAME_LINE * Math.max(row[0]!.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  return rows;
}

/**
 * The page's column gutter: an x that several rows have a gap across, with segments on both sides.
 * Null for a single column.
 */
function gutterOf(rows: readonly Line[][]): number | null {
  const gaps: [number, number][] = [];
  for (const row of rows) for (let i = 1; i < row.length; i++) gaps.push([row[i - 1]!.right, row[i]!.x]);
  if (gaps.length < 2) return null;
  // The gap most rows share: take the one whose middle lies inside the most other gaps.
  let best: { middle: number; count: number } | null = null;
  for (const [left, right] of gaps) {
    const middle = (left + right) / 2;
    const count = gaps.filter(([l, r]) => l <= middle && middle <= r).length;
    if (!best || count > best.count) best = { middle, count };
  }
  return best && best.count >= 2 ? best.middle : null;
}

/** Lines of a page in reading order: columns one after the other, full-width lines where they stand. */
export function readingLines(page: PdfPageText): Line[] {
  const rows = rowsOf(page.items).map(segmentsOf).filter((row) => row.length > 0);
  const gutter = gutterOf(rows);
  if (gutter === null) return rows.flat();
  const ordered: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = (): void => {
    ordered.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const row of rows) {
    if (row.some((line) => line.x < gutter && line.right > gutter)) {
      // A line across the gutter (a heading, a footer) ends the columns above it.
      flush();
      ordered.push(...row);
    } else for (const line of row) (line.x < gutter ? left : right).push(line);
  }
  flush();
  return ordered;
}

/** A line's text with digits folded, so "Trang 2/4" and "Trang 3/4" are the same running line. */
function runningKey(text: string): string {
  return text.toLocaleLowerCase('vi').replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();
}

const PAGE_NUMBER = /^(?:trang|page|tr\.|-)?\s*\d{1,4}\s*(?:(?:\/|of|trên)\s*\d{1,4})?\s*-?$/iu;

/**
 * Drops running headers and footers: a line among the first or last two of a page whose text (digits
 * folded) comes back on at least 60% of the pages (and on 2 or more), and bare page numbers there.
 */
export function withoutRunningLines(pages: readonly Line[][]): Line[][] {
  const edgeKeys = pages.map((lines) => new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((line) => runningKey(line.text))));
  const counts = new Map<string, number>();
  for (const keys of edgeKeys) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(pages.length * 0.6));
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const atEdge = index < 2 || index >= lines.length - 2;
      if (!atEdge) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      return pages.length < 2 || (counts.get(runningKey(line.text)) ?? 0) < needed;
    }),
  );
}

const LIST_MARKER = /^(?:[-–•●▪◦*+]\s|\(?[0-9]{1,3}[.)]\s|\(?[a-zđ][.)]\s|[IVX]{1,5}\.\s)/u;
const SENTENCE_END = /[.:!?;…”"»)]$/u;

/** The font size most of the text is set in. */
export function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Joins one line to the paragraph so far: a hyphen breaking a word is removed, else one space. */
export function joinLine(paragraph: string, line: string): string {
  if (paragraph === '') return line;
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/**
 * Paragraphs, headings and list items from the pages' lines. A line set clearly larger than the body
 * text is a heading (levels by size, largest first); a new paragraph starts after a wider gap than the
 * line spacing, at a list marker, an indent, or after a short line ending a sentence.
 */
export function piecesFromPages(pages: readonly PdfPageText[]): BlockPiece[] {
  const linesByPage = withoutRunningLines(pages.map(readingLines));
  const body = bodySize(linesByPage.flat());
  const headingSizes = [...new Set(linesByPage.flat().filter((line) => line.size >= body * 1.15).map((line) => Math.round(line.size)))].sort((a, b) => b - a);
  const pieces: BlockPiece[] = [];
  for (const [index, lines] of linesByPage.entries()) {
    const page = pages[index]!.number;
    const width = Math.max(0, ...lines.map((line) => line.right)) - Math.min(Infinity, ...lines.map((line) => line.x));
    const open: { piece: (BlockPiece & { last: Line }) | null } = { piece: null };
    const flush = (): void => {
      const done = open.piece;
      if (done) pieces.push({ kind: done.kind, text: done.text, page, ...(done.level ? { level: done.level } : {}) });
      open.piece = null;
    };
    for (const line of lines) {
      const isHeading = line.size >= body * 1.15;
      const previous = open.piece;
      if (isHeading) {
        const level = Math.min(6, headingSizes.indexOf(Math.round(line.size)) + 1);
        if (previous?.kind === 'heading' && previous.level === level && previous.last.y - line.y < line.size * 1.6) {
          previous.text = joinLine(previous.text, line.text);
          previous.last = line;
          continue;
        }
        flush();
        open.piece = { kind: 'heading', level, text: line.text, last: line };
        continue;
      }
      const isListItem = LIST_MARKER.test(line.text);
      const startsNew =
        previous === null ||
        previous.kind === 'heading' ||
        isListItem ||
        previous.last.y - line.y > previous.last.size * 1.75 ||
        previous.last.y < line.y ||
        (previous.kind === 'paragraph' && line.x - previous.last.x > line.size * 1.5) ||
        (SENTENCE_END.test(previous.last.text) && previous.last.right - previous.last.x < width * 0.7);
      if (startsNew) {
        flush();
        open.piece = { kind: isListItem ? 'list-item' : 'paragraph', text: line.text, last: line };
      } else if (previous) {
        previous.text = joinLine(previous.text, line.text);
        previous.last = line;
      }
    }
    flush();
  }
  return pieces;
}
