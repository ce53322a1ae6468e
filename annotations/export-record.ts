// Annotations as lines of the library's NDJSON export, next to the article records.
import type { Annotation, ExportedAnnotation } from './model.ts';

export function toExportRecord(annotation: Annotation): ExportedAnnotation {
  return {
    format: 'newsroom-reader/1',
    type: 'annotation',
    id: annotation.id,
    articleId: annotation.articleId,
    quote: { ...annotation.quote },
    position: { ...annotation.position },
    status: annotation.status,
    color: annotation.color,
    note: annotation.note,
    created: annotation.created,
    updated: annotation.updated,
  };
}
