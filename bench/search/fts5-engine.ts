// SQLite FTS5 set up for Vietnamese as a careful user would: the text as written (unicode61,
// remove_diacritics 2) beside a folded shadow copy (NFD, marks stripped, đ→d, lowercase) that also
// catches đ typed as d, prefix indexes for as-you-type, and no stored copy of the text (contentless).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SearchDocument } from '../../search/search-document.ts';
import type { BenchEngine, BenchQuery } from './bench-engine.ts';
import { foldVietnamese } from './peer-fold.ts';

const SCHEMA = `
  CREATE TABLE doc_ids (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL);
  CREATE VIRTUAL TABLE docs USING fts5(title, body, title_folded, body_folded,
    content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');`;
// Title over body; the as-written columns over the folded ones, so marks typed rank exact spellings first.
const RANK = 'bm25(docs, 10.0, 2.0, 5.0, 1.0)';

const quote = (word: string): string => `"${word.replaceAll('"', '""')}"`;

export class Fts5Engine implements BenchEngine {
  readonly name = 'SQLite FTS5 (folded shadow columns, prefix indexes)';
  #db: DatabaseSync | null = null;
  #path = '';

  build(docs: readonly SearchDocument[]): void {
    this.#db = new DatabaseSync(':memory:');
    this.#db.exec(SCHEMA);
    const insertId = this.#db.prepare('INSERT INTO doc_ids (rowid, id) VALUES (?, ?)');
    const insert = this.#db.prepare('INSERT INTO docs (rowid, title, body, title_folded, body_folded) VALUES (?, ?, ?, ?, ?)');
    this.#db.exec('BEGIN');
    docs.forEach((doc, i) => {
      insertId.run(i + 1, doc.id);
      insert.run(i + 1, doc.title, doc.body, foldVietnamese(doc.title), foldVietnamese(doc.body));
    });
    this.#db.exec('COMMIT');
  }

  async persist(dir: string): Promise<number> {
    this.#path = join(dir, 'fts5.sqlite');
    rmSync(this.#path, { force: true });
    this.#db!.exec(`VACUUM INTO '${this.#path.replaceAll("'", "''")}'`);
    return statSync(this.#path).size;
  }

  async load(dir: string): Promise<void> {
    this.#db?.close();
    this.#db = new DatabaseSync(join(dir, 'fts5.sqlite'));
    // Opening is lazy; the first query is what a user waits for.
    this.#db.prepare(`SELECT rowid FROM docs WHERE docs MATCH '"a"' LIMIT 1`).all();
  }

  /** The MATCH expression for what was typed: folded words always, the words as typed when they carry marks. */
  static match(query: BenchQuery): string {
    const group = (words: string[]): string => {
      if (query.phrase) return quote(words.join(' '));
      const quoted = words.map(quote);
      if (query.prefix) quoted[quoted.length - 1] += '*';
      return quoted.join(' ');
    };
    const typed = query.words.map((word) => word.normalize('NFC').toLowerCase());
    const folded = typed.map(foldVietnamese);
    const foldedMatch = `{title_folded body_folded} : (${group(folded)})`;
    if (typed.every((word, i) => word === folded[i])) return foldedMatch;
    return `({title body} : (${group(typed)})) OR (${foldedMatch})`;
  }

  search(query: BenchQuery, limit: number): string[] {
    const rows = this.#db!.prepare(
      `SELECT doc_ids.id AS id FROM docs JOIN doc_ids ON doc_ids.rowid = docs.rowid WHERE docs MATCH ? ORDER BY ${RANK} LIMIT ?`,
    ).all(Fts5Engine.match(query), limit);
    return rows.map((row) => String(row.id));
  }

  finds(query: BenchQuery, id: string): boolean {
    const sql = 'SELECT 1 FROM docs JOIN doc_ids ON doc_ids.rowid = docs.rowid WHERE docs MATCH ? AND doc_ids.id = ?';
    return this.#db!.prepare(sql).get(Fts5Engine.match(query), id) !== undefined;
  }

  dispose(): void {
    this.#db?.close();
    this.#db = null;
  }
}
