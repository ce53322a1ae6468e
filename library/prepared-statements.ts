// Statements prepared once per connection and reused: imports and bulk actions run the same few
// statements thousands of times. The library and each of its stores keep one of these.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export class PreparedStatements {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  get(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  clear(): void {
    this.#statements.clear();
  }
}
