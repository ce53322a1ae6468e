/**
 * "Latest answer wins": of several requests in flight for the same thing (a query typed letter by
 * letter, one article opened after another), only the newest may apply its answer; a slower answer to
 * an older request is dropped.
 */
export class LatestAnswer {
  #generation = 0;

  /** Starts a request; the function returned says whether it is still the newest when it answers. */
  begin(): () => boolean {
    const generation = ++this.#generation;
    return () => generation === this.#generation;
  }

  /** Makes every request started so far out of date (something newer was applied another way). */
  supersede(): void {
    this.#generation++;
  }
}
