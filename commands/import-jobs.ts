/** Running imports by job id, so the renderer can cancel one it started. */
export class ImportJobs {
  readonly #running = new Map<string, AbortController>();

  start(jobId: string): AbortSignal {
    if (this.#running.has(jobId)) throw new Error(`An import with job id ${jobId} is already running`);
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    return controller.signal;
  }

  finish(jobId: string): void {
    this.#running.delete(jobId);
  }

  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
