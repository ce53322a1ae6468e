// briefs.export and briefs.cite: the library's annotations and articles, filtered as the All
// annotations view filters them, made into a brief (annotations/brief-*.ts) or a citation. The CSL
// processor and the DOCX writer are imported on the first brief or citation, not with the handlers,
// so commands that need neither (every other CLI command) never load them.
import type { BriefFile } from '../contract/index.ts';
import type { Library } from '../library/index.ts';
import { filterAnnotations } from './annotation-view-filter.ts';
import { CommandError } from './command-error.ts';
import type { CommandHandlers } from './dispatcher.ts';

type BriefCommand = Extract<keyof CommandHandlers, `briefs.${string}`>;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** brief-2026-11-27.md: the reader's day, so a brief made after midnight UTC is named for the day it was made. */
function filename(now: Date, timeZone: string, extension: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `brief-${day}.${extension}`;
}

export function briefHandlers(currentLibrary: () => Library, clock: () => Date = () => new Date()): Pick<CommandHandlers, BriefCommand> {
  return {
    'briefs.export': async ({ filter, format, order, style, language, timeZone }): Promise<BriefFile> => {
      const [{ buildBrief }, { colorLabelIn, describeFilter }] = await Promise.all([import('../annotations/brief-model.ts'), import('../annotations/brief-words.ts')]);
      const library = currentLibrary();
      const filtered = await filterAnnotations(library, filter, timeZone);
      // Pages (PDFs) come with the annotations (annotations.list fills them): a brief cites "tr. 3".
      const { articles, annotations } = filtered;
      const labels = library.annotations.colorLabels();
      const colorLabel = filter.color ? colorLabelIn(labels, filter.color, language) : filter.tag;
      const articleTitle = filter.articleId ? (articles.get(filter.articleId) ?? library.summaries([filter.articleId]).get(filter.articleId))?.title : undefined;
      const now = clock();
      const brief = buildBrief(annotations, articles, {
        order: order ?? 'published-desc',
        style,
        language,
        timeZone,
        labels,
        filter: describeFilter({ ...filter, colorLabel, articleTitle }, language),
        now: now.toISOString(),
      });
      const counts = { articles: brief.entries.length, quotes: brief.quoteCount };
      if (format === 'md') {
        const { briefMarkdown } = await import('../annotations/brief-markdown.ts');
        return { filename: filename(now, timeZone, 'md'), mediaType: 'text/markdown', content: briefMarkdown(brief), encoding: 'utf-8', ...counts };
      }
      const { briefDocx } = await import('../annotations/brief-docx.ts');
      const bytes = await briefDocx(brief);
      return { filename: filename(now, timeZone, 'docx'), mediaType: DOCX_TYPE, content: Buffer.from(bytes).toString('base64'), encoding: 'base64', ...counts };
    },
    'briefs.cite': async ({ articleId, style, language, timeZone, page }) => {
      const { citeArticle } = await import('../annotations/citation-styles.ts');
      const article = currentLibrary().summaries([articleId]).get(articleId);
      if (!article) throw new CommandError('not-found', `No article with id ${articleId}`, { kind: 'article.not-found', id: articleId });
      return { text: citeArticle({ ...article, ...(page ? { page } : {}) }, style, { timeZone, language }) };
    },
  };
}
