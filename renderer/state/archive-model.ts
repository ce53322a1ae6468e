import type { Annotation, ArchiveHit, ArchiveLinkPreview, ArchiveSearchResult, ArchiveStatus, ArchiveSyncResult, FailureReason, NoteVersion } from '../../contract/index.ts';
import type { CommandClient } from './client-port.ts';
import { LatestAnswer } from './latest-answer.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/** What the settings' connect form sends: the password only when typed (else the host's own source). */
export interface ArchiveLinkRequest {
  address: string;
  password?: string;
  defaultDesk?: string | null;
}

/** What the archive model needs of the rest of the state: the annotations shown, read again when the archive changed them. */
export interface ArchiveNeighbours {
  annotationsChanged(articleIds: readonly string[]): Promise<void>;
}

/** How many archive hits one query shows. */
export const ARCHIVE_PAGE = 20;

/** Why an archive action was refused or failed: an ArchiveProblem, or another of the archive's reasons (not linked, pending changes…). */
export type ArchiveRefusal = Extract<FailureReason, { kind: `archive.${string}` }>;

/** The archive reason a refused command carries (CommandFailure.reason), if it is one. */
export function archiveProblemOf(error: unknown): ArchiveRefusal | null {
  if (typeof error !== 'object' || error === null || !('reason' in error)) return null;
  const reason: unknown = error.reason;
  if (typeof reason !== 'object' || reason === null || !('kind' in reason) || typeof reason.kind !== 'string') return null;
  return reason.kind.startsWith('archive.') ? (reason as ArchiveRefusal) : null;
}

/** Whether a failure says the host has no archive at all (an older host): the archive UI stays hidden. */
function isUnsupported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'unsupported';
}

/** Whether an annotation came from another reporter through the archive: shown with its author, read-only. */
export function isForeign(annotation: Annotation): boolean {
  return annotation.foreign === true;
}

/**
 * The library's link to the shared archive (PostgreSQL) as the UI sees it: the host's status (pushed
 * as `archive.status` events), connecting and disconnecting, sync now, the default desk and shared
 * collections, archive search beside local search, saving a hit into the library, sharing
 * annotations with a desk and their notes' history. Problems the host words as an ArchiveProblem are
 * kept here as data (`problem`, `searchProblem`) for the elements to say in the UI's language.
 */
export class ArchiveModel extends Observable {
  status: ArchiveStatus | null = null;
  /** False until the host answered archive.status, and for a host that has no archive. */
  available = false;
  busy: 'probe' | 'connect' | 'disconnect' | 'sync' | null = null;
  /** What the host learnt of the archive the settings are about to link, shown for the person to confirm. */
  preview: ArchiveLinkPreview | null = null;
  /** Why the last connect, sync or disconnect failed, when the host said so as an archive problem. */
  problem: ArchiveRefusal | null = null;
  /** A disconnect refused because changes wait to be pushed: how many. */
  refusedWithPending: number | null = null;
  /** What the last "sync now" moved. */
  lastResult: ArchiveSyncResult | null = null;
  /** Whether searches also ask the archive ("Tìm cả trong kho chung"). */
  searchOn = false;
  query = '';
  result: ArchiveSearchResult | null = null;
  searching = false;
  searchProblem: ArchiveRefusal | null = null;
  /** Archive hits being saved into the library now. */
  saving: ReadonlySet<string> = new Set();
  /** Older note texts by annotation id, once asked for. */
  histories: ReadonlyMap<string, NoteVersion[]> = new Map();
  readonly #client: CommandClient;
  readonly #notices: Notices;
  readonly #neighbours: ArchiveNeighbours;
  /** The connect form's request the preview answers, kept until it is confirmed or cancelled. */
  #linkRequest: ArchiveLinkRequest | null = null;
  readonly #searches = new LatestAnswer();
  readonly #statuses = new LatestAnswer();

  constructor(client: CommandClient, notices: Notices, neighbours: ArchiveNeighbours) {
    super();
    this.#client = client;
    this.#notices = notices;
    this.#neighbours = neighbours;
  }

  get linked(): boolean {
    return this.status?.linked === true;
  }

  /** Desks this reporter is on, by name. */
  get desks(): string[] {
    return (this.status?.desks ?? []).map((desk) => desk.name);
  }

  /** The problem to show beside the link: the last action's, else the host's last one. */
  get shownProblem(): ArchiveRefusal | null {
    return this.problem ?? this.status?.problem ?? null;
  }

  /** Reads the status; a host without an archive leaves the archive UI hidden, and says nothing. */
  async load(): Promise<void> {
    const current = this.#statuses.begin();
    try {
      const status = await this.#client.call('archive.status', {});
      if (current()) this.#apply(status);
    } catch (error) {
      if (!isUnsupported(error)) this.#notices.fail({ kind: 'command', error });
    }
  }

  /** The host's `archive.status` event: newer than any answer still on its way. */
  statusChanged(status: ArchiveStatus): void {
    this.#statuses.supersede();
    this.#apply(status);
  }

  #apply(status: ArchiveStatus): void {
    const wasLinked = this.linked;
    this.status = status;
    this.available = true;
    if (!status.linked) {
      this.result = null;
      this.searchProblem = null;
    } else if (!wasLinked && this.searchOn && this.query.trim()) void this.searchFor(this.query);
    this.changed();
  }

  /** The host's `annotations.changed` event (a pull brought other reporters' annotations). */
  async annotationsChanged(articleIds: readonly string[]): Promise<void> {
    // A pull may have replaced notes: histories read before are out of date.
    if (this.histories.size > 0) {
      this.histories = new Map();
      this.changed();
    }
    await this.#neighbours.annotationsChanged([...new Set(articleIds)]);
  }

  /**
   * Runs a link action: busy while it runs, an archive problem kept as data, any other failure shown as
   * a notice. Resolves to the result, or undefined on failure.
   */
  async #run<T>(busy: NonNullable<ArchiveModel['busy']>, work: () => Promise<T>): Promise<T | undefined> {
    this.busy = busy;
    this.problem = null;
    this.refusedWithPending = null;
    this.changed();
    try {
      return await work();
    } catch (error) {
      const problem = archiveProblemOf(error);
      if (problem?.kind === 'archive.pending-changes') this.refusedWithPending = problem.pending;
      else if (problem) this.problem = problem;
      else this.#notices.fail({ kind: 'command', error });
      return undefined;
    } finally {
      this.busy = null;
      this.changed();
    }
  }

  /**
   * The first step of linking: asks the host what this address reaches (server, role, TLS, desks)
   * without linking; the preview then waits for confirmLink or cancelLink. Resolves to whether there
   * is a preview to confirm.
   */
  async prepareLink(request: ArchiveLinkRequest): Promise<boolean> {
    const trimmed = { ...request, address: request.address.trim() };
    this.preview = null;
    this.#linkRequest = null;
    const preview = await this.#run('probe', () => this.#client.call('archive.probe', { address: trimmed.address, ...(trimmed.password ? { password: trimmed.password } : {}) }));
    if (!preview) return false;
    this.preview = preview;
    this.#linkRequest = trimmed;
    this.changed();
    return true;
  }

  /** The person said yes to the preview: links with its confirmation. Resolves to whether it is linked now. */
  async confirmLink(): Promise<boolean> {
    const preview = this.preview;
    const request = this.#linkRequest;
    if (!preview || !request) return this.linked;
    const args = {
      address: request.address,
      ...(request.password ? { password: request.password } : {}),
      ...(request.defaultDesk !== undefined ? { defaultDesk: request.defaultDesk } : {}),
      confirmation: preview.confirmation,
    };
    // Used or refused, a confirmation is spent: the form starts again from its first step.
    this.preview = null;
    this.#linkRequest = null;
    const status = await this.#run('connect', () => this.#client.call('archive.connect', args));
    if (status) this.statusChanged(status);
    return this.linked;
  }

  /** The person said no: nothing is linked, and the typed password is let go. */
  cancelLink(): void {
    this.preview = null;
    this.#linkRequest = null;
    this.changed();
  }

  /**
   * Unlinks the library. With changes waiting the host refuses unless `discardPending`; the model
   * then remembers how many wait, for the settings to ask before discarding them.
   */
  async disconnect(discardPending = false): Promise<boolean> {
    const pending = this.status?.pending ?? 0;
    if (!discardPending && pending > 0) {
      this.refusedWithPending = pending;
      this.changed();
      return false;
    }
    const status = await this.#run('disconnect', () => this.#client.call('archive.disconnect', discardPending ? { discardPending } : {}));
    if (status) this.statusChanged(status);
    return status !== undefined && !status.linked;
  }

  /** Leaves the "discard pending changes?" question unanswered. */
  keepLink(): void {
    this.refusedWithPending = null;
    this.changed();
  }

  /** Push, then pull, now. */
  async sync(): Promise<ArchiveSyncResult | undefined> {
    const result = await this.#run('sync', () => this.#client.call('archive.sync', {}));
    if (!result) return undefined;
    this.lastResult = result;
    this.statusChanged(result.status);
    return result;
  }

  async setDefaultDesk(desk: string | null): Promise<void> {
    const status = await this.#notices.attempt(() => this.#client.call('archive.setDefaultDesk', { desk }));
    if (status) this.statusChanged(status);
  }

  async shareCollection(collection: string, desk: string, share: boolean): Promise<void> {
    const status = await this.#notices.attempt(() => this.#client.call('archive.shareCollection', { collection, desk, share }));
    if (status) this.statusChanged(status);
  }

  /** Shares annotations with a desk (null: private again); the annotations shown are read again. */
  async shareAnnotations(annotations: readonly Annotation[], desk: string | null): Promise<number> {
    const own = annotations.filter((annotation) => !isForeign(annotation));
    if (own.length === 0) return 0;
    const shared = await this.#notices.attempt(() => this.#client.call('archive.shareAnnotations', { ids: own.map((a) => a.id), desk }));
    if (!shared) return 0;
    await this.#neighbours.annotationsChanged([...new Set(own.map((a) => a.articleId))]);
    return shared.updated;
  }

  /** The older texts of an annotation's note; kept once read until the archive changes annotations. */
  async loadHistory(id: string): Promise<NoteVersion[] | undefined> {
    const versions = await this.#notices.attempt(() => this.#client.call('archive.noteHistory', { id }));
    if (!versions) return undefined;
    this.histories = new Map(this.histories).set(id, versions);
    this.changed();
    return versions;
  }

  /** Turns archive search on or off; on, the current query is asked at once. */
  async setSearchOn(on: boolean): Promise<void> {
    this.searchOn = on;
    if (!on) {
      this.#searches.supersede();
      this.result = null;
      this.searching = false;
      this.searchProblem = null;
    }
    this.changed();
    if (on) await this.searchFor(this.query);
  }

  /** The local search ran `query`: the archive is asked too when linked and on; the newest answer wins. */
  async searchFor(query: string): Promise<void> {
    this.query = query;
    if (!this.searchOn || !this.linked || !query.trim()) {
      this.#searches.supersede();
      this.result = null;
      this.searching = false;
      this.searchProblem = null;
      this.changed();
      return;
    }
    const current = this.#searches.begin();
    this.searching = true;
    this.changed();
    try {
      const result = await this.#client.call('archive.search', { query, limit: ARCHIVE_PAGE });
      if (!current()) return;
      this.result = result;
      this.searchProblem = null;
    } catch (error) {
      if (!current()) return;
      const problem = archiveProblemOf(error);
      this.result = null;
      this.searchProblem = problem;
      if (!problem) this.#notices.fail({ kind: 'command', error });
    }
    this.searching = false;
    this.changed();
  }

  /**
   * Saves an archive hit into the library (deduplicated like an import); the hit then points at the
   * local article. Resolves to the local id, or undefined on failure.
   */
  async save(hit: ArchiveHit): Promise<string | undefined> {
    if (hit.localId) return hit.localId;
    this.saving = new Set(this.saving).add(hit.archiveId);
    this.changed();
    const saved = await this.#notices.attempt(() => this.#client.call('archive.save', { archiveId: hit.archiveId }));
    const saving = new Set(this.saving);
    saving.delete(hit.archiveId);
    this.saving = saving;
    if (saved && this.result) {
      this.result = { ...this.result, hits: this.result.hits.map((h) => (h.archiveId === hit.archiveId ? { ...h, localId: saved.id } : h)) };
    }
    this.changed();
    return saved?.id;
  }
}
