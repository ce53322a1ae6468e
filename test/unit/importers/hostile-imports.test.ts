import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { ImportProgress, ImportReport } from '../../../library/model.ts';
import { runImport, type ImportTarget } from '../../../importers/index.ts';
import { MAX_NESTING_DEPTH, markdownNestingDepth, markupNestingDepth } from '../../../importers/nesting-depth.ts';
import { ParsePool } from '../../../importers/parse-pool.ts';
import { Library } from '../../../library/index.ts';
import { FIXTURES } from './importer-test-helpers.ts';

// Small hostile files used to freeze the host for minutes: parsers' cost grows steeply with nesting.
// They must be refused or stopped with a reason, in a worker, while the host keeps answering.

const TEXT = 'Đàm phán ngừng bắn bước vào vòng mới với sự tham dự của đại diện nhiều nước. '.repeat(4);
const escapeXml = (html: string): string => html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const deepDivs = `<!doctype html><html><body>${'<div>'.repeat(3000)}<p>${TEXT}</p>${'</div>'.repeat(3000)}</body></html>`;
const deepList = Array.from({ length: 3000 }, (_, level) => `${'  '.repeat(level)}- mục ${level}`).join('\n');
const hugeAttributes = `<!doctype html><html><body><article><h1>Tin ảnh</h1><p class="${'a '.repeat(400_000)}">Ảnh: ${TEXT}</p><img alt='${'x'.repeat(4_000_000)}' src="data:image/png;base64,${'QUJD'.repeat(1_000_000)}"></article></body></html>`;

function rss(entries: string[]): string {
  const items = entries.map((html, i) => `<item><title>Bài ${i + 1}</title><link>https://tin.example.vn/${i + 1}</link><description>${escapeXml(html)}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><link>https://tin.example.vn/</link>${items.join('')}</channel></rss>`;
}

/** Unknown elements nested just under the cap: accepted, but each entry costs DOMPurify a noticeable time. */
function slowFeed(entries: number): string {
  const depth = MAX_NESTING_DEPTH - 2;
  return rss(Array.from({ length: entries }, (_, i) => `${'<x-khung>'.repeat(depth)}<p>${TEXT} ${i}</p>${'</x-khung>'.repeat(depth)}`));
}

const encoder = new TextEncoder();
const bytes = (name: string, text: string): ImportTarget => ({ kind: 'bytes', name, bytes: encoder.encode(text) });

let root: string;
let context: AppContext;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nr-hostile-'));
  context = await AppContext.open({ libraryDir: join(root, 'library'), runtime: 'browser' });
});

afterAll(async () => {
  await context.search.whenIdle();
  await context.close();
  await rm(root, { recursive: true, force: true });
});

describe('nesting pre-scan', () => {
  it('counts element and list depth, not optional end tags, comments or script text', () => {
    expect(markupNestingDepth('<div><section><p>a<p>b<ul><li>c<li>d</ul></section></div>')).toBe(3);
    expect(markupNestingDepth(`<div><!-- ${'<div>'.repeat(500)} --><script>${'<div>'.repeat(500)}</script><br><img src=x></div>`)).toBe(1);
    expect(markupNestingDepth(`<rss><![CDATA[${'<b>'.repeat(500)}]]></rss>`)).toBe(1);
    expect(markupNestingDepth('<div>'.repeat(1000))).toBe(MAX_NESTING_DEPTH + 1);
    expect(markdownNestingDepth('- a\n  - b\n    - c\n> quote\n> > deeper')).toBe(3);
    expect(markdownNestingDepth(deepList)).toBeGreaterThan(MAX_NESTING_DEPTH);
  });
});

describe('hostile imports', () => {
  it('reports each hostile file with a reason while the host keeps answering; the rest of the batch imports', { timeout: 120_000 }, async () => {
    const folder = join(root, 'hostile');
    await mkdir(folder);
    await writeFile(join(folder, 'deep-divs.html'), deepDivs);
    await writeFile(join(folder, 'deep-feed.xml'), rss([`<p>${TEXT}</p>`, `${'<x-a>'.repeat(2000)}${TEXT}${'</x-a>'.repeat(2000)}`]));
    await writeFile(join(folder, 'deep-list.md'), deepList);
    await writeFile(join(folder, 'huge-attributes.html'), hugeAttributes);
    await copyFile(join(FIXTURES, 'article.html'), join(folder, 'normal.html'));

    const progress: ImportProgress[] = [];
    const off = context.events.onAny((event, payload) => {
      if (event === 'import.progress') progress.push(payload as ImportProgress);
    });
    try {
      const importing = context.dispatch('library.importPaths', { jobId: 'hostile', paths: [folder] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const info = await context.dispatch('app.info', {});
      // Answered while the import was still under way: not one file had finished yet.
      const doneWhenAnswered = progress.at(-1)?.done ?? 0;
      expect(info.ok).toBe(true);
      expect(doneWhenAnswered).toBe(0);

      const outcome = await importing;
      if (!outcome.ok) throw new Error(outcome.error.message);
      const report = outcome.value as ImportReport;
      const reasonOf = (file: string) => report.failed.find((failure) => failure.path.endsWith(file))?.reason;
      expect(reasonOf('deep-divs.html')).toEqual({ kind: 'too-complex', cause: 'nesting', maxDepth: MAX_NESTING_DEPTH });
      expect(reasonOf('deep-feed.xml#2')).toEqual({ kind: 'too-complex', cause: 'nesting', maxDepth: MAX_NESTING_DEPTH });
      expect(reasonOf('deep-list.md')).toEqual({ kind: 'too-complex', cause: 'nesting', maxDepth: MAX_NESTING_DEPTH });
      for (const failure of report.failed) expect(failure.error).toMatch(/^too complex: nested more than 128 levels deep$/);
      expect(report.failed).toHaveLength(3);
      // Attribute values no article needs are emptied before parsing, and the page imports.
      expect(report.imported.map((item) => item.path.split('/').pop()).sort()).toEqual(['deep-feed.xml#1', 'huge-attributes.html', 'normal.html']);
      const page = context.library.get(report.imported.find((item) => item.path.endsWith('huge-attributes.html'))!.id)!;
      expect(page.body).toBe(`Ảnh: ${TEXT.trim()}`);
      expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, failures: 3, secondsLeft: 0 });
    } finally {
      off();
    }
  });

  it('stops a parse over the time limit, reports it, and imports the rest of the batch', { timeout: 120_000 }, async () => {
    const library = Library.open(join(root, 'timeout-library'));
    const pool = new ParsePool({ size: 2 });
    try {
      // Warm both workers so the normal page's parse is not slowed by loading the parsers.
      await runImport([bytes('warm-1.md', '# Một\n\nhai'), bytes('warm-2.md', '# Ba\n\nbốn')], library, { parsePool: pool });
      const report = await runImport([bytes('slow.xml', slowFeed(400)), { kind: 'path', path: join(FIXTURES, 'article.html') }], library, {
        parsePool: pool,
        parseTimeoutMs: 3000,
      });
      expect(report.failed).toEqual([{ path: 'slow.xml', error: 'parsing took longer than 3 s and was stopped', reason: { kind: 'parse-timed-out', seconds: 3 } }]);
      expect(report.imported.map((item) => item.title)).toEqual(['Đàm phán ngừng bắn bước vào vòng mới']);
    } finally {
      await pool.close();
      library.close();
    }
  });

  it('reports a file whose parse runs out of the worker’s memory, and goes on with a fresh worker', { timeout: 120_000 }, async () => {
    const library = Library.open(join(root, 'memory-library'));
    const small = new ParsePool({ size: 1, memoryMb: 128 });
    try {
      const big = `<!doctype html><html><body><article>${`<p>${TEXT}</p>`.repeat(60_000)}</article></body></html>`;
      const report = await runImport([bytes('big.html', big)], library, { parsePool: small });
      expect(report.failed.map((failure) => failure.reason)).toEqual([{ kind: 'too-complex', cause: 'memory', limitMb: 128 }]);
      const next = await runImport([bytes('note.md', '# Ghi chú\n\nMột đoạn ngắn.')], library, { parsePool: small });
      expect(next, JSON.stringify(next)).toMatchObject({ failed: [] });
      expect(next.imported.map((item) => item.title)).toEqual(['Ghi chú']);
    } finally {
      await small.close();
      library.close();
    }
  });

  it('ends the job promptly when cancelled during a slow parse', { timeout: 30_000 }, async () => {
    // Thousands of near-cap entries take minutes to sanitise; only ending the worker ends this job in time.
    const feed = Buffer.from(slowFeed(1500)).toString('base64');
    const started = new Promise<void>((resolve) => {
      const off = context.events.onAny((event, payload) => {
        if (event === 'import.progress' && (payload as ImportProgress).jobId === 'slow') {
          off();
          resolve();
        }
      });
    });
    const importing = context.dispatch('library.importFiles', { jobId: 'slow', files: [{ name: 'slow.xml', base64: feed }] });
    await started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cancel = await context.dispatch('library.cancelImport', { jobId: 'slow' });
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    const outcome = await importing;
    expect(outcome.ok && outcome.value).toMatchObject({ cancelled: true, imported: [], failed: [] });
  });
});
