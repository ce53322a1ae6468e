// The `annotations.export` file: one article with its highlights as Markdown, or annotations (one
// article's or the whole library's) as W3C Web Annotation JSON-LD, with the file name to save it as.
import type { AnnotationExport } from '../contract/commands.ts';
import { exportAnnotationsJsonLd } from './jsonld-export.ts';
import { exportArticleMarkdown } from './markdown-export.ts';
import type { AnnotatedArticle, Annotation, ColorLabels } from './model.ts';

/** What an export reads; the annotation service provides it. */
export interface AnnotationExportSource {
  article(id: string): AnnotatedArticle | null;
  forArticle(articleId: string): Annotation[];
  list(): Annotation[];
  colorLabels(): ColorLabels;
}

export type AnnotationExportRequest = { format: 'md'; articleId: string } | { format: 'jsonld'; articleId?: string };

/** Null when the request names an article that is not in the library. */
export function exportAnnotations(source: AnnotationExportSource, request: AnnotationExportRequest, today = new Date()): AnnotationExport | null {
  const article = request.articleId === undefined ? null : source.article(request.articleId);
  if (request.articleId !== undefined && !article) return null;
  const labels = source.colorLabels();
  if (request.format === 'md') {
    return { filename: `${safeFileName(article!.title)}.md`, mediaType: 'text/markdown', content: exportArticleMarkdown(article!, source.forArticle(article!.id), labels) };
  }
  const annotations = article ? source.forArticle(article.id) : source.list();
  const collection = exportAnnotationsJsonLd(annotations, labels, (id) => (id === article?.id ? article.url : (source.article(id)?.url ?? null)));
  return {
    filename: article ? `annotations-${article.id}.jsonld` : `newsroom-annotations-${today.toISOString().slice(0, 10)}.jsonld`,
    mediaType: 'application/ld+json',
    content: `${JSON.stringify(collection, null, 2)}\n`,
  };
}

/** An article title as a file name every system accepts. */
export function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 80);
  return base || 'article';
}
