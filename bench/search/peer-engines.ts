// MiniSearch and FlexSearch set up for Vietnamese as a careful user would: terms folded (NFD, marks
// stripped, đ→d, lowercase) on both the indexing and the query side, top-k returned by each engine's
// own scoring.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encoder, Index as FlexIndex } from 'flexsearch';
import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import type { SearchDocument } from '../../search/search-document.ts';
import type { BenchEngine, BenchQuery } from './bench-engine.ts';
import { foldVietnamese } from './peer-fold.ts';

interface MiniDoc {
  id: string;
  title: string;
  body: string;
}

const MINISEARCH_OPTIONS: MiniSearchOptions<MiniDoc> = {
  fields: ['title', 'body'],
  idField: 'id',
  processTerm: (term) => foldVietnamese(term),
  searchOptions: { boost: { title: 2 }, processTerm: (term) => foldVietnamese(term) },
};

export class MiniSearchEngine implements BenchEngine {
  readonly name = 'MiniSearch (folded terms)';
  #index: MiniSearch<MiniDoc> | null = null;

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
  readonly name = 'FlexSearch (folding encoder)';
  #index: FlexIndex | null = null;
  #ids: string[] = [];

  // "forward" tokenization answers as-you-type prefixes; resolution 9 ranks by where a term sits;
  // the context index scores words that stand together, which is what ranks a multi-word query.
  #create(): FlexIndex {
    return new FlexIndex({
      tokenize: 'forward',
      resolution: 9,
      context: { depth: 1, bidirectional: true, resolution: 3 },
      encoder: new Encoder({ normalize: foldVietnamese, dedupe: false }),
    });
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
    for (const key of readdirSync(folder)) {
      if (key === '_ids.json') this.#ids = JSON.parse(readFileSync(join(folder, key), 'utf8')) as string[];
      else this.#index.import(key, readFileSync(join(folder, key), 'utf8'));
    }
  }

  #run(query: BenchQuery, limit: number): number[] {
    // No phrase queries either: a phrase runs as all of its words, ranked with the context index.
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
