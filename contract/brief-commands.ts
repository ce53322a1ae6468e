// The brief commands (issue 16 §5), joined into the one table by commands.ts, and the All annotations
// view's filter, which annotations.list shares.
import * as v from 'valibot';
import { AnnotationColorSchema } from './annotation.ts';
import { BRIEF_FORMATS, BRIEF_LANGUAGES, BRIEF_ORDERS, type BriefFile, type Citation } from './brief.ts';
import { CITATION_STYLES } from './settings-defaults.ts';
import { command, Id, IsoDate, Name } from './command-spec.ts';
import { ANNOTATION_AUTHOR_FILTERS } from './archive.ts';
import { returns } from './returns.ts';

/** An IANA time zone the runtime knows ("Asia/Ho_Chi_Minh"): times in a brief are the reader's local times. */
const TimeZone = v.pipe(
  v.string(),
  v.maxLength(100),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone'),
);

/** The filters of the All annotations view beyond annotations.list's own (colour, label, article). */
export const AnnotationViewFilterEntries = {
  articleTag: v.optional(Name),
  source: v.optional(Name),
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  text: v.optional(v.pipe(v.string(), v.maxLength(1000, 'the text filter is too long'))),
  /** Shared archive: only my annotations, or only those others shared to my desks. */
  by: v.optional(v.picklist(ANNOTATION_AUTHOR_FILTERS, 'by is me or desk')),
};

export const AnnotationViewFilterSchema = v.strictObject({
  color: v.optional(AnnotationColorSchema),
  tag: v.optional(Name),
  articleId: v.optional(Id),
  ...AnnotationViewFilterEntries,
});

const Style = v.picklist(CITATION_STYLES, `style must be one of ${CITATION_STYLES.join(', ')}`);
const Language = v.picklist(BRIEF_LANGUAGES, `language must be one of ${BRIEF_LANGUAGES.join(', ')}`);

export const briefCommands = {
  'briefs.export': command(
    'One brief of the annotations a filter selects, grouped by article: title, author, source, local publication time, URL, quotes with notes, citation. Markdown or DOCX.',
    v.strictObject({
      filter: AnnotationViewFilterSchema,
      format: v.picklist(BRIEF_FORMATS, 'format must be md or docx'),
      order: v.optional(v.picklist(BRIEF_ORDERS, `order must be one of ${BRIEF_ORDERS.join(', ')}`)),
      style: Style,
      language: Language,
      timeZone: TimeZone,
    }),
    returns<BriefFile>(),
  ),
  'briefs.cite': command(
    'An article’s citation in a style, for "copy as quote"; page when the passage has one (PDFs).',
    v.strictObject({ articleId: Id, style: Style, language: Language, timeZone: TimeZone, page: v.optional(v.pipe(v.string(), v.maxLength(40))) }),
    returns<Citation>(),
  ),
};
