// HTML import throughput: realistic saved news pages (head metadata, navigation, article, related
// links, footer, scripts) generated from the corpus, imported through the real runner into an empty library.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport, type ImportTarget } from '../../importers/index.ts';
import { Library } from '../../library/index.ts';
import { generateArticles, syllableModel, table, type GeneratedArticle } from '../vietnamese-corpus.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A page shaped like a Vietnamese news site's article page. */
export function newsPage(article: GeneratedArticle, index: number, related: readonly GeneratedArticle[]): string {
  const title = escapeHtml(article.title);
  const paragraphs = article.body.split('\n\n').map((p, i) =>
    i === 3 ? `<h2>${escapeHtml(p.split('. ')[0]!.slice(0, 80))}</h2><p>${escapeHtml(p)}</p>` : `<p>${escapeHtml(p)}</p>`,
  );
  const links = related.map((r, i) => `<li><a href="/tin/${index}-${i}.html">${escapeHtml(r.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>${title} - ${escapeHtml(article.source)}</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="${escapeHtml(article.source)}">
<meta name="author" content="Phóng viên ${index % 37}"><meta property="article:published_time" content="${article.publishedAt}">
<link rel="canonical" href="https://bao.example.vn/tin/${index}.html">
<script>window.dataLayer=[{page:${index}}];</script><style>.menu{display:flex}.ad{height:250px}</style>
</head><body>
<header class="site-header"><div class="logo"><a href="/">${escapeHtml(article.source)}</a></div>
<nav class="menu"><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-doanh">Kinh doanh</a></li><li><a href="/giai-tri">Giải trí</a></li><li><a href="/the-thao">Thể thao</a></li></ul></nav></header>
<div class="container"><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
<main><article class="detail"><h1 class="title">${title}</h1><div class="meta"><span class="date">${article.publishedAt.slice(0, 10)}</span></div>
<p class="sapo"><strong>${escapeHtml(article.body.slice(0, 160))}</strong></p>
${paragraphs.join('\n')}
<figure><img src="/anh/${index}.jpg" alt=""><figcaption>Ảnh minh hoạ số ${index}.</figcaption></figure>
<div class="ad"><script>loadAd(${index})</script></div>
</article>
<section class="comments"><h3>Ý kiến bạn đọc</h3><form><textarea></textarea><button>Gửi</button></form></section></main>
<aside class="related"><h3>Tin liên quan</h3><ul>${links}</ul></aside></div>
<footer><p>© ${escapeHtml(article.source)}. Giấy phép số ${index}. Liên hệ quảng cáo.</p></footer>
</body></html>`;
}

export function newsPages(count: number, corpusDir?: string): ImportTarget[] {
  const articles = [...generateArticles(count + 5, syllableModel(corpusDir), 11)];
  const encoder = new TextEncoder();
  return articles.slice(0, count).map((article, i) => ({
    kind: 'bytes',
    name: `page-${i}.html`,
    bytes: encoder.encode(newsPage(article, i, articles.slice(i + 1, i + 6))),
  }));
}

export async function runHtmlImportBench(options: { log: (line: string) => void; pages?: number; corpusDir?: string }): Promise<void> {
  const pages = options.pages ?? 500;
  const targets = newsPages(pages, options.corpusDir);
  const dir = mkdtempSync(join(tmpdir(), 'nr-bench-html-'));
  const library = Library.open(dir);
  try {
    const before = loadavg()[0]!;
    const started = performance.now();
    const report = await runImport(targets, library);
    const ms = performance.now() - started;
    const after = loadavg()[0]!;
    table(
      options.log,
      ['html import', 'value', 'target'],
      [
        [`import ${pages} saved news pages (.html, Readability)`, `${((report.imported.length / ms) * 1000).toFixed(0)} articles/s`, '≥ 100 articles/s'],
        ['failed imports', String(report.failed.length), '0'],
        ['load average (1 min) before / after', `${before.toFixed(2)} / ${after.toFixed(2)}`, ''],
      ],
    );
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
