import type { CommandArgs, OpmlImportResult, SourceFolderInfo, SourceInfo, SourceRefreshResult, SourceRemoved } from '../../contract/index.ts';
import { AddSourceFlow } from './add-source-flow.ts';
import type { CommandClient } from './client-port.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/** A folder of the sidebar with its sources; `name` null: the sources in no folder. */
export interface SourceFolder {
  name: string | null;
  sources: SourceInfo[];
  /** Unread articles of its sources, each once however many of them brought it (the host counts them). */
  unread: number;
  /** Its retention in days; null: forever (and for the sources in no folder, which have no setting). */
  keepDays: number | null;
}

export type SourceTarget = { id: string } | { folder: string } | { all: true };

/** What the settings dialog may change: the contract's own patch, declared once there. */
export type SourcePatch = CommandArgs<'sources.update'>['patch'];

/**
 * The subscribed sources as the sidebar shows them: grouped into folders with unread counts, which
 * are refreshing (asked here, or by the host's scheduler), and what can be done to them. Reads
 * sources.list again whenever the host says sources or articles changed (`reload`).
 */
export class SourcesModel extends Observable {
  sources: SourceInfo[] = [];
  /** The folders as the host counts them (`sources.folders`): retention and unread articles. */
  folderInfo: SourceFolderInfo[] = [];
  loaded = false;
  /** The "add source / save page" box. */
  readonly adding: AddSourceFlow;
  /** Refreshes asked for here and not answered yet (the host's `refreshing` covers the scheduler's). */
  readonly #asked = new Set<string>();
  readonly #client: CommandClient;
  readonly #notices: Notices;
  #generation = 0;

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
    this.adding = new AddSourceFlow(client, () => void this.reload());
    // Whoever shows the sources shows the box too: one subscription covers both.
    this.adding.subscribe(() => this.changed());
  }

  /** Reads the sources again; an older answer arriving after a newer one is dropped. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    const answer = await this.#notices.attempt(() => Promise.all([this.#client.call('sources.list', {}), this.#client.call('sources.folders', {})]));
    if (!answer || generation !== this.#generation) return;
    [this.sources, this.folderInfo] = answer;
    this.loaded = true;
    this.changed();
  }

  get(id: string): SourceInfo | undefined {
    return this.sources.find((source) => source.id === id);
  }

  /** Folders by name (sorted the Vietnamese way), then the sources in none; in each, the sources in their order. */
  folders(): SourceFolder[] {
    const byName = new Map<string | null, SourceInfo[]>();
    for (const source of this.sources) {
      const list = byName.get(source.folder) ?? [];
      list.push(source);
      byName.set(source.folder, list);
    }
    const collator = new Intl.Collator('vi');
    const names = [...byName.keys()].filter((name): name is string => name !== null).sort(collator.compare);
    const ordered: (string | null)[] = byName.has(null) ? [...names, null] : names;
    return ordered.map((name) => {
      const sources = [...byName.get(name)!].sort((a, b) => a.position - b.position || collator.compare(a.title, b.title));
      // An article two sources brought is one article: the host's count says so. Until it answers
      // again (a source just moved), the sources' own counts stand in.
      const info = this.folderInfo.find((entry) => entry.folder === name && entry.sources === sources.length);
      return { name, sources, unread: info?.unreadCount ?? sources.reduce((sum, source) => sum + source.unreadCount, 0), keepDays: info?.keepDays ?? null };
    });
  }

  /** Folder names in use, for the settings' folder field. */
  folderNames(): string[] {
    return this.folders().flatMap((folder) => (folder.name === null ? [] : [folder.name]));
  }

  isRefreshing(id: string): boolean {
    return this.#asked.has(id) || this.get(id)?.refreshing === true;
  }

  /** Refresh now: one source, a folder or all; resolves to the results (undefined on failure, which is shown). */
  async refresh(target: SourceTarget): Promise<SourceRefreshResult[] | undefined> {
    const ids = this.#idsOf(target);
    for (const id of ids) this.#asked.add(id);
    this.changed();
    try {
      return await this.#notices.attempt(() => this.#client.call('sources.refresh', target));
    } finally {
      for (const id of ids) this.#asked.delete(id);
      await this.reload();
    }
  }

  #idsOf(target: SourceTarget): string[] {
    if ('id' in target) return [target.id];
    if ('folder' in target) return this.sources.filter((source) => source.folder === target.folder && !source.paused).map((source) => source.id);
    return this.sources.filter((source) => !source.paused).map((source) => source.id);
  }

  async update(id: string, patch: SourcePatch): Promise<SourceInfo | undefined> {
    const updated = await this.#notices.attempt(() => this.#client.call('sources.update', { id, patch }));
    if (updated) {
      this.sources = this.sources.map((source) => (source.id === id ? updated : source));
      this.changed();
    }
    return updated;
  }

  /** Moves a source to a folder (null: none), as a drag onto a folder does; the folders' counts are read again. */
  async move(id: string, folder: string | null): Promise<void> {
    if (this.get(id)?.folder === folder) return;
    if (await this.update(id, { folder })) await this.reload();
  }

  /** A folder's retention: keep its sources' items `keepDays` days (null: forever); sources with their own setting keep it. */
  async updateFolder(folder: string, keepDays: number | null): Promise<SourceFolderInfo | undefined> {
    const updated = await this.#notices.attempt(() => this.#client.call('sources.updateFolder', { folder, patch: { keepDays } }));
    if (updated) await this.reload();
    return updated;
  }

  /** Puts a dragged source just before another one (in that one's folder). */
  async placeBefore(id: string, beforeId: string): Promise<void> {
    const target = this.get(beforeId);
    if (!target || id === beforeId) return;
    const ids = this.#order(target.folder).filter((other) => other !== id);
    ids.splice(ids.indexOf(beforeId), 0, id);
    await this.#reorder(target.folder, ids);
  }

  /** Moves a source one place up (-1) or down (1) in its folder: the keyboard's way to reorder. */
  async shift(id: string, delta: -1 | 1): Promise<void> {
    const source = this.get(id);
    if (!source) return;
    const ids = this.#order(source.folder);
    const at = ids.indexOf(id);
    const to = at + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await this.#reorder(source.folder, ids);
  }

  #order(folder: string | null): string[] {
    return (this.folders().find((entry) => entry.name === folder)?.sources ?? []).map((source) => source.id);
  }

  async #reorder(folder: string | null, ids: string[]): Promise<void> {
    const sources = await this.#notices.attempt(() => this.#client.call('sources.reorder', { folder, ids }));
    if (!sources) return;
    const moved = sources.some((source) => source.folder !== this.get(source.id)?.folder);
    this.sources = sources;
    this.changed();
    if (moved) await this.reload();
  }

  async remove(id: string, articles: 'keep' | 'trash'): Promise<SourceRemoved | undefined> {
    const removed = await this.#notices.attempt(() => this.#client.call('sources.remove', { id, articles }));
    if (removed) {
      this.sources = this.sources.filter((source) => source.id !== id);
      this.changed();
      this.#notices.say({ kind: 'source-removed', title: removed.title, trashed: removed.trashed, kept: removed.kept });
    }
    return removed;
  }

  /** Marks every unread article of a source or folder read, with an offer to undo. */
  async markAllRead(target: { id: string } | { folder: string }): Promise<void> {
    const marked = await this.#notices.attempt(() => this.#client.call('sources.markAllRead', target));
    if (!marked) return;
    await this.reload();
    const { ids } = marked;
    if (ids.length === 0) return;
    this.#notices.offerUndo({
      kind: 'sources-marked-read',
      count: ids.length,
      undo: async () => {
        const undone = await this.#notices.attempt(() => this.#client.call('sources.markUnread', { ids }));
        if (!undone) return;
        this.#notices.say({ kind: 'undone' });
        await this.reload();
      },
    });
  }

  /** Subscribes to every feed of an OPML file's text; the result says what went in and what did not. */
  async importOpml(opml: string): Promise<OpmlImportResult | undefined> {
    const result = await this.#notices.attempt(() => this.#client.call('opml.import', { opml }));
    if (result) await this.reload();
    return result;
  }

  async exportOpml(): Promise<{ filename: string; opml: string; count: number } | undefined> {
    return this.#notices.attempt(() => this.#client.call('opml.export', {}));
  }
}
