// Reads W3C Web Annotation JSON-LD: our own export, and the common shapes other tools write (a
// single annotation, an array, a page, a collection; body or bodyValue; one selector or several).
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { ANNOTATION_ID_PREFIX, ARTICLE_ID_PREFIX } from './jsonld-export.ts';
import {
  ANNOTATION_COLORS,
  DEFAULT_ANNOTATION_COLOR,
  DEFAULT_COLOR_LABELS,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  isAnnotationColor,
  resolveByExportedId,
  type AnnotationColor,
  type ArticleReference,
  type ArticleResolver,
  type ColorLabels,
  type ImportedAnnotation,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './model.ts';

export interface JsonLdImportOptions {
  /** Maps the target source (URL or article URN) to an article in this library. */
  resolveArticle?: ArticleResolver;
  /** To recognise a colour from a tag when there is no classifying body. */
  labels?: ColorLabels;
}

export interface JsonLdImportResult {
  annotations: ImportedAnnotation[];
  /** `index` is the annotation's 0-based position in the file. */
  failed: { index: number; error: string }[];
}

type Json = Record<string, unknown>;

export function parseAnnotationsJsonLd(input: unknown, options: JsonLdImportOptions = {}): JsonLdImportResult {
  const document: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  const result: JsonLdImportResult = { annotations: [], failed: [] };
  annotationItems(document).forEach((item, index) => {
    try {
      result.annotations.push(readAnnotation(item, options));
    } catch (error) {
      result.failed.push({ index, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return result;
}

function annotationItems(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) throw new TypeError('not a Web Annotation document');
  if (hasType(document, 'AnnotationCollection')) {
    const first = document.first;
    return isObject(first) ? annotationItems(first) : [];
  }
  if (hasType(document, 'AnnotationPage')) return Array.isArray(document.items) ? document.items : [];
  return [document];
}

function readAnnotation(item: unknown, options: JsonLdImportOptions): ImportedAnnotation {
  if (!isObject(item) || !hasType(item, 'Annotation')) throw new Error('not an Annotation');
  const target = asList(item.target).find((entry) => isObject(entry) && entry.selector !== undefined);
  if (!isObject(target)) throw new Error('the target has no selector');
  const { quote, position } = readSelectors(target.selector);

  const reference = sourceReference(target.source);
  const articleId = (options.resolveArticle ?? resolveByExportedId)(reference);
  if (articleId === null) throw new Error(`no article in the library for ${reference.url ?? reference.id ?? 'the target'}`);

  const bodies = asList(item.body).filter(isObject);
  const now = new Date().toISOString();
  const created = timestamp(item.created) ?? timestamp(item.modified) ?? now;
  return {
    id: annotationId(item.id),
    articleId,
    quote,
    position,
    color: readColor(bodies, options.labels ?? DEFAULT_COLOR_LABELS),
    note: readNote(item, bodies),
    created,
    updated: timestamp(item.modified) ?? created,
  };
}

function readSelectors(selector: unknown): { quote: TextQuoteSelector; position: TextPositionSelector | null } {
  // Some tools nest the selector we want inside `refinedBy`.
  const all = asList(selector).flatMap((entry) => (isObject(entry) && entry.refinedBy ? [entry, ...asList(entry.refinedBy)] : [entry]));
  const quote = all.map((entry) => v.safeParse(TextQuoteSelectorSchema, entry)).find((parsed) => parsed.success);
  if (!quote?.success) throw new Error('no TextQuoteSelector with an exact quote');
  const position = all.map((entry) => v.safeParse(TextPositionSelectorSchema, entry)).find((parsed) => parsed.success);
  return {
    quote: { type: 'TextQuoteSelector', exact: quote.output.exact, prefix: quote.output.prefix, suffix: quote.output.suffix },
    position: position?.success ? { type: 'TextPositionSelector', start: position.output.start, end: position.output.end } : null,
  };
}

function sourceReference(source: unknown): ArticleReference {
  const iri = typeof source === 'string' ? source : isObject(source) && typeof source.id === 'string' ? source.id : null;
  if (iri === null) return { id: null, url: null };
  if (iri.startsWith(ARTICLE_ID_PREFIX)) return { id: iri.slice(ARTICLE_ID_PREFIX.length), url: null };
  return { id: null, url: iri };
}

function readNote(item: Json, bodies: Json[]): string {
  const comments = bodies
    .filter((body) => body.purpose === 'commenting' || (body.purpose === undefined && hasType(body, 'TextualBody')))
    .map((body) => body.value)
    .filter((value): value is string => typeof value === 'string');
  if (typeof item.bodyValue === 'string') comments.unshift(item.bodyValue);
  return comments.join('\n\n');
}

function readColor(bodies: Json[], labels: ColorLabels): AnnotationColor {
  const classified = bodies.find((body) => body.purpose === 'classifying' && isAnnotationColor(body.value));
  if (classified && isAnnotationColor(classified.value)) return classified.value;
  for (const body of bodies) {
    if (body.purpose !== 'tagging' || typeof body.value !== 'string') continue;
    const tag = body.value.trim().toLocaleLowerCase();
    const color = ANNOTATION_COLORS.find((name) => name === tag || labels[name].toLocaleLowerCase() === tag);
    if (color) return color;
  }
  return DEFAULT_ANNOTATION_COLOR;
}

function annotationId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return randomUUID();
  return id.startsWith(ANNOTATION_ID_PREFIX) ? id.slice(ANNOTATION_ID_PREFIX.length) : id;
}

function timestamp(value: unknown): string | null {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function hasType(value: Json, type: string): boolean {
  return value.type === type || (Array.isArray(value.type) && value.type.includes(type));
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
