// The source refreshes' connections: one set of keep-alive undici Agents shared by every feed, page
// and photo fetch of the running app, so a site polled every few minutes (and its pages and photos)
// reuses its open connections instead of a new TCP (and TLS) handshake per request. Each fetch still
// goes through importers/url-fetch.ts, which checks every hop's address before the request; the
// agents check it again when they connect, as url-fetch's own one-shot agents do.
import { Agent, fetch as undiciFetch } from 'undici';
import { directlyTypedHost } from '../importers/address-policy.ts';
import { guardedLookup } from '../importers/url-fetch.ts';
import { PER_HOST_LIMIT } from './host-limiter.ts';

/** How long an idle connection stays open; refreshes of one site's feed, pages and photos come in bursts. */
export const KEEP_ALIVE_MS = 30_000;

export interface ConnectionPoolOptions {
  /** Only for tests' loopback servers reached by redirect or another name. */
  allowPrivateAddresses?: boolean;
  /** Open connections per origin; default the HostLimiter's per-host limit (more would sit idle). */
  connectionsPerHost?: number;
  keepAliveMs?: number;
}

export class ConnectionPool {
  readonly #options: ConnectionPoolOptions;
  /**
   * One agent per connect-time allowance: '' for public addresses only (nearly every fetch), else the
   * local host a request is addressed to as written (http://127.0.0.1:…/), which url-fetch has already
   * let through or refused for that request; '*' when tests allow every address.
   */
  readonly #agents = new Map<string, Agent>();
  #closed = false;

  constructor(options: ConnectionPoolOptions = {}) {
    this.#options = options;
  }

  /** A `fetch` for url-fetch's `fetch` option, on the shared connections. */
  readonly fetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // undici's own fetch and Response types differ from the DOM's only in name, as url-fetch's are.
    return undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: this.#agentFor(url) }) as unknown as Promise<Response>;
  };

  #agentFor(url: string): Agent {
    if (this.#closed) throw new Error('the connection pool is closed');
    const allowAll = this.#options.allowPrivateAddresses === true;
    const typedHost = allowAll ? null : directlyTypedHost(url);
    const key = allowAll ? '*' : (typedHost ?? '');
    let agent = this.#agents.get(key);
    if (!agent) {
      agent = new Agent({
        connections: this.#options.connectionsPerHost ?? PER_HOST_LIMIT,
        keepAliveTimeout: this.#options.keepAliveMs ?? KEEP_ALIVE_MS,
        connect: { lookup: guardedLookup(typedHost, allowAll) },
      });
      this.#agents.set(key, agent);
    }
    return agent;
  }

  /** Closes every connection (after the requests under way); the app is closing. */
  async close(): Promise<void> {
    this.#closed = true;
    const agents = [...this.#agents.values()];
    this.#agents.clear();
    await Promise.allSettled(agents.map((agent) => agent.close()));
  }
}
