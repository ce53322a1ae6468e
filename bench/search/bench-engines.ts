// The four engines under test, behind one small interface so each runs the same corpus and queries.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDocument } from '../../search/search-document.ts';
import { readIndexFile, verifyPayload, writeIndexFile } from '../../search/index-file.ts';
import { runSearch } from '../../search/run-search.ts';
import { SearchEngine } from '../../search/search-engine.ts';

import type { BenchEngine, BenchQuery } from './bench-engine.ts';

export type { BenchEngine, BenchQuery } from './bench-engine.ts';

export class OurEngine implements BenchEngine {
  readonly name = 'Newsroom (lunr queries, compact index)';
  #engine: SearchEngine | null = null;
  #docs = new Map<string, SearchDocument>();

  build(docs: readonly SearchDocument[]): void {
    this.#docs = new Map(docs.map((doc) => [doc.id, doc]));
    this.#engine = SearchEngine.build(docs);
  }

  /** The stored text the engine highlights from; in the app it comes from the library, not the index. */
  attachDocuments(docs: readonly SearchDocument[]): void {
    this.#docs = new Map(docs.map((doc) => [doc.id, doc]));
  }

  async persist(dir: string): Promise<number> {
    const path = join(dir, 'search-index.json');
    writeIndexFile(path, this.#engine!.size, this.#engine!.serialize());
    return statSync(path).size;
  }

  async load(dir: string): Promise<void> {
    const file = await readIndexFile(join(dir, 'search-index.json'));
    if (!file || !(await verifyPayload(file.payload, file.header.checksum))) throw new Error('index file unreadable');
    this.#engine = SearchEngine.deserialize(file.payload);
  }

  #segments() {
    return { engines: [this.#engine!], removed: new Set<string>(), documents: (ids: readonly string[]) => ids.flatMap((id) => this.#docs.get(id) ?? []) };
  }

  search(query: BenchQuery, limit: number): string[] {
    return runSearch(query.typed, this.#segments(), { limit }).hits.map((hit) => hit.id);
  }

  finds(query: BenchQuery, id: string): boolean {
    let found = false;
    runSearch(query.typed, this.#segments(), { limit: 1, accept: (candidate) => (found ||= candidate === id, true) });
    return found;
  }

  dispose(): void {
    this.#engine = null;
  }
}

export { Fts5Engine } from './fts5-engine.ts';
export { FlexSearchEngine, MiniSearchEngine } from './peer-engines.ts';
