/** Running imports by job id, so the renderer can cancel one it started and a closing host can cancel all. */
export class ImportJobs {
  readonly #running = new Map<string, AbortController>();
  readonly #idle = new Set<() => void>();

  start(jobId: string): AbortSignal {
    if (this.#running.has(jobId)) throw new Error(`An import with job id ${jobId} is already running`);
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    return controller.signal;
  }

  finish(jobId: string): void {
    this.#running.delete(jobId);
    if (this.#running.size > 0) return;
    for (const resolve of this.#idle) resolve();
    this.#idle.clear();
  }

  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /**
   * Cancels every running import and resolves once they have stopped. An import checks its signal
   * between articles and commits the ones its open batch holds, so it stops at a transaction boundary.
   */
  cancelAll(): Promise<void> {
    for (const controller of this.#running.values()) controller.abort();
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.add(resolve));
  }
}
