// The renderer's one door to a host: preload exposes it as `window.newsroom` over IPC, and the
// `serve` transport imitates it over HTTP and Server-Sent Events.
import type { EventName } from './command-names.ts';
import type { CommandOutcome } from './errors.ts';

/** What preload exposes as `window.newsroom`, and what the HTTP transport imitates. */
export interface NewsroomBridge {
  call(name: string, args: unknown): Promise<CommandOutcome<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
