// The four engines under test, behind one small interface so each runs the same corpus and queries.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { SearchDocument } from '../../search/search-document.ts';
import { readIndexFile, verifyPayload, writeIndexFile } from '../../search/index-file.ts';
import { runSearch } from '../../search/run-search.ts';
import { SearchEngine } from '../../search/search-engine.ts';

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

const MINISEARCH_OPTIONS = { fields: ['title', 'body'], idField: 'id', searchOptions: { boost: { title: 2 } } };

export class MiniSearchEngine implements BenchEngine {
  readonly name = 'MiniSearch';
  #index: MiniSearch | null = null;

  build(docs: readonly SearchDocument[]): void {
    this.#index = new MiniSearch(MINISEARCH_OPTIONS);
    this.#index.addAll(docs.map(({ id, title, body }) => ({ id, title, body })));
  }

  async persist(dir: string): Promise<number> {
    const path = join(dir, 'minisearch.json');
    writeFileSync(path, JSON.stringify(this.#index));
    return statSync(path).size;
  }

  async load(dir: string): Promise<void> {
    this.#index = MiniSearch.loadJSON(readFileSync(join(dir, 'minisearch.json'), 'utf8'), MINISEARCH_OPTIONS);
  }

  #run(query: BenchQuery) {
    // MiniSearch has no phrase queries: a phrase runs as all of its words.
    return this.#index!.search(query.words.join(' '), {
      combineWith: 'AND',
      prefix: (_term: string, i: number, terms: string[]) => query.prefix && i === terms.length - 1,
    });
  }

  search(query: BenchQuery, limit: number): string[] {
    return this.#run(query).slice(0, limit).map((result) => String(result.id));
  }

  finds(query: BenchQuery, id: string): boolean {
    return this.#run(query).some((result) => result.id === id);
  }

  dispose(): void {
    this.#index = null;
  }
}

export class FlexSearchEngine implements BenchEngine {
  readonly name = 'FlexSearch';
  #index: FlexIndex | null = null;
  #ids: string[] = [];

  // "forward" tokenization is FlexSearch's documented way to answer as-you-type prefixes.
  #create(): FlexIndex {
    return new FlexIndex({ tokenize: 'forward' });
  }

  build(docs: readonly SearchDocument[]): void {
    this.#index = this.#create();
    this.#ids = docs.map((doc) => doc.id);
    docs.forEach((doc, i) => this.#index!.add(i, `${doc.title}\n${doc.body}`));
  }

  async persist(dir: string): Promise<number> {
    const folder = join(dir, 'flexsearch');
    mkdirSync(folder, { recursive: true });
    let bytes = 0;
    await this.#index!.export((key: string, data: string) => {
      writeFileSync(join(folder, key), data ?? '');
      bytes += Buffer.byteLength(data ?? '');
    });
    writeFileSync(join(folder, '_ids.json'), JSON.stringify(this.#ids));
    return bytes;
  }

  async load(dir: string): Promise<void> {
    const folder = join(dir, 'flexsearch');
    this.#index = this.#create();
    const { readdirSync } = await import('node:fs');
    for (const key of readdirSync(folder)) {
      if (key === '_ids.json') this.#ids = JSON.parse(readFileSync(join(folder, key), 'utf8')) as string[];
      else this.#index.import(key, readFileSync(join(folder, key), 'utf8'));
    }
  }

  #run(query: BenchQuery, limit: number): number[] {
    // No phrase queries either: a phrase runs as all of its words.
    return this.#index!.search(query.words.join(' '), { limit }) as number[];
  }

  search(query: BenchQuery, limit: number): string[] {
    return this.#run(query, limit).map((i) => this.#ids[i]!);
  }

  finds(query: BenchQuery, id: string): boolean {
    const wanted = this.#ids.indexOf(id);
    return this.#run(query, this.#ids.length).includes(wanted);
  }

  dispose(): void {
    this.#index = null;
    this.#ids = [];
  }
}

export class Fts5Engine implements BenchEngine {
  readonly name = 'SQLite FTS5 (unicode61, remove_diacritics 2)';
  #db: DatabaseSync | null = null;
  #path = '';

  build(docs: readonly SearchDocument[]): void {
    this.#db = new DatabaseSync(':memory:');
    this.#db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')`);
    const insert = this.#db.prepare('INSERT INTO docs (id, title, body) VALUES (?, ?, ?)');
    this.#db.exec('BEGIN');
    for (const doc of docs) insert.run(doc.id, doc.title, doc.body);
    this.#db.exec('COMMIT');
  }

  async persist(dir: string): Promise<number> {
    this.#path = join(dir, 'fts5.sqlite');
    rmSync(this.#path, { force: true });
    this.#db!.exec(`VACUUM INTO '${this.#path.replaceAll("'", "''")}'`);
    return statSync(this.#path).size;
  }

  async load(): Promise<void> {
    this.#db?.close();
    this.#db = new DatabaseSync(this.#path);
    // Opening is lazy; the first query is what a user waits for.
    this.#db.prepare(`SELECT rowid FROM docs WHERE docs MATCH '"a"' LIMIT 1`).all();
  }

  #match(query: BenchQuery): string {
    const quoted = query.words.map((word) => `"${word.replaceAll('"', '""')}"`);
    if (query.phrase) return `"${query.words.join(' ').replaceAll('"', '""')}"`;
    if (query.prefix) quoted[quoted.length - 1] += '*';
    return quoted.join(' ');
  }

  search(query: BenchQuery, limit: number): string[] {
    const rows = this.#db!.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 5.0, 1.0) LIMIT ?').all(this.#match(query), limit);
    return rows.map((row) => String(row.id));
  }

  finds(query: BenchQuery, id: string): boolean {
    return this.#db!.prepare('SELECT 1 FROM docs WHERE docs MATCH ? AND id = ?').get(this.#match(query), id) !== undefined;
  }

  dispose(): void {
    this.#db?.close();
    this.#db = null;
  }
}
