import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { ImportReport } from '../../../contract/import-report.ts';
import type { Article } from '../../../contract/article.ts';
import { runImport } from '../../../importers/index.ts';
import { MAX_REDIRECTS } from '../../../importers/url-fetch.ts';
import { HOSTILE_DIR, HOSTILE_FILES, largeHostileFiles, type HostileFile } from '../../fixtures/hostile/generate.ts';
import { MemorySink } from '../importers/importer-test-helpers.ts';

// Every file of the hostile corpus goes through the upload path serve and Electron use. Each must
// end as a refusal with a machine-readable reason, or as an article with nothing active left in it;
// and the host must keep answering while the batch is parsed.

// The corpus files never say these in their visible text, so finding one means markup or a secret leaked through.
const LEAKS: [string, RegExp][] = [
  ['script', /<\s*script|<\/script/i],
  ['event handler', /\bon(?:error|load|click|mouseover)\s*=/i],
  ['javascript: URL', /j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i],
  ['data: URL', /data:text\/html/i],
  ['/etc/passwd', /root:[^:\n]*:0:0:/],
  ['alert call', /alert\(\d+\)/],
];

/** Everything stored for an article that a host or the renderer shows or follows. */
function storedText(article: Article): string {
  const blocks = article.blocks.map((block) => article.body.slice(block.start, block.end));
  return [article.title, article.author, article.source, article.url, article.excerpt, article.body, ...blocks, ...article.tags].join('\n');
}

const fileNameOf = (path: string): string => path.split('/').pop()!.replace(/#\d+$/, '');

let root: string;
let context: AppContext;
let report: ImportReport;
let infoAnsweredWhileImporting = 0;

const corpus: HostileFile[] = [...HOSTILE_FILES, ...largeHostileFiles()];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nr-hostile-corpus-'));
  context = await AppContext.open({ libraryDir: join(root, 'library'), runtime: 'browser' });
  // The committed files, as bytes from disk (what a person would drop), and the big ones made now.
  const files = corpus.map((file) => {
    const bytes = HOSTILE_FILES.includes(file) ? readFileSync(join(HOSTILE_DIR, file.name)) : Buffer.from(file.content);
    return { name: file.name, base64: bytes.toString('base64') };
  });
  let finished = false;
  const importing = context.dispatch('library.importFiles', { jobId: 'hostile-corpus', files }).finally(() => (finished = true));
  // Ask the host for app.info over and over while the batch runs: each answer that arrives before
  // the import has ended shows the host was not stalled by the parsing.
  const asking = (async () => {
    while (!finished) {
      const info = await context.dispatch('app.info', {});
      if (info.ok && !finished) infoAnsweredWhileImporting++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const outcome = await importing;
  await asking;
  if (!outcome.ok) throw new Error(outcome.error.message);
  report = outcome.value as ImportReport;
}, 240_000);

afterAll(async () => {
  await context.search.whenIdle();
  await context.close();
  await rm(root, { recursive: true, force: true });
});

describe('the hostile corpus', () => {
  it('is what generate.ts writes (regenerate after changing it)', () => {
    const committed = readdirSync(HOSTILE_DIR).filter((name) => name !== 'generate.ts').sort();
    expect(committed).toEqual(HOSTILE_FILES.map((file) => file.name).sort());
    for (const file of HOSTILE_FILES) expect(Buffer.compare(readFileSync(join(HOSTILE_DIR, file.name)), Buffer.from(file.content)), file.name).toBe(0);
  });

  it('keeps the host answering while the batch is parsed', () => {
    expect(infoAnsweredWhileImporting).toBeGreaterThan(0);
    expect(report.cancelled).toBe(false);
  });

  it.each(corpus.map((file) => [file.name, file] as const))('%s ends as expected, with a reason or a clean article', (name, file) => {
    const failures = report.failed.filter((failure) => fileNameOf(failure.path) === name);
    const imported = report.imported.filter((item) => fileNameOf(item.path) === name);
    const summary = JSON.stringify({ failures, imported: imported.map((item) => item.path) });
    for (const failure of failures) {
      expect(typeof failure.reason.kind, summary).toBe('string');
      expect(failure.reason.kind, summary).not.toBe('unexpected');
      expect(failure.error.length, summary).toBeGreaterThan(0);
    }
    if (file.outcome === 'imported') {
      expect(failures, summary).toEqual([]);
      expect(imported.length, summary).toBeGreaterThan(0);
    } else if (file.outcome === 'partly-imported') {
      expect(failures.length, summary).toBeGreaterThan(0);
      expect(imported.length, summary).toBeGreaterThan(0);
    } else {
      expect(imported, summary).toEqual([]);
      expect(failures.map((failure) => failure.reason.kind), summary).toEqual([file.outcome.refused]);
    }
    for (const item of imported) {
      const article = context.library.get(item.id)!;
      const text = storedText(article);
      for (const [leak, pattern] of LEAKS) expect(pattern.test(text), `${name}: ${leak} in ${JSON.stringify(text.slice(0, 400))}`).toBe(false);
    }
  });

  it('leaves Object.prototype alone', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('redirect loops', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      const chain = /^\/chain\/(\d+)$/.exec(url);
      if (url === '/a') response.writeHead(302, { location: '/b' }).end();
      else if (url === '/b') response.writeHead(302, { location: `${base}/a` }).end();
      // Twenty hops, each to a new address, so no "seen this URL" check can stop it early.
      else if (chain && Number(chain[1]) < 20) response.writeHead(301, { location: `/chain/${Number(chain[1]) + 1}` }).end();
      else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><article><p>Đích cuối của chuỗi chuyển hướng.</p></article></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports A→B→A and a chain of 20 redirects as too many redirects, and nothing is imported', async () => {
    const sink = new MemorySink();
    const loops = await runImport([{ kind: 'url', url: `${base}/a` }, { kind: 'url', url: `${base}/chain/0` }], sink, { allowPrivateAddresses: true });
    expect(loops.imported).toEqual([]);
    expect(loops.failed.map((failure) => [failure.path, failure.reason])).toEqual([
      [`${base}/a`, { kind: 'too-many-redirects', max: MAX_REDIRECTS }],
      [`${base}/chain/0`, { kind: 'too-many-redirects', max: MAX_REDIRECTS }],
    ]);
    // The end of a short chain is still reached: the limit is what stopped the long one.
    const short = await runImport([{ kind: 'url', url: `${base}/chain/${20 - MAX_REDIRECTS}` }], sink, { allowPrivateAddresses: true });
    expect(short.failed).toEqual([]);
    expect(short.imported).toHaveLength(1);
  });
});
