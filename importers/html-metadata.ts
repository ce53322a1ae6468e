// Article metadata from a page's head: Open Graph, meta tags, <link rel=canonical>, <time>, JSON-LD.
// Read from the unsanitised parsed document; nothing here is executed or rendered.
import { tidyInline } from './text-normalize.ts';

export interface HtmlMetadata {
  title: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  publishedAt: string | null;
  tags: string[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstMeta(doc: Document, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    for (const element of doc.querySelectorAll(selector)) {
      const value = tidyInline(element.getAttribute('content') ?? element.getAttribute('datetime') ?? '');
      if (value) return value;
    }
  }
  return null;
}

/**
 * What relative links resolve against: the page's <base href>, itself relative to the page's own URL
 * (fetched pages), else that URL. The parsed document does not know its URL, so it is passed in.
 */
function baseUrl(doc: Document, pageUrl: string | null): string | undefined {
  const page = pageUrl && /^https?:/i.test(pageUrl) ? pageUrl : undefined;
  const declared = doc.querySelector('base[href]')?.getAttribute('href');
  if (!declared) return page;
  try {
    return new URL(declared.trim(), page).href;
  } catch {
    return page;
  }
}

function absoluteUrl(base: string | undefined, href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Objects of JSON-LD blocks, flattening arrays and @graph. Invalid JSON-LD is ignored. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      found.push(value);
      if (value['@graph'] !== undefined) collect(value['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common and not worth failing the page for.
    }
  }
  return found;
}

function jsonLdArticle(doc: Document): JsonObject | null {
  const objects = jsonLdObjects(doc);
  const isArticle = (object: JsonObject): boolean =>
    [object['@type']].flat().some((type) => typeof type === 'string' && /Article|BlogPosting|Report/i.test(type));
  return objects.find(isArticle) ?? objects.find((object) => 'datePublished' in object || 'headline' in object) ?? null;
}

/** Names from a JSON-LD person/organisation value: a string, an object with name, or an array of either. */
function jsonLdNames(value: unknown): string[] {
  return [value]
    .flat()
    .map((item) => (typeof item === 'string' ? item : isObject(item) && typeof item['name'] === 'string' ? item['name'] : ''))
    .map(tidyInline)
    .filter(Boolean);
}

function jsonLdString(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === 'string' && value.trim() ? tidyInline(value) : null;
}

/** Author meta values are sometimes profile URLs; those are not names. */
function personName(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

export function readHtmlMetadata(doc: Document, pageUrl: string | null = null): HtmlMetadata {
  const base = baseUrl(doc, pageUrl);
  const ld = jsonLdArticle(doc);
  const ldKeywords = ld?.['keywords'];
  const keywordTags = typeof ldKeywords === 'string' ? ldKeywords.split(',') : Array.isArray(ldKeywords) ? ldKeywords.filter((k) => typeof k === 'string') : [];
  const articleTags = [...doc.querySelectorAll('meta[property="article:tag"]')].map((meta) => meta.getAttribute('content') ?? '');
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const mainEntity = ld?.['mainEntityOfPage'];

  return {
    title:
      firstMeta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
      jsonLdString(ld, 'headline') ??
      null,
    author:
      personName(firstMeta(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator" i]'])) ??
      (jsonLdNames(ld?.['author']).join(', ') || null),
    source: firstMeta(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? (jsonLdNames(ld?.['publisher'])[0] ?? null),
    url:
      absoluteUrl(base, canonical) ??
      absoluteUrl(base, firstMeta(doc, ['meta[property="og:url"]'])) ??
      absoluteUrl(base, jsonLdString(ld, 'url')) ??
      absoluteUrl(base, typeof mainEntity === 'string' ? mainEntity : isObject(mainEntity) ? String(mainEntity['@id'] ?? '') : null),
    language:
      tidyInline(doc.documentElement.getAttribute('lang') ?? '') ||
      firstMeta(doc, ['meta[http-equiv="content-language" i]', 'meta[property="og:locale"]']),
    publishedAt:
      firstMeta(doc, [
        'meta[property="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="dc.date" i]',
        'meta[name="date"]',
      ]) ??
      jsonLdString(ld, 'datePublished') ??
      firstMeta(doc, ['article time[datetime]', 'time[datetime]']),
    tags: [...articleTags, ...keywordTags].map(tidyInline).filter(Boolean).slice(0, 30),
  };
}
