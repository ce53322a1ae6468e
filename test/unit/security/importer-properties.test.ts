// Random and structured hostile inputs through the real import path (parse workers included): every
// file either becomes an article with nothing active left in it, or is refused with a reason the UI
// can word. No input may throw out of the runner, stall it, or leave a half-written article.
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportTarget } from '../../../importers/index.ts';
import { Library } from '../../../library/index.ts';

// Few runs, each a batch of files: a parse costs a worker round trip, and CI's time is bounded.
const RUNS = { numRuns: 25, seed: 20_261_127 };
const ACTIVE = /<script|\bon[a-z]+\s*=|javascript:|data:text\/html/i;

const words = fc.constantFrom('Đàm phán', 'ngừng bắn', 'hoà bình', 'Thủ tướng', '30.410', 'tin', '<', '>', '&', '"', "'", '&amp;', '&#0;', '\u0000', '\ud800', '😀');
const tag = fc.constantFrom('div', 'p', 'section', 'x-khung', 'svg', 'math', 'noscript', 'style', 'template', 'table', 'li', 'a', 'img', 'script', 'iframe', 'b');
const attribute = fc.constantFrom('', ' onerror="alert(1)"', ' href="javascript:alert(2)"', ' src="data:text/html,<script>alert(3)</script>"', ' class="a"', ' title="</noscript><img src=x onerror=alert(4)>"', ' style="x"');

/** Markup nested at random, sometimes past the importers' depth cap, with hostile attributes and text. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc.tuple(tag, attribute, fc.array(tie('node'), { maxLength: 4 })).map(([name, attrs, children]) => `<${name}${attrs}>${children.join('')}</${name}>`),
    fc.tuple(tag, fc.integer({ min: 1, max: 400 }), words).map(([name, depth, inner]) => `${`<${name}>`.repeat(depth)}${inner}${`</${name}>`.repeat(depth)}`),
  ),
})).node;

const markdown = fc
  .array(
    fc.oneof(
      words,
      fc.integer({ min: 0, max: 300 }).map((level) => `${'  '.repeat(level)}- mục`),
      fc.integer({ min: 1, max: 300 }).map((level) => `${'> '.repeat(level)}trích`),
      fc.constantFrom('# Tiêu đề', '[x](javascript:alert(5))', '<script>alert(6)</script>', '```\ncode\n```', '![a](data:text/html,x)'),
    ),
    { maxLength: 20 },
  )
  .map((lines) => lines.join('\n'));

const encoder = new TextEncoder();
const file = (name: string, text: string): ImportTarget => ({ kind: 'bytes', name, bytes: encoder.encode(text) });
const feed = (items: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><link>https://tin.example.vn/</link>${items
    .map((html, i) => `<item><title>Bài ${i}</title><link>https://tin.example.vn/${i}</link><description><![CDATA[${html.replaceAll(']]>', '')}]]></description></item>`)
    .join('')}</channel></rss>`;

let root: string;
let library: Library;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nr-import-properties-'));
  library = Library.open(join(root, 'library'));
});

afterAll(async () => {
  library.close();
  await rm(root, { recursive: true, force: true });
});

describe('importers (property)', () => {
  it('turn any HTML, feed or Markdown into a clean article or a reasoned refusal', async () => {
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(markup, fc.array(markup, { minLength: 1, maxLength: 3 }), markdown, async (page, items, notes) => {
        const targets = [
          file('trang.html', `<!doctype html><html><head><title>Trang</title></head><body><article><h1>Tin</h1>${page}<p>${'Nội dung bài viết. '.repeat(20)}</p></article></body></html>`),
          file('nguon.xml', feed(items)),
          file('ghi-chu.md', `# Ghi chú\n\n${notes}\n\n${'Đoạn văn dài hơn một chút. '.repeat(10)}`),
        ];
        const before = library.list({ limit: 1 }).total;
        const report = await runImport(targets, library, { parseTimeoutMs: 20_000 });
        for (const failure of report.failed) {
          expect(failure.reason.kind).not.toBe('unexpected');
          expect(failure.error.length).toBeGreaterThan(0);
        }
        for (const { id } of report.imported) {
          const article = library.get(id);
          if (!article) throw new Error(`${id} was reported imported but is not stored`);
          imported++;
          expect(article.url === null || /^https?:\/\//.test(article.url)).toBe(true);
          expect(article.title).not.toMatch(ACTIVE);
          for (const block of article.blocks) expect(JSON.stringify(block)).not.toMatch(ACTIVE);
        }
        // Every article the report names is stored, and nothing else was added.
        expect(library.list({ limit: 1 }).total - before).toBe(report.imported.filter((item) => !item.updated).length);
      }),
      RUNS,
    );
    // The checks above looked at real articles, not only at refusals.
    expect(imported).toBeGreaterThan(RUNS.numRuns);
  }, 240_000);
});
