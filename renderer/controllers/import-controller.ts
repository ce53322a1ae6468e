import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventPayload, ImportReport, TextEncodingName } from '../../contract/index.ts';
import type { NewsroomClient } from '../client/newsroom-client.ts';
import type { Notices } from '../state/notices.ts';
import { callBudget, uploadBatches, uploadLimitFor, type UploadLimits } from './upload-batches.ts';

type ImportProgress = EventPayload<'import.progress'>;
type ImportHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Importing files dropped anywhere on the window or chosen with the host's `<input type=file>`
 * (render it with `@change=${controller.onInput}`): sends them to library.importFiles, follows the
 * job's progress and keeps its report for nr-import-status.
 */
export class ImportController implements ReactiveController {
  progress: ImportProgress | null = null;
  report: ImportReport | null = null;
  /** The encoding chosen in the import UI for the next files; null: detected per file. */
  encoding: TextEncodingName | null = null;
  readonly #host: ImportHost;
  readonly #client: Pick<NewsroomClient, 'call' | 'on'>;
  readonly #notices: Notices;
  readonly #limits: () => UploadLimits;
  #jobId: string | null = null;
  /** Files sent in earlier calls of this import, and all it sends: progress counts across calls. */
  #offset = 0;
  #total = 0;
  #cancelled = false;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ImportHost, options: { client: Pick<NewsroomClient, 'call' | 'on'>; notices: Notices; limits: () => UploadLimits }) {
    this.#host = host;
    this.#client = options.client;
    this.#notices = options.notices;
    this.#limits = options.limits;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#client.on('import.progress', (progress) => {
      if (progress.jobId !== this.#jobId) return;
      this.progress = { ...progress, done: this.#offset + progress.done, total: this.#total };
      this.#host.requestUpdate();
    });
    window.addEventListener('dragover', this.#onDragOver);
    window.addEventListener('drop', this.#onDrop);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    window.removeEventListener('dragover', this.#onDragOver);
    window.removeEventListener('drop', this.#onDrop);
  }

  /** Opens the file chooser. */
  chooseFiles(): void {
    this.#host.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    void this.importFiles([...(input.files ?? [])]);
    input.value = '';
  };

  cancel(): void {
    this.#cancelled = true;
    const jobId = this.#jobId;
    if (jobId) void this.#notices.attempt(() => this.#client.call('library.cancelImport', { jobId }));
  }

  dismiss(): void {
    this.report = null;
    this.#host.requestUpdate();
  }

  async importFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    this.report = null;
    this.#cancelled = false;
    // A file over its type's limit would have the whole call refused; it is named in the summary
    // with its reason instead, and the others are imported.
    const limits = this.#limits();
    const tooLarge = files.filter((file) => file.size > uploadLimitFor(file.name, limits));
    const accepted = files.filter((file) => !tooLarge.includes(file));
    const report: ImportReport = {
      imported: [],
      duplicates: [],
      failed: tooLarge.map((file) => ({ path: file.name, error: '', reason: { kind: 'too-large' as const, maxBytes: uploadLimitFor(file.name, limits) } })),
      cancelled: false,
    };
    this.#total = accepted.length;
    this.#offset = 0;
    let answered = accepted.length === 0;
    for (const batch of uploadBatches(accepted, callBudget(limits))) {
      if (this.#cancelled) {
        report.cancelled = true;
        break;
      }
      const jobId = newJobId();
      this.#jobId = jobId;
      this.progress = { jobId, done: this.#offset, total: this.#total, current: null, failures: 0, secondsLeft: null };
      this.#host.requestUpdate();
      const payload = await Promise.all(batch.map(async (file) => ({ name: file.name, base64: await toBase64(file) })));
      const part = await this.#notices.attempt(() => this.#client.call('library.importFiles', { jobId, files: payload, ...(this.encoding ? { encoding: this.encoding } : {}) }));
      // The notice says why the call failed; the files of earlier calls stay imported and reported.
      if (!part) break;
      answered = true;
      report.imported.push(...part.imported);
      report.duplicates.push(...part.duplicates);
      report.failed.push(...part.failed);
      if (part.cancelled) report.cancelled = true;
      this.#offset += batch.length;
    }
    this.progress = null;
    this.#jobId = null;
    if (answered) this.report = report;
    this.#host.requestUpdate();
  }

  #onDragOver = (event: DragEvent): void => event.preventDefault();

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    void this.importFiles([...(event.dataTransfer?.files ?? [])]);
  };
}
