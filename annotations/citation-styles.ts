// Citations through Citation.js's CSL processor (citeproc-js): APA (the plugin's own copy of apa.csl),
// Chicago author-date (csl-chicago-style.ts, generated from an npm package) and the plain Vietnamese
// press style we define (vi-press-style.ts). No network: every style and locale is in the bundle.
import { Cite, plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { BriefLanguage, CitationStyle } from '../contract/index.ts';
import { CHICAGO_AUTHOR_DATE_CSL } from './csl-chicago-style.ts';
import { vietnameseApa, vietnameseLocale } from './csl-vi-dates.ts';
import { VI_VN_LOCALE_CSL } from './csl-vi-locale.ts';
import { VI_PRESS_CSL } from './vi-press-style.ts';

/** What a citation names: the article, and the page of the passage when it has one (PDFs). */
export interface CitationSource {
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  /** ISO 8601: an undated article is cited by when it was saved, as accessed. */
  importedAt: string;
  page?: string;
  /** BCP 47: Chicago's title case is for English titles only, and CSL skips it for others. */
  language?: string;
}

export interface CitationOptions {
  /** IANA time zone: the day of an article published at 23:30 in Hà Nội is that day, not UTC's. */
  timeZone: string;
  /**
   * The brief's (the UI's) language: APA's and Chicago's own words and dates ("n.d.", "Retrieved …
   * from", "March 4") follow it. Default English. The Vietnamese press style is Vietnamese in both.
   */
  language?: BriefLanguage;
}

/** The CSL locale of a brief's language; vi-VN is the CSL project's (csl-vi-locale.ts), en-US the plugin's own. */
const CSL_LOCALES: Record<BriefLanguage, string> = { vi: 'vi-VN', en: 'en-US' };

const TEMPLATES: Record<CitationStyle, string> = { apa: 'apa', chicago: 'nr-chicago-author-date', 'vi-press': 'nr-vi-press' };
/** APA for Vietnamese references: the day before the month (csl-vi-dates.ts). */
const APA_VI = 'nr-apa-vi';

let registered = false;
function registerStyles(): void {
  if (registered) return;
  const csl = plugins.config.get('@csl');
  if (!csl.styles.has(TEMPLATES.chicago)) csl.styles.add(TEMPLATES.chicago, CHICAGO_AUTHOR_DATE_CSL);
  if (!csl.styles.has(TEMPLATES['vi-press'])) csl.styles.add(TEMPLATES['vi-press'], VI_PRESS_CSL);
  if (!csl.styles.has(APA_VI)) csl.styles.add(APA_VI, vietnameseApa(csl.styles.get(TEMPLATES.apa)));
  if (!csl.locales.has(CSL_LOCALES.vi)) csl.locales.add(CSL_LOCALES.vi, vietnameseLocale(VI_VN_LOCALE_CSL));
  registered = true;
}

/** The calendar day of an instant in a time zone, as CSL date parts. */
export function localDateParts(iso: string, timeZone: string): number[] | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day')];
}

/** The article as CSL-JSON: a newspaper article; the author as written (never split into family and given). */
export function toCslItem(source: CitationSource, options: CitationOptions): CslItem {
  const issued = source.publishedAt ? localDateParts(source.publishedAt, options.timeZone) : null;
  const accessed = localDateParts(source.importedAt, options.timeZone);
  const authors = (source.author ?? '')
    .split(/\s*(?:;|,| và | and )\s*/u)
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    id: 'article',
    type: 'article-newspaper',
    title: source.title,
    ...(authors.length ? { author: authors.map((literal) => ({ literal })) } : {}),
    ...(source.source ? { 'container-title': source.source } : {}),
    ...(issued ? { issued: { 'date-parts': [issued] } } : accessed ? { accessed: { 'date-parts': [accessed] } } : {}),
    ...(source.url ? { URL: source.url } : {}),
    ...(source.page ? { page: source.page } : {}),
    ...(source.language ? { language: source.language } : {}),
  };
}

/** One reference in a style, as plain text on one line, in the brief's language. */
export function citeArticle(source: CitationSource, style: CitationStyle, options: CitationOptions): string {
  registerStyles();
  const language = options.language ?? 'en';
  const template = style === 'apa' && language === 'vi' ? APA_VI : TEMPLATES[style];
  const text = new Cite([toCslItem(source, options)]).format('bibliography', { format: 'text', template, lang: CSL_LOCALES[language] });
  return text.replace(/\s+/gu, ' ').trim();
}
