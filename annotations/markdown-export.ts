// An article's highlights and notes as a Markdown document a journalist can paste anywhere. Hidden
// comments carry what the text does not show (ids, times, context), so the parser loses nothing.
import type { AnnotatedArticle, Annotation, ColorLabels } from './model.ts';
import { ANNOTATION_END_MARKER, escapeMarkdownText, metadataComment, protectNoteLines } from './markdown-text.ts';
import { sortInReadingOrder } from './reading-order.ts';
import { safeArticleUrl } from '../contract/article-url.ts';
import { pageCitation } from '../contract/document-pages.ts';


export function exportArticleMarkdown(article: AnnotatedArticle, annotations: readonly Annotation[], labels: ColorLabels): string {
  const ordered = sortInReadingOrder(annotations.filter((annotation) => annotation.articleId === article.id));
  const placed = ordered.filter((annotation) => annotation.status === 'anchored');
  const orphans = ordered.filter((annotation) => annotation.status === 'orphan');

  const parts = [`# ${escapeMarkdownText(article.title.replace(/\s+/g, ' ').trim()) || 'Untitled'}`, articleDetails(article)];
  parts.push('## Highlights', ...placed.map((annotation) => annotationSection(annotation, labels)));
  if (placed.length === 0) parts.push('_No highlights._');
  if (orphans.length > 0) {
    parts.push('## Not found in the current text', ...orphans.map((annotation) => annotationSection(annotation, labels)));
  }
  return `${parts.join('\n\n')}\n`;
}

function articleDetails(article: AnnotatedArticle): string {
  const lines: string[] = [];
  if (article.source) lines.push(`- Source: ${escapeMarkdownText(article.source)}`);
  // Only web links become a Markdown autolink; <javascript:…> would be a clickable script in a viewer.
  if (article.url && safeArticleUrl(article.url)) lines.push(`- URL: <${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (article.publishedAt) lines.push(`- Date: ${article.publishedAt}`);
  lines.push('', metadataComment('article', { id: article.id, url: safeArticleUrl(article.url) }));
  return lines.join('\n');
}

function annotationSection(annotation: Annotation, labels: ColorLabels): string {
  const meta = metadataComment('annotation', {
    id: annotation.id,
    color: annotation.color,
    created: annotation.created,
    updated: annotation.updated,
    status: annotation.status,
    prefix: annotation.quote.prefix,
    suffix: annotation.quote.suffix,
    start: annotation.position.start,
    end: annotation.position.end,
  });
  const quote = escapeMarkdownText(annotation.quote.exact)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  // A highlight in a PDF is cited by its page, as a footnote would: "tr. 3".
  const page = annotation.page === undefined ? '' : ` · ${pageCitation(annotation.page)}`;
  const label = `**${escapeMarkdownText(labels[annotation.color])}** · ${annotation.color}${page}`;
  // The note is the user's own Markdown: written as is, so it renders as they meant it.
  const note = annotation.note === '' ? '' : `${protectNoteLines(annotation.note)}\n\n`;
  return `${meta}\n${quote}\n\n${label}\n\n${note}${ANNOTATION_END_MARKER}`;
}
