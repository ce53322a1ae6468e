import type { BulkAction, BulkActionKind, BulkTarget, ExportPayload } from '../../contract/index.ts';
import type { CommandClient } from './client-port.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/**
 * What the list pane shows, as the core can find it again: a list view with its filters, or a search
 * with its filter chips. "Select all" selects this query, not the rows loaded so far.
 */
export type SelectionScope = Extract<BulkTarget, { list: unknown }> | Extract<BulkTarget, { search: unknown }>;

/** What a bulk action did, for the notice that offers to undo it. */
export interface BulkOutcome {
  action: BulkActionKind;
  count: number;
  /** For tag and untag, the tag; for setCollection, the collection (null: none). */
  detail?: string | null;
  token: string | null;
  undone: boolean;
}

/** How long the outcome of an action stays offered for undo. */
export const OUTCOME_MS = 10_000;

/**
 * The articles picked in the list or in the search results (Shift-click a range, Ctrl/⌘-click or
 * `x` one), or all of them as a query; the actions on them, and the offer to undo the last one.
 */
export class BulkSelection extends Observable {
  /** Picked one by one; ignored while `all`. */
  picked = new Set<string>();
  /** Everything the scope matches, however many: sent to the core as the scope's query. */
  all = false;
  outcome: BulkOutcome | null = null;
  busy = false;
  #anchor: string | null = null;
  #scopeKey = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #client: CommandClient;
  readonly #notices: Notices;
  /** Whether a row is picked; a new function after every change, so the lists given it know to redraw. */
  isPicked: (id: string) => boolean = (id) => this.has(id);

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
  }

  protected override changed(): void {
    this.isPicked = (id) => this.has(id);
    super.changed();
  }

  /** Articles selected, given how many the scope matches. */
  count(total: number): number {
    return this.all ? total : this.picked.size;
  }

  get active(): boolean {
    return this.all || this.picked.size > 0;
  }

  has(id: string): boolean {
    return this.all || this.picked.has(id);
  }

  /** The list shows something else (another view, another query): a selection of the old one is dropped. */
  scopeChanged(scope: SelectionScope): void {
    const key = JSON.stringify(scope);
    if (key === this.#scopeKey) return;
    this.#scopeKey = key;
    if (this.active) this.clear();
  }

  /** Ctrl/⌘-click or `x`: one article in or out. Out of "all", the rows shown stay picked but that one. */
  toggle(id: string, shown: readonly string[]): void {
    if (this.all) {
      this.all = false;
      this.picked = new Set(shown);
    }
    if (this.picked.has(id)) this.picked.delete(id);
    else this.picked.add(id);
    this.#anchor = id;
    this.changed();
  }

  /** Shift-click: every row from the last one picked to this one (this one alone when none was). */
  extend(id: string, shown: readonly string[]): void {
    const to = shown.indexOf(id);
    const from = this.#anchor === null ? -1 : shown.indexOf(this.#anchor);
    if (to < 0) return;
    if (this.all) this.all = false;
    const [start, end] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
    for (const row of shown.slice(start, end + 1)) this.picked.add(row);
    this.#anchor = this.#anchor ?? id;
    this.changed();
  }

  selectAll(): void {
    this.all = true;
    this.picked = new Set();
    this.changed();
  }

  clear(): void {
    this.all = false;
    this.picked = new Set();
    this.#anchor = null;
    this.changed();
  }

  #target(scope: SelectionScope): BulkTarget {
    return this.all ? scope : { ids: [...this.picked] };
  }

  /** Runs an action on the selection, in one transaction in the core; the outcome is offered for undo. */
  async run(action: BulkAction, scope: SelectionScope): Promise<void> {
    if (!this.active || this.busy) return;
    await this.#apply(action, this.#target(scope));
    this.clear();
  }

  /** One article, outside any selection (the reader's "move to trash"): also offered for undo. */
  async runOn(action: BulkAction, id: string): Promise<void> {
    await this.#apply(action, { ids: [id] });
  }

  async #apply(action: BulkAction, target: BulkTarget): Promise<void> {
    this.busy = true;
    this.changed();
    const result = await this.#notices.attempt(() => this.#client.call('library.bulk', { action, target }));
    this.busy = false;
    if (result) {
      const detail = action.kind === 'tag' || action.kind === 'untag' ? action.tag : action.kind === 'setCollection' ? action.collection : undefined;
      this.#offer({ action: result.action, count: result.count, token: result.undoToken, undone: false, ...(detail === undefined ? {} : { detail }) });
    } else this.changed();
  }

  async undo(): Promise<void> {
    const outcome = this.outcome;
    if (!outcome?.token || outcome.undone) return;
    const undone = await this.#notices.attempt(() => this.#client.call('library.bulkUndo', { token: outcome.token! }));
    if (undone) this.#offer({ ...outcome, count: undone.count, token: null, undone: true });
  }

  /** The selection as NDJSON (the caller saves it); undefined on failure. */
  async export(scope: SelectionScope): Promise<ExportPayload | undefined> {
    if (!this.active) return undefined;
    const file = await this.#notices.attempt(() => this.#client.call('library.bulkExport', { target: this.#target(scope) }));
    if (file) this.#notices.say({ kind: 'library-exported', count: file.count, filename: file.filename });
    return file;
  }

  #offer(outcome: BulkOutcome): void {
    clearTimeout(this.#timer);
    this.outcome = outcome;
    this.#timer = setTimeout(() => this.dismissOutcome(), OUTCOME_MS);
    this.changed();
  }

  dismissOutcome(): void {
    clearTimeout(this.#timer);
    this.outcome = null;
    this.changed();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
