import { LitElement, css, html, nothing } from 'lit';
import type { AppInfo, Article, ArticlePatch, ArticleSummary, ImportProgress, ImportReport, SearchHit, SearchResult, SidebarCounts } from '../../electron/contract.ts';
import { client, CommandFailure } from '../client/newsroom-client.ts';
import { tokens, controls } from '../styles/tokens.ts';
import type { LibrarySelection } from './nr-sidebar.ts';
import type { NrReader } from './nr-reader.ts';
import type { NrSearchBox } from './nr-search-box.ts';
import './nr-sidebar.ts';
import './nr-article-list.ts';
import './nr-reader.ts';
import './nr-search-box.ts';
import './nr-search-results.ts';
import './nr-import-status.ts';

const PAGE = 200;

type MatchRange = SearchHit['matches'][number];

function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The application shell: sidebar, list and reader; owns state and talks to the host through the client. */
export class NrApp extends LitElement {
  static override properties = {
    theme: { type: String, reflect: true },
    info: { state: true },
    counts: { state: true },
    selection: { state: true },
    items: { state: true },
    total: { state: true },
    article: { state: true },
    marks: { state: true },
    query: { state: true },
    result: { state: true },
    progress: { state: true },
    report: { state: true },
    error: { state: true },
    pane: { state: true },
  };

  declare theme: string;
  declare info: AppInfo | null;
  declare counts: SidebarCounts | null;
  declare selection: LibrarySelection;
  declare items: ArticleSummary[];
  declare total: number;
  declare article: Article | null;
  declare marks: MatchRange[];
  declare query: string;
  declare result: SearchResult | null;
  declare progress: ImportProgress | null;
  declare report: ImportReport | null;
  declare error: string | null;
  /** In a narrow window only one pane shows. */
  declare pane: 'list' | 'reader';
  #jobId: string | null = null;
  #searchSeq = 0;
  #loading = false;
  #unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    this.theme = 'light';
    this.info = null;
    this.counts = null;
    this.selection = { view: 'all' };
    this.items = [];
    this.total = 0;
    this.article = null;
    this.marks = [];
    this.query = '';
    this.result = null;
    this.progress = null;
    this.report = null;
    this.error = null;
    this.pane = 'list';
  }

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto 1fr;
        height: 100vh;
        background: var(--nr-bg);
        color: var(--nr-text);
        font-family: var(--nr-font-sans);
      }
      header {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        padding: 0.5rem 0.8rem;
        border-bottom: 1px solid var(--nr-border);
        background: var(--nr-surface);
      }
      .brand {
        font-weight: 600;
        white-space: nowrap;
      }
      nr-search-box {
        flex: 1;
        max-width: 40rem;
      }
      main {
        display: grid;
        grid-template-columns: 220px minmax(260px, 380px) 1fr;
        min-height: 0;
      }
      main > * {
        min-height: 0;
        border-right: 1px solid var(--nr-border);
      }
      .error {
        padding: 0.6rem 1rem;
        background: var(--nr-danger);
        color: #fff;
      }
      .error button {
        margin-left: 1rem;
      }
      .first-run {
        padding: 2rem;
        line-height: 1.6;
      }
      .drop-zone {
        border: 2px dashed var(--nr-border);
        border-radius: 12px;
        padding: 2rem;
        text-align: center;
        margin-top: 1rem;
      }
      input[type='file'] {
        display: none;
      }
      @media (max-width: 760px) {
        main {
          grid-template-columns: 1fr;
        }
        nr-sidebar {
          display: none;
        }
        main[data-pane='list'] nr-reader,
        main[data-pane='reader'] .list-pane {
          display: none;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe.push(
      client.on('library.changed', () => void this.#refresh()),
      client.on('import.progress', (progress) => {
        if (progress.jobId === this.#jobId) this.progress = progress;
      }),
      client.on('menu.action', (action) => {
        if (action.action === 'import') this.#chooseFiles();
        if (action.action === 'theme') this.#setTheme(action.theme);
      }),
    );
    window.addEventListener('keydown', this.#onKey);
    window.addEventListener('dragover', this.#onDragOver);
    window.addEventListener('drop', this.#onDrop);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#unsubscribe.splice(0)) off();
    window.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('dragover', this.#onDragOver);
    window.removeEventListener('drop', this.#onDrop);
  }

  async #attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.error = error instanceof CommandFailure ? error.message : 'Đã có lỗi không mong muốn. Hãy thử lại.';
      return undefined;
    }
  }

  async #start(): Promise<void> {
    await this.#attempt(async () => {
      const [info, settings] = await Promise.all([client.call('app.info', {}), client.call('settings.get', {})]);
      this.info = info;
      this.#applyTheme(settings.theme);
    });
    await this.#refresh();
  }

  #applyTheme(theme: string): void {
    this.theme = theme === 'system' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : theme;
  }

  #setTheme(theme: 'system' | 'light' | 'dark' | 'sepia'): void {
    this.#applyTheme(theme);
    void this.#attempt(() => client.call('settings.update', { patch: { theme } }));
  }

  async #refresh(): Promise<void> {
    await this.#attempt(async () => {
      const [counts, page] = await Promise.all([
        client.call('library.counts', {}),
        client.call('library.list', { ...this.selection, limit: Math.max(PAGE, this.items.length) }),
      ]);
      this.counts = counts;
      this.items = page.items;
      this.total = page.total;
      if (this.article) {
        const id = this.article.id;
        this.article = (await this.#attempt(() => client.call('library.get', { id }))) ?? null;
      }
      if (this.query) void this.#search(this.query);
    });
  }

  async #loadMore(): Promise<void> {
    if (this.#loading || this.items.length >= this.total) return;
    this.#loading = true;
    await this.#attempt(async () => {
      const page = await client.call('library.list', { ...this.selection, offset: this.items.length, limit: PAGE });
      this.items = [...this.items, ...page.items];
      this.total = page.total;
    });
    this.#loading = false;
  }

  async #select(selection: LibrarySelection): Promise<void> {
    this.selection = selection;
    this.items = [];
    await this.#refresh();
  }

  async #open(id: string, matches: MatchRange[] = []): Promise<void> {
    const article = await this.#attempt(() => client.call('library.get', { id }));
    if (!article) return;
    this.article = article;
    this.marks = matches;
    this.pane = 'reader';
    if (!article.read) void this.#attempt(() => client.call('library.update', { id, patch: { read: true } }));
  }

  async #search(query: string): Promise<void> {
    this.query = query;
    const seq = ++this.#searchSeq;
    if (!query.trim()) {
      this.result = null;
      this.marks = [];
      return;
    }
    const result = await this.#attempt(() => client.call('search.query', { query, limit: 50 }));
    // A slower answer to an older query must not overwrite the newer one.
    if (result && seq === this.#searchSeq) this.result = result;
  }

  async #patch(patch: ArticlePatch): Promise<void> {
    const article = this.article;
    if (!article) return;
    await this.#attempt(() => client.call('library.update', { id: article.id, patch }));
  }

  #chooseFiles(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  async #importFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const jobId = newJobId();
    this.#jobId = jobId;
    this.report = null;
    this.progress = { jobId, done: 0, total: files.length, current: null, failures: 0 };
    const payload = await Promise.all(files.map(async (file) => ({ name: file.name, base64: await toBase64(file) })));
    const report = await this.#attempt(() => client.call('library.importFiles', { jobId, files: payload }));
    this.progress = null;
    if (report) this.report = report;
  }

  #onDragOver = (event: DragEvent): void => event.preventDefault();

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    void this.#importFiles([...(event.dataTransfer?.files ?? [])]);
  };

  #onKey = (event: KeyboardEvent): void => {
    const typing = event.composedPath().some((el) => el instanceof HTMLInputElement);
    if ((event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f')) {
      event.preventDefault();
      this.renderRoot.querySelector<NrSearchBox>('nr-search-box')?.focus();
    } else if (event.key === 'Escape' && !typing && this.pane === 'reader') {
      this.pane = 'list';
    } else if (event.key === 'F3') {
      event.preventDefault();
      this.renderRoot.querySelector<NrReader>('nr-reader')?.step(event.shiftKey ? -1 : 1);
    }
  };

  #heading(): string {
    const s = this.selection;
    if (s.tag) return `Thẻ: ${s.tag}`;
    if (s.source) return `Nguồn: ${s.source}`;
    if (s.collection) return `Bộ sưu tập: ${s.collection}`;
    return { all: 'Tất cả', unread: 'Chưa đọc', starred: 'Gắn sao', archived: 'Lưu trữ', trash: 'Thùng rác' }[s.view];
  }

  #firstRun() {
    return html`<section class="first-run list-pane" aria-label="Bắt đầu">
      <h2>Thư viện còn trống</h2>
      <p>Nhập bài báo đã lưu: tệp .txt, .html, .md, .json/.ndjson, RSS/Atom, hoặc cả thư mục.</p>
      <div class="drop-zone">Kéo thả tệp vào đây, hoặc <button class="primary" @click=${() => this.#chooseFiles()}>Chọn tệp…</button></div>
    </section>`;
  }

  override render() {
    const searching = this.query.trim() !== '';
    const article = this.article;
    return html`
      <header role="banner">
        <span class="brand">Newsroom Reader</span>
        <nr-search-box @nr-search=${(e: CustomEvent<string>) => void this.#search(e.detail)}></nr-search-box>
        <button class="primary" @click=${() => this.#chooseFiles()}>Nhập bài…</button>
        <select aria-label="Giao diện" @change=${(e: Event) => this.#setTheme((e.target as HTMLSelectElement).value as 'light')}>
          <option value="system">Theo hệ thống</option>
          <option value="light" ?selected=${this.theme === 'light'}>Sáng</option>
          <option value="dark" ?selected=${this.theme === 'dark'}>Tối</option>
          <option value="sepia" ?selected=${this.theme === 'sepia'}>Sepia</option>
        </select>
        <input type="file" multiple @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          void this.#importFiles([...(input.files ?? [])]);
          input.value = '';
        }} />
      </header>
      <div>
        ${this.error ? html`<div class="error" role="alert">${this.error}<button @click=${() => (this.error = null)}>Đóng</button></div>` : nothing}
        <nr-import-status
          .progress=${this.progress}
          .report=${this.report}
          @nr-cancel-import=${() => this.#jobId && void this.#attempt(() => client.call('library.cancelImport', { jobId: this.#jobId! }))}
          @nr-dismiss=${() => (this.report = null)}
        ></nr-import-status>
      </div>
      <main data-pane=${this.pane}>
        <nr-sidebar .counts=${this.counts} .selection=${this.selection} .info=${this.info} @nr-select=${(e: CustomEvent<LibrarySelection>) => void this.#select(e.detail)}></nr-sidebar>
        ${searching
          ? html`<nr-search-results class="list-pane" .result=${this.result} .selectedId=${article?.id ?? null} @nr-open-hit=${(e: CustomEvent<SearchHit>) => void this.#open(e.detail.id, e.detail.matches)}></nr-search-results>`
          : this.counts && this.counts.all + this.counts.archived + this.counts.trash === 0
            ? this.#firstRun()
            : html`<nr-article-list
                class="list-pane"
                .items=${this.items}
                .total=${this.total}
                .selectedId=${article?.id ?? null}
                heading=${this.#heading()}
                @nr-open=${(e: CustomEvent<string>) => void this.#open(e.detail)}
                @nr-need-more=${() => void this.#loadMore()}
              ></nr-article-list>`}
        <nr-reader
          role="main"
          .article=${article}
          .marks=${searching ? this.marks : []}
          @nr-back=${() => (this.pane = 'list')}
          @nr-toggle-star=${() => void this.#patch({ starred: !article?.starred })}
          @nr-toggle-read=${() => void this.#patch({ read: !article?.read })}
          @nr-toggle-archive=${() => void this.#patch({ archived: !article?.archived })}
          @nr-trash=${() => article && void this.#attempt(() => client.call('library.trash', { ids: [article.id] }))}
          @nr-restore=${() => article && void this.#attempt(() => client.call('library.restore', { ids: [article.id] }))}
        ></nr-reader>
      </main>
    `;
  }
}

customElements.define('nr-app', NrApp);
