// The library's link to the shared archive, one per AppContext: connect and disconnect, push and
// pull on demand, and, in the long-running hosts (serve, the desktop core), in the background: push
// when the outbox grows, pull when the archive NOTIFYs and every few minutes, retry with backoff,
// and tell the renderers (`archive.status`, `annotations.changed`; `library.changed` comes from the
// library's own write). pg and the archive code load on first use: a library without an archive
// never loads them.
import type { ArchiveLinkPreview, ArchiveProblem, ArchiveStatus, ArchiveSyncResult, DeskInfo, Host } from '../contract/index.ts';
import type { ArchiveDb } from '../archive/archive-connection.ts';
import type { ArchiveLinkRecord } from '../archive/archive-local-store.ts';
import type { Library } from '../library/index.ts';
import { CommandError } from './command-error.ts';
import type { EventBus } from './event-bus.ts';
import { ArchiveBackgroundSync } from './archive-background.ts';
import { keepProblem, notLinkedError, notOnDeskError, pendingChangesError, storedProblem, UNLINKED_STATUS } from './archive-status.ts';
import { ArchiveLinkConfirmations } from './archive-link-confirmations.ts';
import { fromRenderer, probeArchive, reachArchive, type ArchiveLinkInput, type LinkingContext } from './archive-linking.ts';
import { ArchivePasswords, type ArchiveHostServices } from './archive-passwords.ts';

export interface ArchiveServiceOptions {
  /** Sync in the background while the context is open (serve, the desktop core; not the CLI). */
  background?: boolean;
  /** Pull this often even without a NOTIFY (default 3 minutes). */
  pullEveryMs?: number;
  /** Wait this long after a local change before pushing, so a burst of edits goes in one push (default 1 s). */
  pushDelayMs?: number;
  /** First and longest wait before trying an unreachable archive again (defaults 5 s and 5 minutes). */
  retryMinMs?: number;
  retryMaxMs?: number;
}

const loadArchive = async () => {
  const [connection, migrations, sync] = await Promise.all([
    import('../archive/archive-connection.ts'),
    import('../archive/archive-migrations.ts'),
    import('../archive/archive-sync.ts'),
  ]);
  return { ...connection, ...migrations, ...sync };
};

const EMPTY_PUSH = { articles: 0, annotations: 0, shares: 0 };
const EMPTY_PULL = { articles: 0, annotations: 0, removed: 0 };

export class ArchiveService {
  readonly #library: () => Library;
  readonly #events: EventBus;
  readonly #options: Required<Omit<ArchiveServiceOptions, 'background'>> & { background: boolean };
  readonly #passwords: ArchivePasswords;
  readonly #host: ArchiveHostServices;
  readonly #confirmations = new ArchiveLinkConfirmations();
  #db: ArchiveDb | null = null;
  #opening: Promise<ArchiveDb> | null = null;
  #background: ArchiveBackgroundSync | null = null;
  #desks: DeskInfo[] = [];
  #reachable = false;
  #syncing = 0;
  #problem: ArchiveProblem | null = null;
  #message: string | null = null;
  /** One push or pull at a time: each waits for the one before. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  #lastPending = -1;
  /** An import of thousands of files changes the outbox thousands of times: renderers hear of it at most every 250 ms. */
  #pendingNotice: NodeJS.Timeout | null = null;

  constructor(library: () => Library, events: EventBus, host: ArchiveHostServices, options: ArchiveServiceOptions = {}) {
    this.#library = library;
    this.#events = events;
    this.#host = host;
    this.#passwords = new ArchivePasswords(host);
    this.#options = {
      background: options.background ?? false,
      pullEveryMs: options.pullEveryMs ?? 3 * 60_000,
      pushDelayMs: options.pushDelayMs ?? 1000,
      retryMinMs: options.retryMinMs ?? 5000,
      retryMaxMs: options.retryMaxMs ?? 5 * 60_000,
    };
  }

  get #local() {
    return this.#library().archive;
  }

  #link(): ArchiveLinkRecord | null {
    return this.#local.link();
  }

  /** Background hosts: starts live updates and a first sync when the library is linked. */
  start(): void {
    if (this.#link()) this.#startBackground();
  }

  status(): ArchiveStatus {
    const link = this.#link();
    if (!link) return { ...UNLINKED_STATUS, desks: [], sharedCollections: [] };
    const kept = this.#problem ? { problem: this.#problem, message: this.#message ?? '' } : storedProblem(link);
    return {
      linked: true,
      address: link.address,
      user: link.user,
      reachable: this.#reachable,
      live: this.#background?.live ?? false,
      syncing: this.#syncing > 0,
      lastSync: link.lastSync,
      pending: this.#local.pendingCount(),
      problem: kept?.problem ?? null,
      message: kept?.message ?? null,
      desks: this.#desks,
      defaultDesk: link.defaultDesk,
      sharedCollections: this.#local.collectionShares(),
      passwordSource: this.#passwords.source(link.secret),
    };
  }

  /** The CLI's status: reaches the archive once so reachable and desks are true now, not remembered. */
  async probedStatus(): Promise<ArchiveStatus> {
    if (this.#link() && !this.#options.background) await this.#connected().catch(() => undefined);
    return this.status();
  }

  #emitStatus(): void {
    if (!this.#closed) this.#events.emit('archive.status', this.status());
  }

  async #setProblem(error: unknown): Promise<ArchiveProblem> {
    const { describeArchiveError, describeProblem } = await loadArchive();
    const problem = describeArchiveError(error, this.#link()?.user ?? '');
    this.#problem = problem;
    this.#message = describeProblem(problem);
    // Every kind but 'archive.failed' (one statement failed) means the connection is not usable as it is.
    if (problem.kind !== 'archive.failed') {
      this.#reachable = false;
      await this.#dropConnection();
    }
    if (this.#link()) this.#local.updateLink({ lastProblem: keepProblem({ problem, message: this.#message }) });
    return problem;
  }

  #clearProblem(): void {
    this.#problem = null;
    this.#message = null;
    this.#reachable = true;
  }

  async #dropConnection(): Promise<void> {
    const db = this.#db;
    this.#db = null;
    await db?.close().catch(() => undefined);
  }

  /** The open connection, opening it (with the link's password) when there is none. */
  async #connected(): Promise<ArchiveDb> {
    if (this.#db) return this.#db;
    this.#opening ??= (async () => {
      const link = this.#link();
      if (!link) throw notLinkedError();
      const { openArchiveDb, checkArchiveSchema } = await loadArchive();
      const { password } = await this.#passwords.resolve(link.secret).catch(() => ({ password: undefined }));
      const db = await openArchiveDb({ address: link.address, ...(password !== undefined ? { password } : {}) });
      try {
        await db.withClient((client) => checkArchiveSchema(client));
        this.#desks = await db.desks();
      } catch (error) {
        await db.close().catch(() => undefined);
        throw error;
      }
      this.#db = db;
      this.#clearProblem();
      return db;
    })().finally(() => {
      this.#opening = null;
    });
    try {
      return await this.#opening;
    } catch (error) {
      if (error instanceof CommandError) throw error;
      const problem = await this.#setProblem(error);
      throw new CommandError('failed', this.#message ?? problem.kind, problem);
    }
  }

  /** What linking to this address would mean, with the confirmation a renderer's archive.connect needs; links nothing. */
  probe(input: ArchiveLinkInput, caller: Host | undefined): Promise<ArchiveLinkPreview> {
    return probeArchive(input, caller, this.#linking());
  }

  #linking(): LinkingContext {
    return { host: this.#host, current: this.#link(), pending: () => this.#local.pendingCount(), confirmations: this.#confirmations };
  }

  async connect(input: ArchiveLinkInput & { defaultDesk?: string | null | undefined; confirmation?: string | undefined }, caller: Host | undefined): Promise<ArchiveStatus> {
    const current = this.#link();
    const { db, desks, address } = await reachArchive(input, caller, this.#linking(), { confirmation: input.confirmation });
    // The desktop app asks once more in a native dialog the renderer cannot draw or click.
    const confirm = this.#host.confirmArchiveLink;
    if (fromRenderer(caller) && confirm && current?.address !== address && !(await confirm(address, db.user))) {
      await db.close().catch(() => undefined);
      return this.status();
    }
    const defaultDesk = input.defaultDesk === undefined ? (current?.address === address ? current.defaultDesk : null) : input.defaultDesk;
    if (defaultDesk !== null && !desks.some((desk) => desk.name === defaultDesk)) {
      await db.close().catch(() => undefined);
      throw notOnDeskError(defaultDesk, db.user);
    }
    const kept = input.password !== undefined ? await this.#passwords.keep(input.password) : null;
    if (input.password === undefined) this.#passwords.forget();
    await this.#stopBackground();
    await this.#dropConnection();
    if (current && (current.address !== address || current.user !== db.user)) this.#local.unlink({ discardPending: true });
    if (this.#link()) this.#local.updateLink({ defaultDesk, secret: kept?.secret ?? null, lastProblem: null });
    else this.#local.linkTo({ address, user: db.user, defaultDesk, secret: kept?.secret ?? null });
    this.#db = db;
    this.#desks = desks;
    this.#clearProblem();
    this.#startBackground();
    this.#emitStatus();
    return this.status();
  }

  async disconnect({ discardPending }: { discardPending?: boolean | undefined }): Promise<ArchiveStatus> {
    if (!this.#link()) return this.status();
    if (!discardPending && this.#local.pendingCount() > 0) throw pendingChangesError(this.#local.pendingCount());
    await this.#stopBackground();
    await this.#queue.catch(() => undefined);
    await this.#dropConnection();
    this.#local.unlink({ discardPending: discardPending === true });
    this.#passwords.forget();
    this.#desks = [];
    this.#problem = null;
    this.#message = null;
    this.#reachable = false;
    this.#emitStatus();
    return this.status();
  }

  /** The desks this reporter is on, as the archive says now (the connection is opened if needed). */
  async desks(): Promise<DeskInfo[]> {
    await this.#connected();
    return this.#desks;
  }

  async requireDesk(desk: string): Promise<void> {
    if (!(await this.desks()).some((known) => known.name === desk)) throw notOnDeskError(desk, this.#link()?.user);
  }

  requireLink(): ArchiveLinkRecord {
    const link = this.#link();
    if (!link) throw notLinkedError();
    return link;
  }

  /** Runs archive work on the connection; a failure becomes the status's problem and a CommandError. */
  async withDb<T>(work: (db: ArchiveDb) => Promise<T>): Promise<T> {
    this.requireLink();
    const db = await this.#connected();
    try {
      return await work(db);
    } catch (error) {
      if (error instanceof CommandError) throw error;
      const problem = await this.#setProblem(error);
      this.#emitStatus();
      throw new CommandError('failed', this.#message ?? problem.kind, problem);
    }
  }

  push(): Promise<ArchiveSyncResult> {
    return this.#sync(true, false);
  }

  pull(): Promise<ArchiveSyncResult> {
    return this.#sync(false, true);
  }

  sync(): Promise<ArchiveSyncResult> {
    return this.#sync(true, true);
  }

  /** One sync step after the other: a push and a pull never run at once. */
  #sync(push: boolean, pull: boolean): Promise<ArchiveSyncResult> {
    this.requireLink();
    const run = this.#queue.catch(() => undefined).then(() => this.#syncNow(push, pull));
    this.#queue = run;
    return run;
  }

  async #syncNow(push: boolean, pull: boolean): Promise<ArchiveSyncResult> {
    const { pushOutbox, pullChanges } = await loadArchive();
    this.#syncing++;
    this.#emitStatus();
    try {
      return await this.withDb(async (db) => {
        const pushed = push ? await pushOutbox(db, this.#local) : null;
        const pulled = pull ? await pullChanges(db, this.#local) : null;
        this.#desks = await db.desks();
        this.#clearProblem();
        const refused = pushed?.failed ?? [];
        if (refused.length) {
          this.#problem = { kind: 'archive.failed', detail: `${refused.length} change(s) refused: ${refused[0]!.message}` };
          this.#message = `The archive refused ${refused.length} change(s) (${refused[0]!.kind} ${refused[0]!.id}: ${refused[0]!.message}); they stay in the outbox.`;
        }
        this.#local.updateLink({ lastSync: new Date().toISOString(), lastProblem: this.#problem ? keepProblem({ problem: this.#problem, message: this.#message ?? '' }) : null });
        if (pulled) this.#announcePull(pulled.changedAnnotations, pulled.removedAnnotations, pulled.changedArticles);
        return {
          pushed: pushed ? { articles: pushed.articles, annotations: pushed.annotations + pushed.deleted, shares: pushed.shares } : EMPTY_PUSH,
          pulled: pulled ? { articles: pulled.articles, annotations: pulled.annotations, removed: pulled.removed } : EMPTY_PULL,
          status: this.status(),
        };
      });
    } finally {
      this.#syncing--;
      this.#emitStatus();
    }
  }

  /** Readers of these articles reload their annotations; lists and search already heard library.changed. */
  #announcePull(changed: readonly string[], removed: readonly string[], articles: readonly string[]): void {
    if (changed.length === 0 && removed.length === 0) return;
    const ids = new Set(articles);
    for (const id of changed) {
      const annotation = this.#local.annotation(id);
      if (annotation) ids.add(annotation.articleId);
    }
    this.#events.emit('annotations.changed', { articleIds: [...ids] });
  }

  /** The library changed (AppContext tells): a grown outbox is pushed soon, and renderers see the count. */
  noteLocalChange(): void {
    if (this.#closed || !this.#link()) return;
    const pending = this.#local.pendingCount();
    if (pending !== this.#lastPending && !this.#pendingNotice) {
      this.#pendingNotice = setTimeout(() => {
        this.#pendingNotice = null;
        if (this.#closed || !this.#link()) return;
        this.#lastPending = this.#local.pendingCount();
        this.#emitStatus();
      }, 250);
      this.#pendingNotice.unref();
    }
    this.#background?.localChange();
  }

  #startBackground(): void {
    if (this.#closed || !this.#options.background) return;
    this.#background ??= new ArchiveBackgroundSync(
      {
        linked: () => this.#link() !== null,
        pending: () => this.#local.pendingCount(),
        sync: (push, pull) => this.#sync(push, pull),
        listen: async (onChange) => {
          const link = this.#link();
          if (!link) return null;
          const { listenForChanges } = await loadArchive();
          const { password } = await this.#passwords.resolve(link.secret).catch(() => ({ password: undefined }));
          if (this.#closed || !this.#link()) return null;
          return listenForChanges(link.address, password, onChange, { onLive: () => this.#emitStatus() });
        },
      },
      this.#options,
    );
    this.#background.start();
  }

  async #stopBackground(): Promise<void> {
    if (this.#pendingNotice) clearTimeout(this.#pendingNotice);
    this.#pendingNotice = null;
    const background = this.#background;
    this.#background = null;
    await background?.stop();
  }

  /** Stops timers and live updates, lets a running sync finish its step, closes the connection. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#stopBackground();
    await this.#queue.catch(() => undefined);
    await this.#dropConnection();
  }
}
