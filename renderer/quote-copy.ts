// "Copy with citation" in the reader: the words selected in the open article, with a citation in
// the style chosen for briefs (and the page, for paged documents), on the clipboard.
import { pageAt } from '../contract/document-pages.ts';
import { citationText, copyText, quoteWithCitation } from './citation.ts';
import { readerTimeZone } from './download-brief.ts';
import type { TextRange } from './events.ts';
import { getLocale } from './localization/app-locale.ts';
import type { AppState } from './state/app-state.ts';

/** Copies body[range] of the open article with its citation, and says so (or that the clipboard refused). */
export async function copyQuote(state: AppState, range: TextRange): Promise<void> {
  const article = state.reading.article;
  if (!article) return;
  try {
    // In the citation style chosen for briefs; the plain form when the host cannot cite (it always can offline).
    const words = article.body.slice(range.start, range.end);
    const page = pageAt(article.blocks, range.start);
    const citation = await state.annotations.cite(article.id, state.settings.settings.citationStyle, getLocale() === 'en' ? 'en' : 'vi', readerTimeZone(), page);
    await copyText(citation ? quoteWithCitation(words, citation) : citationText(article, words, page));
    state.notices.say({ kind: 'quote-copied' });
  } catch {
    state.notices.fail({ kind: 'clipboard' });
  }
}
