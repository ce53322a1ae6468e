// The annotation model: highlights and notes on an article, anchored with W3C Web Annotation
// selectors so they survive edits to the article text. Plain data only; crosses IPC and HTTP as JSON.
import * as v from 'valibot';

import { ANNOTATION_COLORS, type AnnotationColor } from '../contract/annotation-colors.ts';

export { ANNOTATION_COLORS, DEFAULT_ANNOTATION_COLOR, DEFAULT_COLOR_LABELS } from '../contract/annotation-colors.ts';
export type { AnnotationColor, ColorLabels } from '../contract/annotation-colors.ts';

/** W3C TextQuoteSelector: the highlighted text with some context on either side (NFC). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets into the stored NFC body, end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationSelectors {
  quote: TextQuoteSelector;
  /** Missing for annotations imported from tools that only record the quote. */
  position?: TextPositionSelector | null;
}

/**
 * 'orphan': the quote could not be placed in the current article text. The annotation keeps its
 * quote, note and last known position so it is never lost and can be re-placed later.
 */
export type AnnotationStatus = 'anchored' | 'orphan';

export interface Annotation {
  id: string;
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  status: AnnotationStatus;
  color: AnnotationColor;
  /** Plain text or Markdown; '' when there is none. */
  note: string;
  /** ISO 8601. */
  created: string;
  /** ISO 8601; changes when the note or colour changes. */
  updated: string;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: AnchorMethod; /** 0..1, 1 = certain. */ score: number }
  | { status: 'orphan' };

/** An annotation read from an export file, before it is placed in the library's copy of the article. */
export interface ImportedAnnotation {
  id: string;
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  color: AnnotationColor;
  note: string;
  created: string;
  updated: string;
}

/** Which article an exported annotation belongs to, as far as the file says. */
export interface ArticleReference {
  id: string | null;
  url: string | null;
}

/** Maps a reference from an export file to an article id in this library; null when there is none. */
export type ArticleResolver = (reference: ArticleReference) => string | null;

/** Trusts the id in the file. Enough for files exported from this library. */
export const resolveByExportedId: ArticleResolver = (reference) => reference.id;

/** One annotation as a line of the library's NDJSON export. */
export interface ExportedAnnotation {
  format: 'newsroom-reader/1';
  type: 'annotation';
  id: string;
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  status: AnnotationStatus;
  color: AnnotationColor;
  note: string;
  created: string;
  updated: string;
}

// --- Runtime schemas for records that arrive from outside (export files, IPC) ---

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

export const AnnotationColorSchema = v.picklist(ANNOTATION_COLORS);

export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'the quote is empty')),
  prefix: v.optional(v.string(), ''),
  suffix: v.optional(v.string(), ''),
});

export const TextPositionSelectorSchema = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((selector) => selector.end >= selector.start, 'the position ends before it starts'),
);

const isoTime = v.pipe(v.string(), v.isoTimestamp());

export const ExportedAnnotationSchema = v.object({
  format: v.literal('newsroom-reader/1'),
  type: v.literal('annotation'),
  id: v.pipe(v.string(), v.minLength(1)),
  articleId: v.pipe(v.string(), v.minLength(1)),
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  status: v.picklist(['anchored', 'orphan']),
  color: AnnotationColorSchema,
  note: v.string(),
  created: isoTime,
  updated: isoTime,
});

export const ColorLabelsSchema = v.object({
  yellow: v.pipe(v.string(), v.trim(), v.minLength(1)),
  green: v.pipe(v.string(), v.trim(), v.minLength(1)),
  blue: v.pipe(v.string(), v.trim(), v.minLength(1)),
  pink: v.pipe(v.string(), v.trim(), v.minLength(1)),
});

export function isAnnotationColor(value: unknown): value is AnnotationColor {
  return typeof value === 'string' && (ANNOTATION_COLORS as readonly string[]).includes(value);
}
