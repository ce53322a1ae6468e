// The order a reader meets annotations in: by place in the text, orphans (which have none) last.
import type { Annotation } from './model.ts';

export function compareReadingOrder(a: Annotation, b: Annotation): number {
  if (a.status !== b.status) return a.status === 'orphan' ? 1 : -1;
  return a.position.start - b.position.start || a.position.end - b.position.end || a.created.localeCompare(b.created) || a.id.localeCompare(b.id);
}

export function sortInReadingOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(compareReadingOrder);
}
