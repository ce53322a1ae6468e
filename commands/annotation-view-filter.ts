// The All annotations view's filter, applied in the core so the view and the brief export select the
// same annotations: colour or label and article in the annotation store, then the article's tag,
// source and date, and text read the way search reads a query (search's folding; annotations/ may not
// import search/, so the two meet here). The search code is imported only for a text filter: the CLI's
// `annotations` loads no search code (test/unit/cli/cli-lazy-loading.test.ts).
import type { Annotation, AnnotationViewFilter, ArticleSummary } from '../contract/index.ts';
import type { Library } from '../library/index.ts';

export interface FilteredAnnotations {
  annotations: Annotation[];
  /** The articles they belong to (those still in the library). */
  articles: Map<string, ArticleSummary>;
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone; UTC's when none is given. */
function dayOf(iso: string, timeZone: string | undefined): string {
  if (!timeZone) return iso.slice(0, 10);
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const needsArticles = (filter: AnnotationViewFilter): boolean =>
  filter.articleTag !== undefined || filter.source !== undefined || filter.from !== undefined || filter.to !== undefined;

/** Newest first, as annotations.list answers; the brief orders them itself. */
export async function filterAnnotations(library: Library, filter: AnnotationViewFilter, timeZone?: string): Promise<FilteredAnnotations> {
  const { color, tag, articleId } = filter;
  let annotations = library.annotations.list({ color, tag, articleId });
  const matcher = filter.text === undefined ? null : (await import('../search/text-filter.ts')).textMatcher(filter.text);
  if (matcher) annotations = annotations.filter((annotation) => matcher(annotation.note, annotation.quote.exact));
  // With a shared archive, annotations pulled from it are other reporters' (foreign): "by me" is every
  // annotation written in this library, "by desk" those others shared to this reporter's desks.
  if (filter.by !== undefined) annotations = annotations.filter((annotation) => (annotation.foreign === true) === (filter.by === 'desk'));
  const articles = library.summaries([...new Set(annotations.map((annotation) => annotation.articleId))]);
  if (needsArticles(filter)) {
    const source = filter.source?.toLocaleLowerCase('vi');
    const keep = (article: ArticleSummary | undefined): boolean => {
      if (!article) return false;
      if (filter.articleTag !== undefined && !article.tags.includes(filter.articleTag)) return false;
      if (source !== undefined && article.source?.toLocaleLowerCase('vi') !== source) return false;
      const day = dayOf(article.publishedAt ?? article.importedAt, timeZone);
      return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);
    };
    annotations = annotations.filter((annotation) => keep(articles.get(annotation.articleId)));
  }
  return { annotations, articles };
}
