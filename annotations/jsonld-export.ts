// All annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), the format
// other annotation tools read. The note is a commenting TextualBody; the colour a classifying one.
import type { Annotation, ColorLabels, TextPositionSelector, TextQuoteSelector } from './model.ts';
import { compareReadingOrder } from './reading-order.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNOTATION_ID_PREFIX = 'urn:newsroom-reader:annotation:';
export const ARTICLE_ID_PREFIX = 'urn:newsroom-reader:article:';

export interface JsonLdTextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'classifying' | 'tagging';
  value: string;
  format?: string;
}

export interface JsonLdAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: JsonLdTextualBody[];
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface JsonLdAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: JsonLdAnnotation[] };
}

/** The target source: the article's URL when it has one (so other tools can match the page), else a URN. */
export function articleSource(articleId: string, url: string | null): string {
  return url ?? `${ARTICLE_ID_PREFIX}${articleId}`;
}

export function toJsonLdAnnotation(annotation: Annotation, labels: ColorLabels, articleUrl: string | null): JsonLdAnnotation {
  const body: JsonLdTextualBody[] = [];
  if (annotation.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/markdown' });
  body.push({ type: 'TextualBody', purpose: 'classifying', value: annotation.color });
  body.push({ type: 'TextualBody', purpose: 'tagging', value: labels[annotation.color] });
  return {
    id: `${ANNOTATION_ID_PREFIX}${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.note === '' ? 'highlighting' : 'commenting',
    created: annotation.created,
    modified: annotation.updated,
    body,
    target: {
      source: articleSource(annotation.articleId, articleUrl),
      selector: [{ ...annotation.quote }, { ...annotation.position }],
    },
  };
}

/** `articleUrl` looks up an article's URL (null when it has none or is unknown). */
export function exportAnnotationsJsonLd(
  annotations: readonly Annotation[],
  labels: ColorLabels,
  articleUrl: (articleId: string) => string | null,
): JsonLdAnnotationCollection {
  const ordered = [...annotations].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : compareReadingOrder(a, b)));
  const urls = new Map<string, string | null>();
  const items = ordered.map((annotation) => {
    if (!urls.has(annotation.articleId)) urls.set(annotation.articleId, articleUrl(annotation.articleId));
    return toJsonLdAnnotation(annotation, labels, urls.get(annotation.articleId)!);
  });
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Newsroom Reader annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
