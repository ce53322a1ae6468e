// A real HTTP server on 127.0.0.1 for source tests: each path answers as the test says, and the
// server counts requests and how many it was serving at once.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface FeedServer {
  url(path: string): string;
  routes: Map<string, Route>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** The most requests it was answering at the same time. */
  maxConcurrent: number;
  /** TCP connections accepted so far (a client that keeps its connections alive opens few). */
  connections: number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  let active = 0;
  const state = { maxConcurrent: 0, connections: 0 };
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: request.headers });
    active++;
    state.maxConcurrent = Math.max(state.maxConcurrent, active);
    response.on('close', () => active--);
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    void Promise.resolve(route(request, response)).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Idle connections stay open as long as a busy machine may take between two refreshes of a test, so
  // counting connections measures the client's reuse, not this server's idle timeout.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    routes,
    requests,
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface RssItem {
  guid?: string;
  title: string;
  link?: string;
  body: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: readonly RssItem[]): string {
  const entries = items
    .map((item) => `<item>${item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : ''}<title>${escape(item.title)}</title>${item.link ? `<link>${escape(item.link)}</link>` : ''}<description>${escape(item.body)}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>https://example.vn/</link><description>d</description>\n${entries}\n</channel></rss>`;
}

/** Serves `body()` with an ETag of its content, answering 304 when the client sends it back. */
export function conditionalFeed(body: () => string, contentType = 'application/rss+xml; charset=utf-8'): Route {
  return (request, response) => {
    const text = body();
    const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, etag }).end(text);
  };
}

/** A Vietnamese news paragraph long enough to be an article. */
export function story(n: number, edit = ''): string {
  return `Bản tin số ${n}: Hà Nội công bố kế hoạch giao thông mới cho mùa lễ hội năm nay.${edit} Các tuyến xe buýt được tăng cường và nhiều điểm đỗ xe mới được mở.`;
}
