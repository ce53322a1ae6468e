import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ImportReport } from '../../../contract/index.ts';
import { callBudget, uploadBatches, uploadLimitFor, type UploadLimits } from '../../../renderer/controllers/upload-batches.ts';
import { startServeHost, type ServeHost } from '../../../serve/index.ts';
import { makeStructuredPdf, STRUCTURED_PDF_TEXT } from '../../fixtures/documents/pdf-fixtures.ts';

const MB = 1024 * 1024;
const limits: UploadLimits = { maxBytes: 50 * MB, byExtension: { pdf: 200 * MB } };

describe('the renderer’s upload limits', () => {
  it('are per type: PDFs up to the importer’s 200 MB, the rest 50 MB', () => {
    expect(uploadLimitFor('bao-cao.PDF', limits)).toBe(200 * MB);
    expect(uploadLimitFor('cong-van.docx', limits)).toBe(50 * MB);
    expect(uploadLimitFor('pdf', limits)).toBe(50 * MB);
    expect(callBudget(limits)).toBe(200 * MB);
  });

  it('send a batch larger than one request allows in several calls, in order, every file in one', () => {
    const files = [150, 30, 40, 190, 5, 5].map((size, index) => ({ name: `f${index}`, size: size * MB }));
    expect(uploadBatches(files, 200 * MB).map((batch) => batch.map((file) => file.name))).toEqual([['f0', 'f1'], ['f2'], ['f3', 'f4', 'f5']]);
    expect(uploadBatches([], 200 * MB)).toEqual([]);
  });
});

/** A real PDF of `bytes` or more: the structured fixture with a file attached, which import never reads. */
async function largePdf(bytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makeStructuredPdf());
  // Random bytes: pdf-lib compresses attachments, and these do not shrink.
  await doc.attach(randomBytes(bytes), 'phu-luc.bin', { mimeType: 'application/octet-stream' });
  return doc.save();
}

describe('uploads through serve', () => {
  let dir: string;
  let host: ServeHost;
  let pdf: Uint8Array;
  const call = async <T>(name: string, body: unknown): Promise<{ status: number; value: T | undefined; error: unknown }> => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/commands/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsroom-token': host.token },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { value?: T; error?: unknown };
    return { status: response.status, value: answer.value, error: answer.error };
  };

  beforeAll(async () => {
    // Made first: an idle keep-alive connection that the server closes while the next large request
    // starts would be reset (the server keeps idle connections 5 s).
    pdf = await largePdf(60 * MB);
    dir = await mkdtemp(join(tmpdir(), 'nr-upload-limits-'));
    host = await startServeHost({ libraryDir: join(dir, 'library'), log: () => {} });
  }, 120_000);
  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('tell the renderer each type’s limit', async () => {
    const { value } = await call<AppInfo>('app.info', {});
    expect(value).toMatchObject({ maxImportBytes: 50 * MB, maxImportBytesByExtension: { pdf: 200 * MB } });
  });

  it('take a PDF over 50 MB, and refuse another type over 50 MB with its own limit as the reason', { timeout: 180_000 }, async () => {
    expect(pdf.byteLength).toBeGreaterThan(60 * MB);
    const big = Buffer.from(pdf).toString('base64');
    const { status, value } = await call<ImportReport>('library.importFiles', {
      jobId: 'large',
      files: [
        { name: 'bao-cao-lon.pdf', base64: big },
        // The same bytes under another name: the importer's limit for that type applies.
        { name: 'bao-cao-lon.epub', base64: big },
      ],
    });
    expect(status).toBe(200);
    expect(value!.imported.map((item) => item.title)).toEqual([STRUCTURED_PDF_TEXT.title]);
    expect(value!.failed).toEqual([{ path: 'bao-cao-lon.epub', error: expect.stringContaining('50 MB') as unknown, reason: { kind: 'too-large', maxBytes: 50 * MB } }]);
  });
});
