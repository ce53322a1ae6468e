// The annotation core's own model: anchoring results, records read from or written to export files.
// The Annotation itself and its selectors are shared by every layer and live in contract/annotation.ts.
import * as v from 'valibot';

import { ANNOTATION_COLORS, type AnnotationColor } from '../contract/annotation-colors.ts';
import {
  AnnotationColorSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type Annotation,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../contract/annotation.ts';
import type { Article } from '../contract/article.ts';

export { ANNOTATION_COLORS, DEFAULT_ANNOTATION_COLOR, DEFAULT_COLOR_LABELS } from '../contract/annotation-colors.ts';
export type { AnnotationColor, ColorLabels } from '../contract/annotation-colors.ts';
export { AnnotationColorSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../contract/annotation.ts';
export type { Annotation, AnnotationStatus, TextPositionSelector, TextQuoteSelector } from '../contract/annotation.ts';

export interface AnnotationSelectors {
  quote: TextQuoteSelector;
  /** Missing for annotations imported from tools that only record the quote. */
  position?: TextPositionSelector | null;
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
export interface ExportedAnnotation extends Annotation {
  format: 'newsroom-reader/1';
  type: 'annotation';
}

// --- Runtime schemas for records that arrive from outside (export files, IPC) ---

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

/** What annotations need to know of the article they are on: enough to name it in an export. */
export type AnnotatedArticle = Pick<Article, 'id' | 'title' | 'source' | 'url' | 'publishedAt'> & {
  /** The article's blocks, when the library gives them: pages of a PDF come from them. */
  blocks?: Article['blocks'];
};

/** A highlight read back from an article's Markdown or a JSON-LD export, not yet placed. */
export const ANNOTATION_IMPORT_RECORD = 'annotation-import';

/** What an import runner hands the library for each such highlight: the annotation and the article the file names. */
export interface AnnotationImportRecord {
  format: 'newsroom-reader/1';
  type: typeof ANNOTATION_IMPORT_RECORD;
  article: ArticleReference;
  annotation: Omit<ImportedAnnotation, 'articleId'>;
}
