import type { Annotation } from '../contract/index.ts';

/** Marks stripped, đ→d, lowercase: how a reader's query meets a note typed with or without accents. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase();
}

/**
 * The first annotation (in reading order) whose note or quote holds every word of the query: a
 * search hit found through a note opens the article at that annotation.
 */
export function annotationMatchingQuery(annotations: readonly Annotation[], query: string): Annotation | null {
  const words = (fold(query).replace(/(^|\s)-\S+/gu, ' ').replace(/\b(title|source|author|tag|note):/gu, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).filter(Boolean);
  if (words.length === 0) return null;
  return (
    annotations.find((annotation) => {
      if (annotation.note.trim() === '') return false;
      const text: string[] = fold(`${annotation.note} ${annotation.quote.exact}`).match(/[\p{L}\p{N}]+/gu) ?? [];
      return words.every((word) => text.includes(word));
    }) ?? null
  );
}
