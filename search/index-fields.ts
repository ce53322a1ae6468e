import type { SearchDocument } from '../library/model.ts';
import { tokenize, wholeTokens, type Token } from './tokenizer.ts';

/** lunr fields and their boosts: exact over folded, title over body. */
export const FIELDS = {
  title: { boost: 8 },
  titleFolded: { boost: 5 },
  titlePairs: { boost: 6 },
  body: { boost: 1.6 },
  bodyFolded: { boost: 1 },
  bodyPairs: { boost: 1.4 },
  author: { boost: 2 },
  source: { boost: 2 },
  tags: { boost: 3 },
  notes: { boost: 1.2 },
} as const;

export type FieldName = keyof typeof FIELDS;

export interface IndexedDocument {
  id: string;
  date: string;
  fields: Record<FieldName, string[]>;
}

/** Folded syllable bigrams joined by a space: "con tin", "ngung ban". */
export function pairsOf(tokens: readonly Token[]): string[] {
  const whole = wholeTokens(tokens);
  const pairs: string[] = [];
  for (let i = 1; i < whole.length; i++) pairs.push(`${whole[i - 1]!.folded} ${whole[i]!.folded}`);
  return pairs;
}

function foldedOf(text: string | null | undefined): string[] {
  return text ? tokenize(text.normalize('NFC')).map((token) => token.folded) : [];
}

export function toIndexedDocument(doc: SearchDocument): IndexedDocument {
  const titleTokens = tokenize(doc.title.normalize('NFC'));
  const bodyTokens = tokenize(doc.body.normalize('NFC'));
  const notes = doc.notes.join('\n');
  return {
    id: doc.id,
    date: doc.publishedAt ?? doc.importedAt,
    fields: {
      title: titleTokens.map((token) => token.exact),
      titleFolded: titleTokens.map((token) => token.folded),
      titlePairs: pairsOf(titleTokens),
      body: bodyTokens.map((token) => token.exact),
      bodyFolded: bodyTokens.map((token) => token.folded),
      bodyPairs: pairsOf(bodyTokens),
      author: foldedOf(doc.author),
      source: foldedOf(doc.source),
      tags: doc.tags.flatMap((tag) => foldedOf(tag)),
      notes: foldedOf(notes),
    },
  };
}
