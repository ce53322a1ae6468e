// Fetches a web page or feed once, to keep it offline. Bounded in time and size.
import { ImportInputError, tooLargeError } from './import-types.ts';

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;

export interface FetchOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes: number;
}

export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType?: string;
  /** A file-like name from the URL's last path segment, for extension-based detection. */
  name: string;
}

function nameFromUrl(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : new URL(url).hostname;
  } catch {
    return url;
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** GETs an http(s) URL following redirects; network failures, HTTP errors, timeouts and oversize bodies become ImportInputError. */
export async function fetchResource(url: string, options: FetchOptions): Promise<FetchedResource> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ImportInputError({ kind: 'invalid-url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ImportInputError({ kind: 'not-http' });

  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  const doFetch = options.fetch ?? globalThis.fetch;
  try {
    const response = await doFetch(parsed.href, {
      redirect: 'follow',
      signal,
      headers: {
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
        'user-agent': 'NewsroomReader/0.1 (offline reader)',
      },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImportInputError({ kind: 'http-status', status: response.status, statusText: response.statusText });
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel();
      throw tooLargeError(options.maxBytes);
    }
    const bytes = await readCapped(response, options.maxBytes);
    const finalUrl = response.url || parsed.href;
    return { url: finalUrl, bytes, contentType: response.headers.get('content-type') ?? undefined, name: nameFromUrl(finalUrl) };
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    if (signal.aborted && !options.signal?.aborted) throw new ImportInputError({ kind: 'timeout', seconds: Math.round(timeoutMs / 1000) });
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new ImportInputError({ kind: 'fetch-failed', detail: `${error instanceof Error ? error.message : String(error)}${cause}` }, { cause: error });
  }
}
