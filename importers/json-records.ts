// Validation of JSON article records and library-export lines (valibot), one record at a time.
import * as v from 'valibot';
import type { ExportedArticle } from '../library/model.ts';
import { createDraft } from './article-draft.ts';
import type { BlockPiece } from './block-builder.ts';
import { htmlToPieces } from './html-to-blocks.ts';
import { ImportInputError, type OtherExportRecord, type ParsedItem } from './import-types.ts';
import { toIsoDate } from './published-date.ts';
import { paragraphsFromPlainText } from './text-normalize.ts';

export const EXPORT_FORMAT = 'newsroom-reader/1';

const NullableText = v.nullish(v.string());

/** A plain article record as other tools write it: `body`, `content` or `text` holds the text. */
const ArticleRecordSchema = v.pipe(
  v.looseObject({
    title: v.optional(v.string()),
    body: v.optional(v.string()),
    content: v.optional(v.string()),
    text: v.optional(v.string()),
    url: NullableText,
    author: v.nullish(v.union([v.string(), v.array(v.string())])),
    publishedAt: NullableText,
    date: NullableText,
    source: NullableText,
    language: NullableText,
    tags: v.nullish(v.union([v.array(v.string()), v.string()])),
  }),
  v.check((record) => [record.body, record.content, record.text].some((text) => !!text?.trim()), 'needs a non-empty body, content or text'),
);

const FigureSchema = v.strictObject({
  image: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}\.(jpg|png|gif|webp|avif)$/))),
  src: v.nullable(v.string()),
  alt: v.string(),
  credit: v.nullable(v.string()),
  width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

const BlockSchema = v.strictObject({
  kind: v.picklist(['paragraph', 'heading', 'quote', 'list-item', 'caption', 'figure']),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6))),
  figure: v.optional(FigureSchema),
});

const ExportedArticleSchema = v.pipe(
  v.object({
    format: v.literal(EXPORT_FORMAT),
    type: v.literal('article'),
    id: v.pipe(v.string(), v.minLength(1)),
    title: v.string(),
    author: v.nullable(v.string()),
    source: v.nullable(v.string()),
    url: v.nullable(v.string()),
    language: v.string(),
    publishedAt: v.nullable(v.string()),
    importedAt: v.string(),
    body: v.string(),
    blocks: v.array(BlockSchema),
    origin: v.string(),
    contentHash: v.string(),
    state: v.object({
      read: v.boolean(),
      starred: v.boolean(),
      archived: v.boolean(),
      trashedAt: v.nullable(v.string()),
      tags: v.array(v.string()),
      collection: v.nullable(v.string()),
      readingPosition: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    }),
  }),
  v.check(
    (record) => record.blocks.every((block) => block.start <= block.end && block.end <= record.body.length),
    'a block lies outside the body',
  ),
);

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

type JsonRecordResult = Exclude<ParsedItem, { kind: 'failed' }>;

/** Turns one parsed JSON value into an item; throws ImportInputError with the reason when it does not validate. */
export function recordToItem(value: unknown, origin: string): JsonRecordResult {
  if (typeof value === 'object' && value !== null && 'format' in value) {
    const { format, type } = value as { format: unknown; type: unknown };
    if (format !== EXPORT_FORMAT) throw new ImportInputError({ kind: 'unsupported-export-format', format: String(JSON.stringify(format)) });
    if (type !== 'article') {
      if (typeof type !== 'string' || !type) throw new ImportInputError({ kind: 'record-without-type' });
      return { kind: 'other', record: value as OtherExportRecord };
    }
    const result = v.safeParse(ExportedArticleSchema, value);
    if (!result.success) throw new ImportInputError({ kind: 'invalid-record', record: 'export', detail: describeIssues(result.issues) });
    return { kind: 'restore', record: result.output as ExportedArticle };
  }

  const result = v.safeParse(ArticleRecordSchema, value);
  if (!result.success) throw new ImportInputError({ kind: 'invalid-record', record: 'article', detail: describeIssues(result.issues) });
  const record = result.output;
  const text = [record.body, record.content, record.text].find((candidate) => !!candidate?.trim())!;
  const tags = typeof record.tags === 'string' ? record.tags.split(',') : (record.tags ?? []);
  const author = Array.isArray(record.author) ? record.author.join(', ') : record.author;
  return {
    kind: 'draft',
    draft: createDraft({
      title: record.title ?? null,
      author: author ?? null,
      source: record.source ?? null,
      url: record.url ?? null,
      language: record.language ?? null,
      publishedAt: toIsoDate(record.publishedAt ?? record.date),
      origin,
      tags,
      pieces: textToPieces(text),
    }),
  };
}

/** Records often carry HTML bodies (CMS exports); plain text is split on blank lines. */
function textToPieces(text: string): BlockPiece[] {
  if (/<(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure)\b[^>]*>/i.test(text)) {
    return htmlToPieces(text);
  }
  return paragraphsFromPlainText(text).map((paragraph) => ({ kind: 'paragraph', text: paragraph }));
}
