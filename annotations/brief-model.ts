// A brief: the annotations a filter selected, grouped by article in a chosen order, each article with
// what a story draft needs to credit it (issue 16 §5). Pure: the command handler reads the library,
// and brief-markdown.ts / brief-docx.ts write the file.
import type { Annotation, AnnotationColor, ArticleSummary, BriefLanguage, BriefOrder, CitationStyle, ColorLabels } from '../contract/index.ts';
import { colorLabelIn } from './brief-words.ts';
import { citeArticle } from './citation-styles.ts';

export interface BriefQuote {
  text: string;
  note: string;
  color: AnnotationColor;
  /** The colour's label (quote, verify, figure, idea, or the reader's own name for it). */
  label: string;
  /** Set when the passage could not be placed in the current text (the quote and note are kept). */
  orphan: boolean;
  page?: string;
}

export interface BriefEntry {
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  importedAt: string;
  quotes: BriefQuote[];
  citation: string;
}

export interface BriefOptions {
  order: BriefOrder;
  style: CitationStyle;
  language: BriefLanguage;
  /** IANA time zone of the reader: every time in the brief is local to it. */
  timeZone: string;
  labels: ColorLabels;
  /** Human-readable lines saying which filter made the brief. */
  filter: string[];
  /** When the brief was made (ISO 8601). */
  now: string;
}

export interface Brief extends Omit<BriefOptions, 'order' | 'labels'> {
  entries: BriefEntry[];
  quoteCount: number;
}

/** Anchored passages in reading order, then those that lost their place (oldest first). */
function readingOrder(a: Annotation, b: Annotation): number {
  if (a.status !== b.status) return a.status === 'orphan' ? 1 : -1;
  if (a.status === 'orphan') return a.created.localeCompare(b.created);
  return a.position.start - b.position.start || a.position.end - b.position.end;
}

const dateOf = (article: ArticleSummary): string => article.publishedAt ?? '';

function articleOrder(order: BriefOrder, latestNote: ReadonlyMap<string, string>, language: BriefLanguage): (a: ArticleSummary, b: ArticleSummary) => number {
  const collator = new Intl.Collator(language === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  const byTitle = (a: ArticleSummary, b: ArticleSummary): number => collator.compare(a.title, b.title);
  switch (order) {
    case 'published-asc':
      // Undated articles last in either direction: they have no place in a timeline.
      return (a, b) => (dateOf(a) === '' ? 1 : 0) - (dateOf(b) === '' ? 1 : 0) || dateOf(a).localeCompare(dateOf(b)) || byTitle(a, b);
    case 'title':
      return byTitle;
    case 'source':
      return (a, b) => collator.compare(a.source ?? '\uffff', b.source ?? '\uffff') || dateOf(b).localeCompare(dateOf(a)) || byTitle(a, b);
    case 'annotated':
      return (a, b) => (latestNote.get(b.id) ?? '').localeCompare(latestNote.get(a.id) ?? '') || byTitle(a, b);
    case 'published-desc':
      return (a, b) => (dateOf(a) === '' ? 1 : 0) - (dateOf(b) === '' ? 1 : 0) || dateOf(b).localeCompare(dateOf(a)) || byTitle(a, b);
  }
}

/** Groups the annotations by article (articles not found are left out) and orders both. */
export function buildBrief(annotations: readonly Annotation[], articles: ReadonlyMap<string, ArticleSummary>, options: BriefOptions): Brief {
  const byArticle = new Map<string, Annotation[]>();
  const latestNote = new Map<string, string>();
  for (const annotation of annotations) {
    if (!articles.has(annotation.articleId)) continue;
    byArticle.set(annotation.articleId, [...(byArticle.get(annotation.articleId) ?? []), annotation]);
    if ((latestNote.get(annotation.articleId) ?? '') < annotation.updated) latestNote.set(annotation.articleId, annotation.updated);
  }
  const ordered = [...byArticle.keys()].map((id) => articles.get(id)!).sort(articleOrder(options.order, latestNote, options.language));
  const entries = ordered.map((article): BriefEntry => {
    const quotes = [...byArticle.get(article.id)!].sort(readingOrder).map(
      (annotation): BriefQuote => ({
        text: annotation.quote.exact.replace(/\s*\n+\s*/gu, ' ').trim(),
        note: annotation.note.trim(),
        color: annotation.color,
        label: colorLabelIn(options.labels, annotation.color, options.language),
        orphan: annotation.status === 'orphan',
        ...(annotation.page === undefined ? {} : { page: String(annotation.page) }),
      }),
    );
    return {
      title: article.title,
      author: article.author,
      source: article.source,
      url: article.url,
      publishedAt: article.publishedAt,
      importedAt: article.importedAt,
      quotes,
      citation: citeArticle(article, options.style, { timeZone: options.timeZone, language: options.language }),
    };
  });
  const { order: _order, labels: _labels, ...rest } = options;
  return { ...rest, entries, quoteCount: entries.reduce((count, entry) => count + entry.quotes.length, 0) };
}
