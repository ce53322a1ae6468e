// The one place drafts are assembled, so every importer stores the same normalised shape.
import type { ArticleDraft } from '../library/model.ts';
import { safeArticleUrl } from '../contract/article-url.ts';
import { buildBody, type BlockPiece } from './block-builder.ts';
import { ImportInputError } from './import-types.ts';
import { detectLanguage } from './language-detect.ts';
import { tidyInline } from './text-normalize.ts';
import { firstSentence, shortenAtWord } from './title-from-text.ts';

export interface DraftFields {
  title?: string | null;
  author?: string | null;
  source?: string | null;
  url?: string | null;
  /** Declared language (html lang, feed language); the text decides when absent. */
  language?: string | null;
  publishedAt?: string | null;
  origin: string;
  tags?: readonly string[];
  pieces: readonly BlockPiece[];
}

function optionalText(value: string | null | undefined): string | null {
  const tidy = tidyInline(value ?? '');
  return tidy.length > 0 ? tidy : null;
}

function tidyTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const tidy = tidyInline(tag);
    if (tidy) seen.add(tidy);
  }
  return [...seen];
}

/** Builds body and blocks, falls back to the first sentence for a title; rejects drafts without text. */
export function createDraft(fields: DraftFields): ArticleDraft {
  const { body, blocks, imageSources } = buildBody(fields.pieces);
  const title = optionalText(fields.title);
  if (body.length === 0) throw new ImportInputError({ kind: 'no-text' });
  const firstText = blocks.find((block) => block.end > block.start)!;
  return {
    title: title ? shortenAtWord(title, 300) : firstSentence(body.slice(0, firstText.end)),
    author: optionalText(fields.author),
    source: optionalText(fields.source),
    // Only web addresses: a hostile page's javascript: or data: link must not become the article's link.
    url: safeArticleUrl(optionalText(fields.url)),
    language: detectLanguage(`${title ?? ''} ${body}`, fields.language),
    publishedAt: fields.publishedAt ?? null,
    body,
    blocks,
    origin: fields.origin,
    tags: tidyTags(fields.tags ?? []),
    ...(imageSources.length > 0 ? { imageSources } : {}),
  };
}
