/**
 * The newest search of each client (a window or tab). Typing sends a query per pause; when the host
 * is busy they queue, and only the last one still matters to the reader, so an older query that has
 * not started yet steps aside instead of searching and highlighting for nobody.
 */
export class SearchTurns {
  readonly #latest = new Map<string, number>();
  #counter = 0;

  /** Registers a query of `client`; the function returned tells whether a newer one has arrived since. */
  begin(client: string): { superseded: () => boolean; end: () => void } {
    const turn = ++this.#counter;
    this.#latest.set(client, turn);
    return {
      superseded: () => this.#latest.get(client) !== turn,
      // Forgotten once answered, so clients that come and go leave nothing behind.
      end: () => {
        if (this.#latest.get(client) === turn) this.#latest.delete(client);
      },
    };
  }

  /** How many clients have a query in flight. */
  get pending(): number {
    return this.#latest.size;
  }
}

/** Lets queued I/O run (other requests and IPC messages that arrived while the host was busy). */
export const otherWorkFirst = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
