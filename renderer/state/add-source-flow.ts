import type { FailureReason, FeedCandidate, ImportFailure, SourceInfo } from '../../contract/index.ts';
import type { CommandClient } from './client-port.ts';
import { Observable } from './observable.ts';

/** Where the "add source / save page" box is: what it shows next. */
export type AddSourceStep =
  | { step: 'idle' }
  | { step: 'working'; url: string }
  /** The site links to several feeds: the person picks one. */
  | { step: 'choose'; url: string; feeds: FeedCandidate[] }
  /** Neither a feed nor a site with one: offered to be saved as a page instead. */
  | { step: 'not-a-feed'; url: string; why: ImportFailure }
  | { step: 'added'; source: SourceInfo; imported: number }
  | { step: 'saved'; url: string; articleId: string; duplicate: boolean }
  /** A command failed (`error` as thrown, words in host-messages), or the page could not be saved (`reason`). */
  | { step: 'failed'; url: string; error?: unknown; reason?: ImportFailure };

/** Answers of sources.add that mean "this is a page, not a feed": saving it is what the person may want. */
const NOT_A_FEED: ReadonlySet<ImportFailure['kind']> = new Set(['no-feed-found', 'page-not-a-feed']);

function reasonOf(error: unknown): FailureReason | undefined {
  return typeof error === 'object' && error !== null && 'reason' in error ? (error as { reason?: FailureReason }).reason : undefined;
}

/** What a person pastes: a bare "vnexpress.net/rss" is meant as https. */
export function normaliseAddress(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, '')}`;
}

let nextJob = 1;

/**
 * The "add source / save page" box: a pasted (or dropped) address is subscribed to when it is a feed
 * or a site with feeds (several: listed to choose from), otherwise offered to be saved as a page
 * (library.importUrls). `onAdded` lets the sidebar read its sources again.
 */
export class AddSourceFlow extends Observable {
  state: AddSourceStep = { step: 'idle' };
  readonly #client: CommandClient;
  readonly #onAdded: () => void;

  constructor(client: CommandClient, onAdded: () => void) {
    super();
    this.#client = client;
    this.#onAdded = onAdded;
  }

  #set(state: AddSourceStep): void {
    this.state = state;
    this.changed();
  }

  reset(): void {
    this.#set({ step: 'idle' });
  }

  get busy(): boolean {
    return this.state.step === 'working';
  }

  /** Subscribes to `text` (a feed or a site), into `folder` when one is given. */
  async addSource(text: string, folder?: string): Promise<void> {
    const url = normaliseAddress(text);
    if (url === '' || this.busy) return;
    this.#set({ step: 'working', url });
    const target = folder?.trim() ? { url, folder: folder.trim() } : { url };
    try {
      const result = await this.#client.call('sources.add', target);
      if (result.status === 'choose') {
        this.#set({ step: 'choose', url, feeds: result.feeds });
        return;
      }
      this.#set({ step: 'added', source: result.source, imported: result.refresh.imported });
      this.#onAdded();
    } catch (error) {
      const reason = reasonOf(error);
      if (reason?.kind === 'source.unusable' && NOT_A_FEED.has(reason.failure.kind)) this.#set({ step: 'not-a-feed', url, why: reason.failure });
      else this.#set({ step: 'failed', url, error });
    }
  }

  /** Keeps the page at `text` as an article, as `import URL` does. */
  async savePage(text: string): Promise<void> {
    const url = normaliseAddress(text);
    if (url === '' || this.busy) return;
    this.#set({ step: 'working', url });
    try {
      const report = await this.#client.call('library.importUrls', { jobId: `save-page-${nextJob++}`, urls: [url] });
      const imported = report.imported[0];
      const duplicate = report.duplicates[0];
      if (imported) this.#set({ step: 'saved', url, articleId: imported.id, duplicate: false });
      else if (duplicate) this.#set({ step: 'saved', url, articleId: duplicate.id, duplicate: true });
      else this.#set({ step: 'failed', url, reason: report.failed[0]?.reason ?? { kind: 'unexpected', detail: 'nothing was imported' } });
    } catch (error) {
      this.#set({ step: 'failed', url, error });
    }
  }
}
