import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { newsPage } from '../../../bench/library/html-import.ts';
import { generateArticles, syllableModel } from '../../../bench/vietnamese-corpus.ts';
import { parseHtmlDocument } from '../../../importers/html-to-blocks.ts';
import { FIXTURES } from './importer-test-helpers.ts';

// Pages are parsed with linkedom instead of jsdom (several times faster). Readability must extract the
// same article from either DOM: title, byline, excerpt and every character of the text.

function extract(doc: Document): Record<string, unknown> {
  const article = new Readability(doc, { charThreshold: 200 }).parse();
  return { title: article?.title, byline: article?.byline, excerpt: article?.excerpt, siteName: article?.siteName, text: article?.textContent };
}

const generated = [...generateArticles(25, syllableModel(), 5)];
const pages: [string, string][] = [
  ['article.html fixture', readFileSync(`${FIXTURES}article.html`, 'utf8')],
  ...generated.slice(0, 20).map((article, i): [string, string] => [`generated page ${i}`, newsPage(article, i, generated.slice(i + 1, i + 6))]),
];

describe('Readability on linkedom and on jsdom', () => {
  it.each(pages)('extracts the same article from %s', (_name, html) => {
    const jsdom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
    try {
      const expected = extract(jsdom.window.document);
      expect(String(expected['text']).length).toBeGreaterThan(200);
      expect(extract(parseHtmlDocument(html))).toEqual(expected);
    } finally {
      jsdom.window.close();
    }
  });
});
