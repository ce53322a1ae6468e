import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { Annotation, Article } from '../../../contract/index.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

// library.open is what the reader asks for on every open: the article and its annotations in one call.
// It must answer exactly what library.get and annotations.list answer, and change nothing.
describe('library.open', () => {
  const folder = temporaryFolder();
  let context: AppContext;
  let id: string;

  beforeAll(async () => {
    context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
    const added = context.library.addArticle(draft());
    id = added.id;
    // Created out of reading order, so the answer has to put them back in it.
    context.library.annotations.create({ articleId: id, start: 20, end: 29, color: 'green', note: 'số liệu' });
    context.library.annotations.create({ articleId: id, start: 0, end: 7, color: 'yellow' });
  });

  afterAll(async () => {
    await context.close();
    folder.remove();
  });

  const value = async <T>(name: string, args: unknown): Promise<T> => {
    const outcome = await context.dispatch(name, args);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as T;
  };

  it('answers the article and its annotations in reading order, as library.get and annotations.list do', async () => {
    const generation = context.library.generation();
    const opened = await value<{ article: Article; annotations: Annotation[] }>('library.open', { id });
    expect(opened.article).toEqual(await value<Article>('library.get', { id }));
    expect(opened.annotations).toEqual(await value<Annotation[]>('annotations.list', { articleId: id }));
    expect(opened.annotations.map((a) => a.position.start)).toEqual([0, 20]);
    // Opening is not reading: nothing is marked read and nothing is written.
    expect(opened.article.read).toBe(false);
    expect(context.library.generation()).toBe(generation);
  });

  it('refuses an unknown id with the same reason as library.get', async () => {
    const outcome = await context.dispatch('library.open', { id: 'missing' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found', reason: { kind: 'article.not-found', id: 'missing' } } });
  });
});
