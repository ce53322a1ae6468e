import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoreClient } from '../commands/core-client.ts';
import { CONTENT_SECURITY_POLICY } from '../hosting/content-security-policy.ts';
import { MAX_UPLOAD_BASE64 } from '../contract/commands.ts';
import { streamEvents } from './event-stream.ts';
import { ORIGINALS_PATH, sendOriginal } from './original-download.ts';
import { isAllowedHost, newToken, presentedToken, tokenCookie } from './request-auth.ts';
import { readStaticFile, rendererRoot } from '../hosting/static-files.ts';
import { imageHeaders, IMAGES_PATH, readLibraryImage } from '../hosting/library-images.ts';

export interface ServeOptions {
  libraryDir: string;
  /** 0 or absent picks a free port. */
  port?: number;
  log?: (line: string) => void;
  /** For tests: serve a different renderer folder. */
  rendererDir?: string;
  /** When the library was moved from the app, where the next start should find it. */
  onLibraryMoved?: (libraryDir: string) => void;
  /**
   * TEST ONLY (`serve --allow-loopback-sources`): the browser may subscribe to and save pages from
   * 127.0.0.1 and other local addresses, as the e2e suites' feed server needs. Never on by default.
   */
  allowLoopbackSources?: boolean;
}

export interface ServeHost {
  url: string;
  port: number;
  token: string;
  /** The core, in a worker thread: this host's own event loop keeps answering while it is busy. */
  core: CoreClient;
  close(): Promise<void>;
}

const COMMAND_PATH = '/api/commands/';
// Imports arrive as base64 in JSON: one 200 MB PDF is about 267 MB of text (the renderer sends larger
// batches in several calls).
const MAX_BODY_BYTES = MAX_UPLOAD_BASE64 + 8 * 1024 * 1024;

/**
 * The headless host: the same renderer bundle and the same command contract as the Electron app,
 * over HTTP (calls) and Server-Sent Events (events), on 127.0.0.1 only, behind a per-run token.
 */
export async function startServeHost(options: ServeOptions): Promise<ServeHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  // The core runs in a worker thread, so static files, token checks, refusals and the event stream
  // are answered even while a command holds the core (a long SQLite step, an export, a move).
  const core = await CoreClient.start({
    libraryDir: options.libraryDir,
    runtime: 'browser',
    log,
    onLibraryMoved: options.onLibraryMoved,
    onUnexpectedError: (command, error) => log(`error in ${command}: ${error}`),
    allowRendererLoopback: options.allowLoopbackSources === true,
  });
  if (options.allowLoopbackSources) log('serve: --allow-loopback-sources is on: the browser may fetch from local addresses (for tests only)');
  const dispatch = core.dispatchFor('serve');
  const token = newToken();
  const root = options.rendererDir ?? rendererRoot();
  const closeStreams = new Set<() => void>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`serve: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, failure('failed', 'Internal error in the headless host'));
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    if (!isAllowedHost(request.headers.host, port)) {
      sendJson(response, 421, failure('unsupported', 'Refused: unexpected Host header'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const credential = presentedToken(request, url, token);
    if (!credential) {
      sendJson(response, 401, failure('unsupported', 'Refused: missing or wrong token; open the URL printed by `serve`'));
      return;
    }
    if (url.pathname.startsWith(COMMAND_PATH)) {
      await handleCommand(request, response, url.pathname.slice(COMMAND_PATH.length), credential);
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      const close = streamEvents(response, core.events);
      closeStreams.add(close);
      response.on('close', () => closeStreams.delete(close));
      return;
    }
    if (url.pathname.startsWith(ORIGINALS_PATH) && (request.method === 'GET' || request.method === 'HEAD')) {
      await sendOriginal(response, url.pathname.slice(ORIGINALS_PATH.length), core.dispatch, request.method === 'HEAD');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, failure('unsupported', `Method ${request.method ?? '?'} not allowed`));
      return;
    }
    if (url.pathname.startsWith(IMAGES_PATH)) {
      // Photos come from the library folder the core has open now (it may have been moved).
      const image = await readLibraryImage(core.info.libraryDir, url.pathname);
      if (!image) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      else response.writeHead(200, imageHeaders(image.type)).end(request.method === 'HEAD' ? undefined : image.body);
      return;
    }
    const file = await readStaticFile(root, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
    };
    if (credential === 'query') headers['set-cookie'] = tokenCookie(token);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleCommand(
    request: IncomingMessage,
    response: ServerResponse,
    rawName: string,
    credential: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, failure('unsupported', 'Commands are called with POST'));
      return;
    }
    // A cookie alone is what a cross-site form could send; calls must carry the token explicitly.
    if (credential === 'cookie') {
      sendJson(response, 401, failure('unsupported', 'Refused: commands need the X-Newsroom-Token header'));
      return;
    }
    let args: unknown;
    try {
      const text = await readBody(request);
      args = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch (error) {
      const message = error instanceof BodyTooLarge ? error.message : 'Request body is not valid JSON';
      sendJson(response, error instanceof BodyTooLarge ? 413 : 400, failure('invalid-arguments', message));
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      sendJson(response, 400, failure('invalid-arguments', 'The command name in the URL is not valid percent-encoding'));
      return;
    }
    // Only what the browser UI needs: never a command that takes a path on this computer to read.
    const outcome = await dispatch(name, args);
    const status = outcome.ok ? 200 : outcome.error.reason?.kind === 'command.not-allowed' ? 403 : statusFor(outcome.error.code);
    sendJson(response, status, outcome);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  log(`Newsroom Reader is running at ${url}`);

  return {
    url,
    port,
    token,
    core,
    async close() {
      for (const close of closeStreams) close();
      // Requests still open (a long import upload) must not hold shutdown: their core is closing too.
      server.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), core.close()]);
    },
  };
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge(`Request is larger than ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function statusFor(code: string): number {
  if (code === 'invalid-arguments') return 400;
  if (code === 'unknown-command' || code === 'not-found') return 404;
  if (code === 'unsupported') return 501;
  return 500;
}

function failure(code: string, message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
