import { msg, str } from '@lit/localize';
import type { ArticleSummary } from '../contract/index.ts';
import { pageCitation } from '../contract/document-pages.ts';
import { formatShortDate } from './format-date.ts';

/**
 * A quote ready to paste into a draft: the words, then where they come from (title, source, date, the
 * page of a PDF as "tr. 3", URL).
 */
export function citationText(article: Pick<ArticleSummary, 'title' | 'source' | 'publishedAt' | 'importedAt' | 'url'>, quote: string, page: number | null = null): string {
  // An undated article is cited by when it was saved, said so, rather than by a date it never had.
  const date = article.publishedAt
    ? formatShortDate(article.publishedAt)
    : msg(str`truy cập ${formatShortDate(article.importedAt)}`, { desc: 'Citation of an undated article: when it was saved' });
  const where = [article.title, article.source, date, page === null ? null : pageCitation(page)].filter(Boolean).join(', ');
  const words = quote.replace(/\s*\n+\s*/g, ' ').trim();
  return `“${words}” — ${where}.${article.url ? ` ${article.url}` : ''}`;
}

/** A quote followed by its citation in the chosen style (briefs.cite): what "copy as quote" copies. */
export function quoteWithCitation(quote: string, citation: string): string {
  const words = quote.replace(/\s*\n+\s*/g, ' ').trim();
  return `“${words}” — ${citation}`;
}

/**
 * Puts text on the clipboard. The async API needs a secure context and may be refused (Electron denies
 * permission requests it does not know), so a copy command on a hidden textarea backs it up.
 */
export async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && typeof navigator.clipboard?.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Fall through to the copy command.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('clipboard unavailable');
}
