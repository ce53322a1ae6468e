// Briefs: the quotes and notes of a filtered All annotations view, gathered into one document for a
// story draft (issue 16 §5). Plain shared data: the renderer imports these types and CITATION_STYLES.
import type { AnnotationColor } from './annotation-colors.ts';
import type { AnnotationAuthorFilter } from './archive.ts';

/** What the All annotations view is filtered by; the brief export takes the same filter. */
export interface AnnotationViewFilter {
  color?: AnnotationColor;
  /** A colour's label (case-insensitive) or colour name. */
  tag?: string;
  articleId?: string;
  /** One of the article's own tags. */
  articleTag?: string;
  source?: string;
  /** YYYY-MM-DD, inclusive, on the publication date (the import date for an undated article). */
  from?: string;
  to?: string;
  /** Words looked for in the note and quote, read the way search reads a query. */
  text?: string;
  /** Shared archive: only annotations written in this library ('me'), or only those others shared to my desks ('desk'). */
  by?: AnnotationAuthorFilter;
}

export const BRIEF_FORMATS = ['md', 'docx'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** The order of the articles in a brief; quotes within an article follow reading order. */
export const BRIEF_ORDERS = ['published-desc', 'published-asc', 'title', 'source', 'annotated'] as const;
export type BriefOrder = (typeof BRIEF_ORDERS)[number];

export const BRIEF_LANGUAGES = ['vi', 'en'] as const;
export type BriefLanguage = (typeof BRIEF_LANGUAGES)[number];

export interface BriefFile {
  filename: string;
  mediaType: 'text/markdown' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  /** UTF-8 text for Markdown; base64 for DOCX (it crosses IPC and HTTP as JSON). */
  content: string;
  encoding: 'utf-8' | 'base64';
  articles: number;
  quotes: number;
}

export interface Citation {
  /** The citation as plain text, in the chosen style. */
  text: string;
}
