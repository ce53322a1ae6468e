// Issue 17: the original documents travel in NDJSON exports as photos do (`export --photos`: base64
// lines after the articles), and an import of that file puts them back beside their articles.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { draft } from '../library/library-fixtures.ts';
import { makeStructuredPdf } from '../../fixtures/documents/pdf-fixtures.ts';

const open: Library[] = [];
const library = (dir: string): Library => {
  const lib = Library.open(dir);
  open.push(lib);
  return lib;
};
const close = (lib: Library): void => {
  lib.close();
  open.splice(open.indexOf(lib), 1);
};
afterEach(() => {
  for (const lib of open.splice(0)) lib.close();
});

describe('original documents in NDJSON exports', () => {
  it('export --photos carries the original of each exported article, and importing it restores the file', async () => {
    const { cli } = await import('../cli/cli-in-process.ts');
    const pdf = await makeStructuredPdf();
    const from = mkdtempSync(join(tmpdir(), 'nr-originals-export-'));
    const lib = library(from);
    const report = lib.addArticle(draft({ title: 'Báo cáo quý I', origin: 'bao-cao.pdf' }));
    lib.originals.keep(report.id, { bytes: pdf, mediaType: 'application/pdf', name: 'Báo cáo quý I.pdf' });
    const other = lib.addArticle(draft({ title: 'Bài khác', body: 'Một bài khác.', origin: 'khac.pdf' }));
    lib.originals.keep(other.id, { bytes: new Uint8Array([37, 80, 68, 70, 45, 49]), mediaType: 'application/pdf', name: 'khac.pdf' });
    close(lib);

    const out = join(mkdtempSync(join(tmpdir(), 'nr-originals-export-out-')), 'bao-cao.ndjson');
    expect((await cli(['--library', from, 'export', report.id, '--photos', '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; articleId?: string; name?: string });
    // Only the exported article's original, after its article line.
    expect(lines.filter((line) => line.type === 'original').map((line) => [line.articleId, line.name])).toEqual([[report.id, 'Báo cáo quý I.pdf']]);
    expect(lines.findIndex((line) => line.type === 'original')).toBeGreaterThan(lines.findIndex((line) => line.type === 'article'));
    const plain = join(out, '..', 'khong-tep.ndjson');
    await cli(['--library', from, 'export', report.id, '--out', plain]);
    expect(readFileSync(plain, 'utf8')).not.toContain('"type":"original"');

    const to = mkdtempSync(join(tmpdir(), 'nr-originals-import-'));
    const imported = await cli(['--library', to, 'import', out, '--json']);
    expect(imported.code, imported.err).toBe(0);
    const restored = library(to);
    const info = restored.originals.info(report.id);
    expect(info).toMatchObject({ name: 'Báo cáo quý I.pdf', mediaType: 'application/pdf', size: pdf.byteLength });
    expect(readFileSync(info!.path).equals(Buffer.from(pdf))).toBe(true);
  });

  it('ignores an original whose bytes are not what its hash says, or whose article is not in the library', async () => {
    const { cli } = await import('../cli/cli-in-process.ts');
    const from = mkdtempSync(join(tmpdir(), 'nr-originals-tamper-'));
    const lib = library(from);
    const article = lib.addArticle(draft({ title: 'Công văn', origin: 'cong-van.pdf' }));
    lib.originals.keep(article.id, { bytes: await makeStructuredPdf(), mediaType: 'application/pdf', name: 'cong-van.pdf' });
    const exported = [...lib.exportRecords([article.id], { photos: true })].map((record) => JSON.stringify(record));
    close(lib);
    const original = JSON.parse(exported.find((line) => line.includes('"type":"original"'))!) as { data: string };
    const tampered = exported.map((line) => (line.includes('"type":"original"') ? JSON.stringify({ ...JSON.parse(line), data: Buffer.from('not the pdf').toString('base64') }) : line));
    const elsewhere = JSON.stringify({ ...JSON.parse(exported.find((line) => line.includes('"type":"original"'))!), articleId: 'no-such-article', data: original.data });
    const file = join(mkdtempSync(join(tmpdir(), 'nr-originals-tamper-out-')), 'sua.ndjson');
    writeFileSync(file, [...tampered, elsewhere].join('\n') + '\n');

    const to = mkdtempSync(join(tmpdir(), 'nr-originals-tamper-in-'));
    expect((await cli(['--library', to, 'import', file, '--json'])).code).toBe(0);
    const restored = library(to);
    expect(restored.get(article.id)).not.toBeNull();
    expect(restored.originals.info(article.id)).toBeNull();
    expect(restored.originals.paths()).toEqual([]);
  });
});
