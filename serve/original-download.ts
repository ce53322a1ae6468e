// GET /api/originals/<articleId>: the original file of an imported document, as a download. The
// request has passed serve's token check (header, query or its SameSite=Strict cookie); the path comes
// from the core's original-file store through a trusted call, never from the request.
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Dispatch } from '../commands/dispatcher.ts';
import type { OriginalFileInfo } from '../contract/index.ts';

export const ORIGINALS_PATH = '/api/originals/';

/** RFC 6266 filename*: the Vietnamese name survives, and quotes or line breaks cannot break the header. */
function attachment(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/gu, '').replace(/["\\]/gu, '_') || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function sendOriginal(response: ServerResponse, rawId: string, dispatch: Dispatch, head: boolean): Promise<void> {
  let articleId: string;
  try {
    articleId = decodeURIComponent(rawId);
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad article id');
    return;
  }
  const outcome = await dispatch('documents.originalPath', { articleId });
  const kept = outcome.ok ? (outcome.value as (OriginalFileInfo & { path: string }) | null) : null;
  if (!kept) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No original file for this article');
    return;
  }
  response.writeHead(200, {
    'content-type': kept.mediaType,
    'content-length': String(kept.size),
    'content-disposition': attachment(kept.name),
    'cache-control': 'no-store',
  });
  if (head) {
    response.end();
    return;
  }
  await pipeline(createReadStream(kept.path), response);
}
