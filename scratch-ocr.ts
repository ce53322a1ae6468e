import { makeScannedPdf } from './test/fixtures/documents/ocr-fixtures.ts';
import { pdfImporter } from './importers/documents/pdf-importer.ts';
const bytes = await makeScannedPdf();
const items = await pdfImporter.parse({ name: 'scan.pdf', bytes, origin: 'scan.pdf' }, { onProgress: (p) => console.log(p) });
const d = (items[0] as any).draft;
console.log(d.title, d.tags, JSON.stringify(d.blocks), d.body);
