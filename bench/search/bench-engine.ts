// What every engine under test offers the search bench, ours and the peers alike.
import type { SearchDocument } from '../../search/search-document.ts';

export interface BenchQuery {
  /** Exactly what the user typed; a trailing space means the last word is finished. */
  typed: string;
  words: string[];
  prefix: boolean;
  phrase: boolean;
}

export interface BenchEngine {
  readonly name: string;
  /** Builds the index from scratch; the caller times it and measures the heap it holds. */
  build(docs: readonly SearchDocument[]): void;
  /** Writes the index to `dir` and returns its size in bytes. */
  persist(dir: string): Promise<number>;
  /** Loads the persisted index as a fresh start of the app would, ready to answer. */
  load(dir: string): Promise<void>;
  search(query: BenchQuery, limit: number): string[];
  /** Whether `id` is among all the results for `query`, however it is ranked. */
  finds(query: BenchQuery, id: string): boolean;
  dispose(): void;
}
