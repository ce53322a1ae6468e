// Documents: PDF text extraction speed (pdfjs + layout rebuild), pages per second, on a PDF made here
// with pdf-lib: two columns of running text per page, a running header and a page-number footer.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfImporter } from '../../importers/documents/pdf-importer.ts';
import { piecesFromPages } from '../../importers/documents/pdf-layout.ts';
import { readPdfText } from '../../importers/documents/pdf-text.ts';
import { findVietnameseModel, recogniseImages } from '../../importers/documents/ocr.ts';
import { loadLine } from '../measure.ts';
import { runSearchDuringImport } from './search-during-import.ts';

const SENTENCES = [
  'Bo Tai chinh cho biet thu ngan sach quy I dat ket qua kha quan nho cac khoan thu tu doanh nghiep.',
  'Chi dau tu cong duoc day nhanh, nhieu du an giao thong trong diem da khoi cong dung tien do.',
  'Gia tieu dung on dinh, lam phat co ban duoc kiem soat duoi muc muc tieu Quoc hoi de ra.',
  'Xuat khau nong san tang manh sang cac thi truong chau A va chau Au.',
];

async function makePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    const page = doc.addPage([595, 842]);
    page.drawText('CONG BAO - Bo Tai chinh', { x: 60, y: 807, size: 8, font });
    page.drawText(`Trang ${number}/${pages}`, { x: 280, y: 30, size: 8, font });
    page.drawText(`Muc ${number}`, { x: 60, y: 760, size: 15, font });
    for (const [column, x] of [[0, 60], [1, 310]] as const) {
      const text = Array.from({ length: 6 }, (_, i) => SENTENCES[(number + column + i) % SENTENCES.length]!).join(' ');
      page.drawText(text, { x, y: 730, size: 10, font, maxWidth: 225, lineHeight: 13 });
    }
  }
  return doc.save();
}

export async function runDocumentsBench(options: { log: (line: string) => void; pages?: number; importPages?: number; articles?: number; corpusDir?: string }): Promise<void> {
  const { log } = options;
  const pages = options.pages ?? 300;
  const pdf = await makePdf(pages);
  log(`PDF: ${pages} pages, two columns each, ${(pdf.byteLength / 1024 / 1024).toFixed(1)} MB; load ${loadLine()}`);
  // Warm-up: pdfjs's module and its fake worker load once per parse worker.
  await readPdfText(await makePdf(2));
  let started = performance.now();
  const text = await readPdfText(pdf);
  const readMs = performance.now() - started;
  started = performance.now();
  const pieces = piecesFromPages(text.pages);
  const layoutMs = performance.now() - started;
  started = performance.now();
  await pdfImporter.parse({ name: 'bench.pdf', bytes: pdf, origin: 'bench.pdf' });
  const importMs = performance.now() - started;
  const rate = (ms: number): string => `${Math.round(pages / (ms / 1000))} pages/s`;
  log(`- text extraction (pdfjs getTextContent, ${pages} pages): ${Math.round(readMs)} ms, ${rate(readMs)}`);
  log(`- layout rebuild (lines, columns, paragraphs; ${pieces.length} blocks): ${Math.round(layoutMs)} ms, ${rate(layoutMs)}`);
  log(`- whole PDF import parse (extraction + layout + legacy-font check + draft): ${Math.round(importMs)} ms, ${rate(importMs)} (target ≥ 20 pages/s)`);
  await runOcrBench(log);
  const importPages = options.importPages ?? 500;
  await runSearchDuringImport({ log, pdf: await makePdf(importPages), pages: importPages, articles: options.articles ?? 20_000, ...(options.corpusDir ? { corpusDir: options.corpusDir } : {}) });
  log(`End: ${loadLine()}`);
}

/** OCR pages per minute on A4-sized scans (1240×1754, ~150 dpi) of running Vietnamese text, drawn with @napi-rs/canvas. */
async function runOcrBench(log: (line: string) => void): Promise<void> {
  const model = findVietnameseModel();
  if (!model) {
    log('- OCR: skipped, no vie.traineddata on this computer (install tesseract-ocr-vie, or set NEWSROOM_TESSDATA)');
    return;
  }
  const { createCanvas } = await import('@napi-rs/canvas');
  const lines = ['Uy ban nhan dan thanh pho thong bao lich tiep cong dan dinh ky.', 'Nguoi dan can mang theo giay to tuy than khi den lam viec.'];
  const pages = Array.from({ length: 3 }, () => {
    const canvas = createCanvas(1240, 1754);
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = 'black';
    context.font = '28px serif';
    for (let row = 0; row < 40; row++) context.fillText(lines[row % 2]!, 80, 120 + row * 38);
    return new Uint8Array(canvas.toBuffer('image/png'));
  });
  const started = performance.now();
  await recogniseImages(pages, { modelFolder: model });
  const minutes = (performance.now() - started) / 60_000;
  log(`- OCR (tesseract.js, vie, ${pages.length} A4 pages of 40 lines, worker start included): ${(minutes * 60).toFixed(1)} s, ${(pages.length / minutes).toFixed(1)} pages/min`);
}
