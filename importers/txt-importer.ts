// Plain text, including our users' scraped articles: one line, paragraphs separated by runs of spaces.
import type { BlockPiece } from './block-builder.ts';
import { createDraft } from './article-draft.ts';
import { extensionOf, mediaType } from './format-sniff.ts';
import type { ImportInput, Importer, ParsedItem } from './import-types.ts';
import { ImportInputError } from './import-types.ts';
import { findPublishedDate } from './published-date.ts';
import { decodeInput, withEncoding } from './text-decoding.ts';
import { collapseWhitespace, normalizeText } from './text-normalize.ts';
import { cleanFirstSentence, isMostlyWords, isPlausibleTitle, MAX_TITLE_LENGTH } from './title-from-text.ts';

const MAX_CAPTION_LENGTH = 250;

/**
 * Photo captions as scraped Vietnamese (and wire) articles print them. Conservative: "Ảnh hưởng"
 * (influence) starts with "Ảnh", so a bare "Ảnh" prefix is not enough — it needs a colon or "minh hoạ".
 */
export function looksLikeCaption(text: string): boolean {
  if (text.length > MAX_CAPTION_LENGTH) return false;
  return (
    /^(?:Ảnh|Photo|Hình|Nguồn ảnh)\s*:/iu.test(text) ||
    /^Ảnh\s+minh\s+ho[ạà]/iu.test(text) ||
    /\(\s*(?:Ảnh|Photo|Hình|Nguồn)\s*:[^()]*\)\s*\.?$/iu.test(text) ||
    /(?:^|[.!?…]\s+|\s[-–—]\s)(?:Ảnh|Photo)\s*:\s*[^.!?]{1,80}$/u.test(text)
  );
}

/** Paragraphs of a file that is one long line (normalised): scrapers joined paragraphs with two or more spaces. */
function singleLineParagraphs(line: string): string[] {
  return line
    .split(/ {2,}|\t+/)
    .map(collapseWhitespace)
    .filter((segment) => segment.length > 0);
}

/** Paragraphs of a multi-line file: on blank lines, or each line when there are none. */
function multiLineParagraphs(lines: string[]): string[][] {
  const hasBlankLines = lines.some((line, i) => line.trim() === '' && i > 0 && i < lines.length - 1);
  if (!hasBlankLines) return lines.filter((line) => line.trim() !== '').map((line) => [line]);
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A first paragraph that reads like a headline (title-from-text.ts), and is no photo caption. */
function isTitleLine(paragraph: string): boolean {
  return paragraph.length <= MAX_TITLE_LENGTH && isPlausibleTitle(paragraph) && !looksLikeCaption(paragraph);
}

export const txtImporter: Importer = {
  id: 'txt',
  accepts(input: ImportInput): boolean {
    const ext = extensionOf(input.name);
    return ext === 'txt' || ext === 'text' || mediaType(input.contentType) === 'text/plain';
  },
  async parse(input: ImportInput): Promise<ParsedItem[]> {
    const decoded = decodeInput(input);
    const text = normalizeText(decoded.text);
    const lines = text.split('\n').map((line) => line.trimEnd());
    const nonEmpty = lines.filter((line) => line.trim() !== '');
    if (nonEmpty.length === 0) throw new ImportInputError({ kind: 'empty-file' });

    let paragraphs: string[];
    let title: string | null = null;
    if (nonEmpty.length === 1) {
      paragraphs = singleLineParagraphs(nonEmpty[0]!);
      // The scraped shape starts with the headline as its own segment.
      if (paragraphs.length > 1 && isTitleLine(paragraphs[0]!)) title = paragraphs.shift()!;
    } else {
      const groups = multiLineParagraphs(lines);
      paragraphs = groups.map((group) => collapseWhitespace(group.join(' '))).filter(Boolean);
      if (groups.length > 1 && groups[0]!.length === 1 && isTitleLine(paragraphs[0]!)) title = paragraphs.shift()!;
    }

    // No headline line: a clean first sentence names the article (the text keeps it), from the first
    // paragraph of prose: a dateline or a photo caption says nothing of what the article is about.
    if (title === null && paragraphs.length > 0) {
      const prose = paragraphs.find((paragraph) => isMostlyWords(paragraph) && !looksLikeCaption(paragraph)) ?? paragraphs[0]!;
      title = cleanFirstSentence(prose) || null;
    }
    // Each paragraph is tidyInline's output already: lines of normalised text, whitespace collapsed.
    const pieces: BlockPiece[] = paragraphs.map((paragraph) => ({
      kind: looksLikeCaption(paragraph) ? 'caption' : 'paragraph',
      text: paragraph,
      tidy: true,
    }));
    const draft = createDraft({ title, origin: input.origin, publishedAt: findPublishedDate(text), pieces });
    return withEncoding([{ kind: 'draft', draft }], decoded.encoding);
  },
};
