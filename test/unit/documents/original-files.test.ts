import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { ImportReport } from '../../../contract/index.ts';
import { startServeHost, type ServeHost } from '../../../serve/index.ts';
import { makeStructuredPdf } from '../../fixtures/documents/pdf-fixtures.ts';

describe('the original PDF, kept content-addressed and opened on request', () => {
  let dir: string;
  let host: ServeHost;
  let pdf: Uint8Array;
  let articleId: string;
  const post = async (name: string, body: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { reason?: { kind: string } } } }> => {
    const response = await fetch(`${`http://127.0.0.1:${host.port}`}/api/commands/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsroom-token': host.token },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean } };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nr-originals-'));
    host = await startServeHost({ libraryDir: join(dir, 'library'), log: () => {} });
    pdf = await makeStructuredPdf();
    const files = [{ name: 'Báo cáo quý I.pdf', base64: Buffer.from(pdf).toString('base64') }];
    const { body } = await post('library.importFiles', { jobId: 'pdf', files });
    articleId = (body.value as ImportReport).imported[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells the renderer what is kept, and serves the same bytes only with the token', async () => {
    const { body } = await post('documents.original', { articleId });
    expect(body.value).toMatchObject({ name: 'Báo cáo quý I.pdf', mediaType: 'application/pdf', size: pdf.byteLength });
    const sha256 = (body.value as { sha256: string }).sha256;
    expect(await readFile(join(dir, 'library', 'originals', sha256.slice(0, 2), `${sha256}.pdf`))).toEqual(Buffer.from(pdf));

    const url = `http://127.0.0.1:${host.port}/api/originals/${encodeURIComponent(articleId)}`;
    expect((await fetch(url)).status).toBe(401);
    const download = await fetch(url, { headers: { 'x-newsroom-token': host.token } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from(pdf));
    expect((await fetch(`http://127.0.0.1:${host.port}/api/originals/nope`, { headers: { 'x-newsroom-token': host.token } })).status).toBe(404);
  });

  it('gives neither the path nor the system viewer to the browser renderer', async () => {
    expect((await post('documents.originalPath', { articleId })).status).toBe(403);
    expect((await post('documents.openOriginal', { articleId })).status).toBe(403);
  });

  it('opens the kept file through the desktop host’s openPath, with a path inside the library', async () => {
    await host.close();
    const opened: string[] = [];
    const context = await AppContext.open({ libraryDir: join(dir, 'library'), runtime: 'electron', host: { openPath: async (path) => (opened.push(path), '') } });
    try {
      expect(await context.dispatchFor('ipc')('documents.openOriginal', { articleId })).toEqual({ ok: true, value: { opened: true } });
      expect(opened).toHaveLength(1);
      expect(opened[0]!.startsWith(join(dir, 'library', 'originals'))).toBe(true);
      expect(await readFile(opened[0]!)).toEqual(Buffer.from(pdf));
    } finally {
      await context.close();
      host = await startServeHost({ libraryDir: join(dir, 'library'), log: () => {} });
    }
  });
});
