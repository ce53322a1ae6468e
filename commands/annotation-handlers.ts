import { AnnotationError } from '../annotations/annotation-error.ts';
import { exportAnnotations } from '../annotations/annotation-export.ts';
import type { CommandErrorCode, FailureReason } from '../contract/index.ts';
import type { Library } from '../library/index.ts';
import { filterAnnotations } from './annotation-view-filter.ts';
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

export function annotationHandlers(currentLibrary: () => Library): Pick<CommandHandlers, AnnotationCommand> {
  return {
    'annotations.list': async (filter) => {
      if (filter.articleId && Object.values(filter).filter((value) => value !== undefined).length === 1) {
        const { articleId } = filter;
        return userFacing(() => currentLibrary().annotations.forArticle(articleId));
      }
      return (await filterAnnotations(currentLibrary(), filter)).annotations;
    },
    'annotations.create': (input) => userFacing(() => currentLibrary().annotations.create(input)),
    'annotations.update': ({ id, patch }) => userFacing(() => currentLibrary().annotations.update(id, patch)),
    'annotations.delete': ({ id }) => userFacing(() => currentLibrary().annotations.delete(id)),
    'annotations.restore': ({ annotation }) => userFacing(() => currentLibrary().annotations.restore(annotation)),
    'annotations.labels': () => currentLibrary().annotations.colorLabels(),
    'annotations.renameColor': ({ color, label }) => userFacing(() => currentLibrary().annotations.renameColor(color, label)),
    'annotations.export': ({ articleId, format }) =>
      userFacing(() => {
        const request = format === 'md' ? { format, articleId: articleId! } : { format, articleId };
        const file = exportAnnotations(currentLibrary().annotations, request);
        if (!file) throw new CommandError('not-found', `No article with id ${articleId}`, { kind: 'article.not-found', id: articleId! });
        return file;
      }),
  };
}
