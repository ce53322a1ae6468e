/** Something that tells its subscribers it has changed; they read what they need from it. */
export class Observable {
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
