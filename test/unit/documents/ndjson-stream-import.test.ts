// Issue 17: an `export --photos` holding an original larger than the per-file import limit imports
// back. NDJSON files are read as a stream of records, each line checked against the record limit on
// its own. The limits are lowered through the runner's options here (the real ones are 50 MB per file
// and a 200 MB PDF's base64 per record), so the export is "over the limit" at a few hundred KB.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_PDF_IMPORT_BYTES } from '../../../contract/import-report.ts';
import { runImport } from '../../../importers/index.ts';
import { lineChunks, MAX_NDJSON_RECORD_BYTES } from '../../../importers/ndjson-stream.ts';
import { ParsePool } from '../../../importers/parse-pool.ts';
import { Library } from '../../../library/index.ts';
import { draft } from '../library/library-fixtures.ts';
import { makeStructuredPdf } from '../../fixtures/documents/pdf-fixtures.ts';

let root = '';
let pool: ParsePool;
const open: Library[] = [];
const library = (name: string): Library => {
  const lib = Library.open(join(root, name));
  open.push(lib);
  return lib;
};
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nr-ndjson-stream-'));
  pool = new ParsePool({ size: 1 });
});
afterEach(() => {
  for (const lib of open.splice(0)) lib.close();
});
afterAll(async () => {
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});

/** A library with three articles, a highlight, and a kept PDF original (padded so its line is large), exported with its originals. */
async function exportWithOriginal(padding: number): Promise<{ file: string; pdf: Uint8Array; ids: string[] }> {
  const lib = library('from');
  const pdf = await makeStructuredPdf();
  // A PDF may carry anything after %%EOF; padding makes the original (and its line) as large as wanted.
  const padded = new Uint8Array(pdf.byteLength + padding);
  padded.set(pdf);
  padded.fill(0x25, pdf.byteLength);
  const ids = [
    lib.addArticle(draft({ title: 'Báo cáo quý I', body: 'Thu ngân sách quý I tăng.\n\nChi đầu tư công được đẩy nhanh.', origin: 'bao-cao.pdf' })).id,
    lib.addArticle(draft({ title: 'Công văn số 12', body: 'Ủy ban nhân dân thành phố thông báo lịch tiếp công dân.', url: null, origin: 'cong-van.pdf' })).id,
    lib.addArticle(draft({ title: 'Bài thứ ba', body: 'Xuất khẩu nông sản tăng mạnh sang châu Âu.', url: null, origin: 'ba.txt' })).id,
  ];
  lib.originals.keep(ids[0]!, { bytes: padded, mediaType: 'application/pdf', name: 'Báo cáo quý I.pdf' });
  lib.annotations.create({ articleId: ids[1]!, quote: 'lịch tiếp công dân', note: 'hỏi lại' });
  const file = join(root, 'xuat.ndjson');
  writeFileSync(file, [...lib.exportRecords(undefined, { photos: true })].map((record) => JSON.stringify(record)).join('\n') + '\n');
  lib.close();
  open.splice(open.indexOf(lib), 1);
  return { file, pdf: padded, ids };
}

describe('NDJSON exports imported as a stream of records', () => {
  it('imports back an export larger than the per-file limit, original byte for byte, annotations and all', { timeout: 60_000 }, async () => {
    const { file, pdf, ids } = await exportWithOriginal(300_000);
    const size = readFileSync(file).byteLength;
    const maxBytes = 100_000;
    expect(size).toBeGreaterThan(4 * maxBytes);
    const to = library('to');
    // Tiny chunks: the records come in several pieces, committed as they arrive.
    const report = await runImport([{ kind: 'path', path: file }], to, { parsePool: pool, maxBytes, ndjson: { maxRecordBytes: 600_000, chunkBytes: 512 } });
    expect(report.failed).toEqual([]);
    // The annotation's line is reported as imported too.
    expect(report.imported.map((item) => item.id).filter((id) => to.get(id) !== null).sort()).toEqual([...ids].sort());
    // Each record is named by its line, even when it came alone in its chunk.
    expect(report.imported.every((item) => /xuat\.ndjson#\d+$/.test(item.path))).toBe(true);
    const info = to.originals.info(ids[0]!);
    expect(info).toMatchObject({ name: 'Báo cáo quý I.pdf', size: pdf.byteLength });
    expect(readFileSync(info!.path).equals(Buffer.from(pdf))).toBe(true);
    expect(to.annotations.forArticle(ids[1]!).map((annotation) => annotation.note)).toEqual(['hỏi lại']);

    // Read whole (an export saved as .json is), the same records are refused by the per-file limit.
    const asJson = join(root, 'xuat.json');
    writeFileSync(asJson, readFileSync(file));
    const whole = await runImport([{ kind: 'path', path: asJson }], library('whole'), { parsePool: pool, maxBytes });
    expect(whole.failed.map((failure) => failure.reason)).toEqual([{ kind: 'too-large', maxBytes }]);
  });

  it('reports a record over the record limit, bad JSON and a cut-off last line by line number, and keeps only the good records', { timeout: 60_000 }, async () => {
    const { file } = await exportWithOriginal(300_000);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const originalLine = lines.findIndex((line) => line.includes('"type":"original"')) + 1;
    const brokenLine = lines.findIndex((line) => line.includes('"title":"Bài thứ ba"')) + 1;
    // An article line broken (the one without annotations), an extra bad line after the rest, and an
    // article line cut off half-way at the end (no newline).
    const broken = [...lines];
    broken[brokenLine - 1] = '{"format":"newsroom-reader/1","type":"article",';
    const cut = lines.find((line) => line.includes('"title":"Báo cáo quý I"'))!;
    const bad = join(root, 'hong.ndjson');
    writeFileSync(bad, [...broken, 'not json at all', cut.slice(0, cut.length / 2)].join('\n'));
    const to = library('bad');
    const report = await runImport([{ kind: 'path', path: bad }], to, { parsePool: pool, ndjson: { maxRecordBytes: 200_000, chunkBytes: 1024 } });
    const failures = report.failed.map((failure) => [failure.path.replace(/^.*\//, ''), failure.reason.kind, failure.error.replace(/:.*/, '')]);
    const expected = [
      [brokenLine, 'invalid-json'],
      [originalLine, 'record-too-large'],
      [broken.length + 1, 'invalid-json'],
      [broken.length + 2, 'invalid-json'],
    ].sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(failures).toEqual(expected.map(([line, kind]) => [`hong.ndjson#${line}`, kind, `line ${line}`]));
    expect(report.failed.find((failure) => failure.reason.kind === 'record-too-large')!.error).toBe(`line ${originalLine}: record is larger than 200000 bytes, the most one record may hold`);
    // The broken article is not in, nothing of it half-written; the others are; the original is not.
    const kept = report.imported.flatMap((item) => to.get(item.id)?.title ?? []).sort();
    expect(kept).toEqual(['Báo cáo quý I', 'Công văn số 12']);
    expect(to.counts().all).toBe(kept.length);
    expect(to.originals.paths()).toEqual([]);
  });

  it('uses the real limits by default: a record may hold a 200 MB PDF in base64, a line over 50 MB is read whole', { timeout: 60_000 }, async () => {
    expect(MAX_NDJSON_RECORD_BYTES).toBeGreaterThanOrEqual(Math.ceil(MAX_PDF_IMPORT_BYTES / 3) * 4);
    expect(MAX_NDJSON_RECORD_BYTES).toBeLessThan(MAX_PDF_IMPORT_BYTES * 1.5);
    // Bytes only (no JSON parse): one line just over the per-file limit, then a short one.
    const file = join(root, 'lon.ndjson');
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 10, 0x61);
    writeFileSync(file, Buffer.concat([big, Buffer.from('\n{"b":1}\n')]));
    const chunks: { kind: string; firstLine?: number; size?: number }[] = [];
    for await (const chunk of lineChunks(file)) chunks.push(chunk.kind === 'lines' ? { kind: chunk.kind, firstLine: chunk.firstLine, size: chunk.bytes.byteLength } : chunk);
    expect(chunks).toEqual([
      { kind: 'lines', firstLine: 1, size: MAX_IMPORT_BYTES + 11 },
      { kind: 'lines', firstLine: 2, size: 8 },
    ]);
    rmSync(file);
  });
});
