import type { ServerResponse } from 'node:http';
import type { EventBus } from '../commands/event-bus.ts';

const HEARTBEAT_MS = 25_000;

/** Forwards every contract event to one browser as Server-Sent Events until it disconnects. */
export function streamEvents(response: ServerResponse, events: EventBus): () => void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const off = events.onAny((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // Proxies and sleeping laptops drop idle connections; a comment line keeps it open.
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
  const stop = (): void => {
    clearInterval(heartbeat);
    off();
  };
  response.on('close', stop);
  return () => {
    stop();
    response.end();
  };
}
