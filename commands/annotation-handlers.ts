import { AnnotationError } from '../annotations/annotation-error.ts';
import type { CommandErrorCode, FailureReason } from '../contract/index.ts';
import type { Library } from '../library/index.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';

type AnnotationCommand = Extract<keyof CommandHandlers, `annotations.${string}`>;

const ERRORS: Record<AnnotationError['code'], { code: CommandErrorCode; reason: FailureReason }> = {
  'article-not-found': { code: 'not-found', reason: { kind: 'annotation.article-not-found' } },
  'annotation-not-found': { code: 'not-found', reason: { kind: 'annotation.not-found' } },
  'quote-not-found': { code: 'not-found', reason: { kind: 'annotation.quote-not-found' } },
  'invalid-range': { code: 'invalid-arguments', reason: { kind: 'annotation.invalid-range' } },
  'invalid-input': { code: 'invalid-arguments', reason: { kind: 'annotation.invalid-input' } },
};

/** The annotation core's own errors are written for users; they cross the contract with a matching code. */
function userFacing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AnnotationError) throw new CommandError(ERRORS[error.code].code, error.message, ERRORS[error.code].reason);
    throw error;
  }
}

function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 80);
  return base || 'article';
}

export function annotationHandlers(currentLibrary: () => Library): Pick<CommandHandlers, AnnotationCommand> {
  return {
    'annotations.list': ({ articleId, color, tag }) =>
      userFacing(() => (articleId && !color && !tag ? currentLibrary().highlights.forArticle(articleId) : currentLibrary().highlights.list({ articleId, color, tag }))),
    'annotations.create': (input) => userFacing(() => currentLibrary().highlights.create(input)),
    'annotations.update': ({ id, patch }) => userFacing(() => currentLibrary().highlights.update(id, patch)),
    'annotations.delete': ({ id }) => userFacing(() => currentLibrary().highlights.delete(id)),
    'annotations.restore': ({ annotation }) => userFacing(() => currentLibrary().highlights.restore(annotation)),
    'annotations.labels': () => currentLibrary().highlights.colorLabels(),
    'annotations.renameColor': ({ color, label }) => userFacing(() => currentLibrary().highlights.renameColor(color, label)),
    'annotations.export': ({ articleId, format }) =>
      userFacing(() => {
        const stamp = new Date().toISOString().slice(0, 10);
        if (format === 'md') {
          const article = currentLibrary().get(articleId!);
          if (!article) throw new CommandError('not-found', `No article with id ${articleId}`, { kind: 'article.not-found', id: articleId! });
          return { filename: `${safeFileName(article.title)}.md`, mediaType: 'text/markdown' as const, content: currentLibrary().highlights.markdown(article.id) };
        }
        const collection = currentLibrary().highlights.jsonLd(articleId);
        return {
          filename: articleId ? `annotations-${articleId}.jsonld` : `newsroom-annotations-${stamp}.jsonld`,
          mediaType: 'application/ld+json' as const,
          content: `${JSON.stringify(collection, null, 2)}\n`,
        };
      }),
  };
}
