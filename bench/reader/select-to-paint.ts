// One select-to-paint sample in the real renderer: a visible row of the article list is clicked, and
// the time runs until a frame holding that article's title and text has been painted.
import type { Page } from '@playwright/test';
import type { ArticleDraft } from '../../library/index.ts';
import type { GeneratedArticle } from '../vietnamese-corpus.ts';

/** Clicks the `index`-th visible row (wrapping) and returns the ms until its article is painted. */
export function selectToPaint(page: Page, index: number): Promise<number> {
  return page.evaluate(async (index) => {
    const app = document.querySelector('nr-app')!.shadowRoot!;
    const rows = [...app.querySelector('nr-list-pane')!.shadowRoot!.querySelector('nr-article-list')!.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
    const visible = rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    const row = (visible.length ? visible : rows)[index % Math.max(1, (visible.length ? visible : rows).length)]!;
    const title = row.querySelector('.title')!.textContent!.replace('★', '').trim();
    const started = performance.now();
    row.click();
    await new Promise<void>((resolve) => {
      const check = (): void => {
        const reader = app.querySelector('nr-reader')?.shadowRoot;
        const heading = reader?.querySelector('article h1');
        if (heading?.textContent?.trim() === title && reader?.querySelector('article p')) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    // Two frames later the frame holding the text has been painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  }, index);
}

/** Jumps further down the list, so later rows come from later pages too. */
export async function scrollListDown(page: Page): Promise<void> {
  await page.locator('nr-article-list').evaluate((list) => {
    const scroller = list.shadowRoot?.querySelector('lit-virtualizer') ?? list;
    (scroller as HTMLElement).scrollTop += 4000;
  });
  await page.waitForTimeout(300);
}

/** A generated article as the reader benches store it: one paragraph block per blank-line-separated paragraph. */
export function readerDraft(article: GeneratedArticle): ArticleDraft {
  const blocks: ArticleDraft['blocks'] = [];
  let start = 0;
  for (const paragraph of article.body.split('\n\n')) {
    blocks.push({ kind: 'paragraph', start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return { ...article, author: null, url: null, language: 'vi', blocks, origin: 'bench', tags: [] };
}
