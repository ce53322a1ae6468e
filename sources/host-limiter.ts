// Politeness towards news sites: at most a few requests at a time to one host, and a small number in
// all, however many sources are due at once. Waiters are served in the order they asked.

export const PER_HOST_LIMIT = 2;
export const GLOBAL_LIMIT = 6;

interface Waiter {
  host: string;
  start: () => void;
}

export class HostLimiter {
  readonly #perHost: number;
  readonly #global: number;
  readonly #running = new Map<string, number>();
  #total = 0;
  readonly #queue: Waiter[] = [];

  constructor(limits: { perHost?: number; global?: number } = {}) {
    this.#perHost = limits.perHost ?? PER_HOST_LIMIT;
    this.#global = limits.global ?? GLOBAL_LIMIT;
  }

  /** Runs `work` once a slot for `url`'s host (and a global one) is free. */
  async run<T>(url: string, work: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    await new Promise<void>((start) => {
      this.#queue.push({ host, start });
      this.#drain();
    });
    try {
      return await work();
    } finally {
      this.#total--;
      const left = (this.#running.get(host) ?? 1) - 1;
      if (left === 0) this.#running.delete(host);
      else this.#running.set(host, left);
      this.#drain();
    }
  }

  #drain(): void {
    for (let index = 0; index < this.#queue.length && this.#total < this.#global; ) {
      const waiter = this.#queue[index]!;
      const busy = this.#running.get(waiter.host) ?? 0;
      if (busy >= this.#perHost) {
        index++;
        continue;
      }
      this.#queue.splice(index, 1);
      this.#running.set(waiter.host, busy + 1);
      this.#total++;
      waiter.start();
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
