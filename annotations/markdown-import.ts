// Reads back what exportArticleMarkdown wrote: the article it belongs to and every annotation.
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { AnnotationError } from './annotation-error.ts';
import { ANNOTATION_END_MARKER, readMetadataComment, unescapeMarkdownText, unprotectNoteLine } from './markdown-text.ts';
import {
  AnnotationColorSchema,
  DEFAULT_ANNOTATION_COLOR,
  resolveByExportedId,
  type ArticleReference,
  type ArticleResolver,
  type ImportedAnnotation,
} from './model.ts';

export interface MarkdownAnnotations {
  article: ArticleReference & { title: string | null };
  /** The article id in this library, from the resolver. */
  articleId: string;
  annotations: ImportedAnnotation[];
}

const ArticleMetaSchema = v.object({ id: v.nullish(v.string(), null), url: v.nullish(v.string(), null) });

const AnnotationMetaSchema = v.object({
  id: v.optional(v.pipe(v.string(), v.minLength(1))),
  color: v.optional(AnnotationColorSchema),
  created: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  updated: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  prefix: v.optional(v.string(), ''),
  suffix: v.optional(v.string(), ''),
  start: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  end: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

// The page (" · tr. 3") follows the colour for highlights in PDFs; it is derived again on import, not read.
const LABEL_LINE = /^\*\*.*\*\* · ([a-z]+)(?: · tr\. \d+)?$/;

export function parseAnnotationsMarkdown(markdown: string, resolveArticle: ArticleResolver = resolveByExportedId): MarkdownAnnotations {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const article: MarkdownAnnotations['article'] = { id: null, url: null, title: null };
  const drafts: Omit<ImportedAnnotation, 'articleId'>[] = [];

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (article.title === null && line.startsWith('# ')) article.title = unescapeMarkdownText(line.slice(2));
    const urlLine = /^- URL: <(.*)>$/.exec(line);
    if (urlLine && article.url === null) article.url = urlLine[1]!;
    const articleMeta = v.safeParse(ArticleMetaSchema, readMetadataComment('article', line));
    if (articleMeta.success) Object.assign(article, { id: articleMeta.output.id, url: articleMeta.output.url ?? article.url });
    const annotationMeta = readMetadataComment('annotation', line);
    if (annotationMeta !== null) {
      const section = readAnnotationSection(lines, index + 1, annotationMeta, drafts.length + 1);
      drafts.push(section.annotation);
      index = section.next - 1;
    }
  }

  const articleId = resolveArticle({ id: article.id, url: article.url });
  if (articleId === null) {
    const which = article.url ?? article.id ?? article.title ?? 'unknown';
    throw new AnnotationError('article-not-found', `The article these annotations belong to is not in the library: ${which}.`);
  }
  return { article, articleId, annotations: drafts.map((draft) => ({ ...draft, articleId })) };
}

function readAnnotationSection(
  lines: readonly string[],
  from: number,
  rawMeta: unknown,
  ordinal: number,
): { annotation: Omit<ImportedAnnotation, 'articleId'>; next: number } {
  const parsed = v.safeParse(AnnotationMetaSchema, rawMeta);
  if (!parsed.success) throw new AnnotationError('invalid-input', `Highlight ${ordinal}: unreadable details (${parsed.issues[0].message}).`);
  const meta = parsed.output;

  let index = from;
  const quoteLines: string[] = [];
  while (index < lines.length && lines[index]!.startsWith('>')) {
    const line = lines[index++]!;
    quoteLines.push(line.startsWith('> ') ? line.slice(2) : line.slice(1));
  }
  const quote = unescapeMarkdownText(quoteLines.join('\n'));
  if (quote === '') throw new AnnotationError('invalid-input', `Highlight ${ordinal} has no quote.`);

  let labelColor: string | null = null;
  if (lines[index] === '' && LABEL_LINE.test(lines[index + 1] ?? '')) {
    labelColor = LABEL_LINE.exec(lines[index + 1]!)![1]!;
    index += 2;
  }
  if (lines[index] === '') index++;

  const noteLines: string[] = [];
  while (index < lines.length && lines[index] !== ANNOTATION_END_MARKER) noteLines.push(unprotectNoteLine(lines[index++]!));
  if (index === lines.length) throw new AnnotationError('invalid-input', `Highlight ${ordinal} is not closed by ${ANNOTATION_END_MARKER}.`);
  // The writer puts one blank line between the note and the end marker.
  const note = noteLines.length === 0 ? '' : noteLines.join('\n').replace(/\n$/, '');

  const labelled = v.safeParse(AnnotationColorSchema, labelColor);
  const now = new Date().toISOString();
  const hasPosition = meta.start !== undefined && meta.end !== undefined && meta.end >= meta.start;
  return {
    annotation: {
      id: meta.id ?? randomUUID(),
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: meta.prefix, suffix: meta.suffix },
      position: hasPosition ? { type: 'TextPositionSelector', start: meta.start!, end: meta.end! } : null,
      color: meta.color ?? (labelled.success ? labelled.output : DEFAULT_ANNOTATION_COLOR),
      note,
      created: meta.created ?? meta.updated ?? now,
      updated: meta.updated ?? meta.created ?? now,
    },
    next: index + 1,
  };
}
