// An annotation as every layer sees it: a highlight with an optional note on an article, anchored
// with W3C Web Annotation selectors so it survives edits to the article text. Plain data, and the
// runtime schemas of its parts that the command contract checks arguments with.
import * as v from 'valibot';

import { ANNOTATION_COLORS, type AnnotationColor } from './annotation-colors.ts';

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
  /**
   * The page of a paged document (PDF) the highlight starts on, for citations ("tr. 3"). Derived from
   * the article's blocks when annotations are read for an article or exported; never stored.
   */
  page?: number;
  /** Who wrote it (a PostgreSQL role) when the library is linked to a shared archive; absent in a library of one. */
  author?: string;
  /** The desk it is shared with; null or absent: private to its author. */
  desk?: string | null;
  /** Set when another reporter wrote it (pulled from the archive): shown with its author, read-only here. */
  foreign?: true;
}

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
