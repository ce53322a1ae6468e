import type { SearchDocument } from './search-document.ts';
import { tokenize } from './tokenizer.ts';

/** Indexed fields and their boosts: exact over folded, title over body. */
export const FIELDS = {
  title: { boost: 8, positional: false },
  titleFolded: { boost: 5, positional: true },
  body: { boost: 1.6, positional: false },
  bodyFolded: { boost: 1, positional: true },
  author: { boost: 2, positional: false },
  source: { boost: 2, positional: false },
  tags: { boost: 3, positional: false },
  notes: { boost: 1.2, positional: false },
} as const;

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/**
 * One field's terms in text order with their positions: each syllable its own (a compound's parts
 * too, the compound and aliases at their first syllable's), and a gap of one at sentence
 * punctuation, so phrases and adjacency never run across a comma or a full stop.
 */
export interface FieldTokens {
  terms: string[];
  positions: number[];
}

export interface IndexedDocument {
  id: string;
  date: string;
  fields: Record<FieldName, FieldTokens>;
}

function textFields(text: string): { exact: FieldTokens; folded: FieldTokens } {
  const exact: FieldTokens = { terms: [], positions: [] };
  const folded: FieldTokens = { terms: [], positions: [] };
  for (const token of tokenize(text.normalize('NFC'))) {
    exact.terms.push(token.exact);
    exact.positions.push(token.position);
    folded.terms.push(token.folded);
    folded.positions.push(token.position);
  }
  return { exact, folded };
}

function foldedField(texts: readonly (string | null | undefined)[]): FieldTokens {
  const out: FieldTokens = { terms: [], positions: [] };
  for (const text of texts) {
    if (!text) continue;
    const { folded } = textFields(text);
    // Separate values (tags, notes) never read as one phrase across their boundary.
    const offset = out.positions.length ? out.positions[out.positions.length - 1]! + 2 : 0;
    out.terms.push(...folded.terms);
    out.positions.push(...folded.positions.map((p) => p + offset));
  }
  return out;
}

export function toIndexedDocument(doc: SearchDocument): IndexedDocument {
  const title = textFields(doc.title);
  const body = textFields(doc.body);
  return {
    id: doc.id,
    date: doc.publishedAt ?? doc.importedAt,
    fields: {
      title: title.exact,
      titleFolded: title.folded,
      body: body.exact,
      bodyFolded: body.folded,
      author: foldedField([doc.author]),
      source: foldedField([doc.source]),
      tags: foldedField(doc.tags),
      notes: foldedField(doc.notes),
    },
  };
}
