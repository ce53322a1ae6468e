import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { followImportProgress, progressLine } from '../../../cli/import-progress.ts';
import { EventBus } from '../../../commands/event-bus.ts';
import type { ImportProgress } from '../../../contract/index.ts';
import { runImport } from '../../../importers/index.ts';
import { ParsePool } from '../../../importers/parse-pool.ts';
import { MemorySink } from '../importers/importer-test-helpers.ts';

/** `pages` pages of a different paragraph each (a repeated line would be dropped as a running header). */
async function makeLongPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const words = ['bao', 'cao', 'ngan', 'sach', 'tinh', 'quy', 'mot', 'nam', 'thu', 'chi', 'dau', 'tu', 'cong'];
  for (let number = 1; number <= pages; number++) {
    const line = Array.from({ length: 12 }, (_, index) => words[(number * 7 + index * 5) % words.length]).join(' ');
    doc.addPage([400, 400]).drawText(`${line} ${number}.`, { x: 30, y: 300, size: 11, font });
  }
  return doc.save();
}

describe('page progress of a long document', () => {
  const pool = new ParsePool({ size: 1 });
  afterAll(() => pool.close());

  it('comes from the parse worker as "page k of n" of the file being read, between the file counts', { timeout: 120_000 }, async () => {
    const progress: ImportProgress[] = [];
    const report = await runImport([{ kind: 'bytes', name: 'so-dang-ky.pdf', bytes: await makeLongPdf(60) }], new MemorySink(), {
      parsePool: pool,
      jobId: 'long',
      onProgress: (event) => progress.push(event),
    });
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(1);
    const pages = progress.filter((event) => event.pages);
    expect(pages.length).toBeGreaterThan(0);
    for (const event of pages) expect(event).toMatchObject({ jobId: 'long', done: 0, total: 1, current: 'so-dang-ky.pdf', pages: { total: 60, ocr: false } });
    const counts = pages.map((event) => event.pages!.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(60);
    // The file's own count comes after its pages.
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 });
    expect(progress.at(-1)!.pages).toBeUndefined();
  });
});

describe('the CLI progress line', () => {
  const at = (pages?: ImportProgress['pages']): ImportProgress => ({ jobId: 'j', done: 2, total: 5, current: '/in/scan.pdf', failures: 0, secondsLeft: 30, ...(pages ? { pages } : {}) });

  it('names the page of the document being read, and says when it is OCR', () => {
    expect(progressLine(at())).toBe('importing 2/5, about 30 s left');
    expect(progressLine(at({ done: 12, total: 40, ocr: false }))).toBe('importing 2/5, page 12/40 of scan.pdf, about 30 s left');
    expect(progressLine(at({ done: 1, total: 3, ocr: true }))).toBe('importing 2/5, OCR page 1/3 of scan.pdf, about 30 s left');
  });

  it('prints the page line as the import goes', () => {
    const events = new EventBus();
    const lines: string[] = [];
    let clock = 0;
    followImportProgress(events, { write: (line) => lines.push(line), now: () => clock });
    clock = 1500;
    events.emit('import.progress', at({ done: 2, total: 3, ocr: true }));
    expect(lines).toEqual(['importing 2/5, OCR page 2/3 of scan.pdf, about 30 s left']);
  });
});
