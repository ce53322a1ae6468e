// Failures the annotation core raises on purpose; the message is written for the user as is.

export type AnnotationErrorCode = 'article-not-found' | 'annotation-not-found' | 'quote-not-found' | 'invalid-range' | 'invalid-input';

export class AnnotationError extends Error {
  readonly code: AnnotationErrorCode;

  constructor(code: AnnotationErrorCode, message: string) {
    super(message);
    this.name = 'AnnotationError';
    this.code = code;
  }
}
