import { LitElement, css, html, nothing } from 'lit';
import type {
  Annotation,
  AnnotationColor,
  AppInfo,
  Article,
  ArticlePatch,
  ArticleSummary,
  ColorLabels,
  ImportProgress,
  ImportReport,
  SearchHit,
  SearchFilters,
  SearchResult,
  SidebarCounts,
} from '../../electron/contract.ts';
import { sortInReadingOrder } from '../../annotations/reading-order.ts';
import { citationText, copyText } from '../citation.ts';
import { client, CommandFailure } from '../client/newsroom-client.ts';
import { downloadText } from '../download-text.ts';
import type { TextRange } from '../marked-text.ts';
import { tokens, controls } from '../styles/tokens.ts';
import type { ArticleLabel, ColorRename, OpenAnnotation } from './nr-all-annotations.ts';
import type { AnnotationUpdate, ExportFormat } from './nr-annotation-list.ts';
import type { LibrarySelection } from './nr-sidebar.ts';
import type { AnnotateRequest, NrReader } from './nr-reader.ts';
import type { NrSearchBox } from './nr-search-box.ts';
import './nr-sidebar.ts';
import './nr-article-list.ts';
import './nr-reader.ts';
import './nr-search-box.ts';
import './nr-search-results.ts';
import './nr-search-filters.ts';
import './nr-import-status.ts';
import './nr-annotation-list.ts';
import './nr-all-annotations.ts';

const PAGE = 200;

type MatchRange = SearchHit['matches'][number];

/** A change the user can take back: the annotation as it was before it was deleted or edited. */
interface UndoOffer {
  message: string;
  annotation: Annotation;
}

const NOTICE_MS = 5000;

/** Whether a key press is text entry, which the single-key shortcuts must leave alone. */
function isTyping(event: KeyboardEvent): boolean {
  return event
    .composedPath()
    .some(
      (target) =>
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLElement && target.isContentEditable),
    );
}

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
    annotations: { state: true },
    labels: { state: true },
    panelChoice: { state: true },
    editingId: { state: true },
    activeId: { state: true },
    undo: { state: true },
    notice: { state: true },
    view: { state: true },
    allAnnotations: { state: true },
    annotationFilter: { state: true },
    articleLabels: { state: true },
    allLoading: { state: true },
    searchFilters: { state: true },
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
  /** Search's filter chips; they apply to every query until cleared. */
  declare searchFilters: SearchFilters;
  declare progress: ImportProgress | null;
  declare report: ImportReport | null;
  declare error: string | null;
  /** In a narrow window only one pane shows. */
  declare pane: 'list' | 'reader';
  /** The open article's annotations in reading order, orphans last. */
  declare annotations: Annotation[];
  declare labels: ColorLabels | null;
  /** The user's choice to show or hide the annotation panel; null: show it when the article has annotations. */
  declare panelChoice: boolean | null;
  declare editingId: string | null;
  declare activeId: string | null;
  declare undo: UndoOffer | null;
  /** A short confirmation ("copied"), cleared after a few seconds. */
  declare notice: string | null;
  /** What the list pane shows when no search is running: the library or every annotation. */
  declare view: 'library' | 'annotations';
  declare allAnnotations: Annotation[];
  declare annotationFilter: AnnotationColor | null;
  declare articleLabels: ReadonlyMap<string, ArticleLabel>;
  declare allLoading: boolean;
  #jobId: string | null = null;
  #searchSeq = 0;
  #annotationSeq = 0;
  #allSeq = 0;
  #loading = false;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.searchFilters = {};
    this.progress = null;
    this.report = null;
    this.error = null;
    this.pane = 'list';
    this.annotations = [];
    this.labels = null;
    this.panelChoice = null;
    this.editingId = null;
    this.activeId = null;
    this.undo = null;
    this.notice = null;
    this.view = 'library';
    this.allAnnotations = [];
    this.annotationFilter = null;
    this.articleLabels = new Map();
    this.allLoading = false;
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
        grid-template-columns: 220px minmax(260px, 380px) minmax(0, 1fr);
        min-height: 0;
      }
      main.with-panel {
        grid-template-columns: 220px minmax(220px, 320px) minmax(0, 1fr) minmax(14rem, 19rem);
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
      .error button,
      .notice button {
        margin-left: 1rem;
      }
      .notice {
        padding: 0.5rem 1rem;
        background: var(--nr-surface-2);
        border-bottom: 1px solid var(--nr-border);
        font-size: 0.9rem;
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
        main,
        main.with-panel {
          grid-template-columns: 1fr;
        }
        nr-sidebar {
          display: none;
        }
        main[data-pane='list'] nr-reader,
        main[data-pane='list'] nr-annotation-list,
        .search-pane {
          display: flex;
          flex-direction: column;
          min-height: 0;
        }
        .search-pane nr-search-results {
          flex: 1;
          min-height: 0;
        }
        main[data-pane='reader'] .list-pane {
          display: none;
        }
        main.with-panel[data-pane='reader'] {
          grid-template-rows: minmax(0, 1fr) minmax(0, 40%);
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe.push(
      client.on('library.changed', () => void this.#refresh()),
      // A query typed while the index was still being built is answered again once it is ready.
      client.on('search.state', ({ state }) => {
        if (state === 'ready' && this.query.trim()) void this.#search(this.query);
      }),
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
    clearTimeout(this.#noticeTimer);
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
      const [info, settings, labels] = await Promise.all([client.call('app.info', {}), client.call('settings.get', {}), client.call('annotations.labels', {})]);
      this.info = info;
      this.labels = labels;
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
        const seq = ++this.#annotationSeq;
        const [article, annotations] = await Promise.all([
          this.#attempt(() => client.call('library.get', { id })),
          this.#attempt(() => client.call('annotations.list', { articleId: id })),
        ]);
        // Another article may have been opened meanwhile; this answer is about the old one.
        if (this.article?.id === id && seq === this.#annotationSeq) {
          this.article = article ?? null;
          this.annotations = article && annotations ? annotations : [];
        }
      }
      if (this.query) void this.#search(this.query);
      if (this.view === 'annotations') void this.#loadAllAnnotations();
    });
  }

  async #loadAnnotations(): Promise<void> {
    const articleId = this.article?.id;
    if (!articleId) return;
    const seq = ++this.#annotationSeq;
    const annotations = await this.#attempt(() => client.call('annotations.list', { articleId }));
    if (annotations && seq === this.#annotationSeq && this.article?.id === articleId) this.annotations = annotations;
  }

  async #loadAllAnnotations(): Promise<void> {
    const seq = ++this.#allSeq;
    const color = this.annotationFilter ?? undefined;
    this.allLoading = true;
    const annotations = await this.#attempt(() => client.call('annotations.list', color ? { color } : {}));
    if (seq !== this.#allSeq) return;
    this.allLoading = false;
    if (!annotations) return;
    this.allAnnotations = annotations;
    // Rows name their article; titles are fetched once per article, not per annotation.
    const missing = [...new Set(annotations.map((a) => a.articleId))].filter((id) => !this.articleLabels.has(id));
    if (missing.length === 0) return;
    const found = await Promise.all(
      missing.map((id) =>
        client.call('library.get', { id }).then(
          (article): [string, ArticleLabel] => [id, { title: article.title, source: article.source }],
          // An article that cannot be read only loses its title on the row; the highlight still shows.
          () => null,
        ),
      ),
    );
    const labels = new Map(this.articleLabels);
    for (const entry of found) if (entry) labels.set(entry[0], entry[1]);
    this.articleLabels = labels;
  }

  #say(notice: string): void {
    this.notice = notice;
    this.undo = null;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => (this.notice = null), NOTICE_MS);
  }

  #offerUndo(offer: UndoOffer): void {
    clearTimeout(this.#noticeTimer);
    this.notice = null;
    this.undo = offer;
  }

  #reader(): NrReader | null {
    return this.renderRoot.querySelector<NrReader>('nr-reader');
  }

  async #annotate(request: AnnotateRequest): Promise<void> {
    const article = this.article;
    if (!article) return;
    const created = await this.#attempt(() =>
      client.call('annotations.create', { articleId: article.id, start: request.start, end: request.end, color: request.color }),
    );
    if (!created) return;
    if (this.article?.id === created.articleId) {
      this.annotations = sortInReadingOrder([...this.annotations.filter((a) => a.id !== created.id), created]);
    }
    await this.#loadAnnotations();
    this.activeId = created.id;
    if (request.withNote) {
      if (this.panelChoice === false) this.panelChoice = true;
      this.editingId = created.id;
    }
  }

  #findAnnotation(id: string): Annotation | undefined {
    return this.annotations.find((a) => a.id === id) ?? this.allAnnotations.find((a) => a.id === id);
  }

  async #refreshAnnotations(): Promise<void> {
    await Promise.all([this.#loadAnnotations(), this.view === 'annotations' ? this.#loadAllAnnotations() : undefined]);
  }

  async #updateAnnotation({ id, patch }: AnnotationUpdate): Promise<void> {
    const before = this.#findAnnotation(id);
    const updated = await this.#attempt(() => client.call('annotations.update', { id, patch }));
    if (!updated) return;
    if (patch.note !== undefined && this.editingId === id) this.editingId = null;
    await this.#refreshAnnotations();
    if (before) this.#offerUndo({ message: patch.note !== undefined ? 'Đã lưu ghi chú.' : 'Đã đổi màu.', annotation: before });
  }

  async #deleteAnnotation(id: string): Promise<void> {
    const deleted = await this.#attempt(() => client.call('annotations.delete', { id }));
    if (!deleted) return;
    // Deleting the last one must not whisk the panel away from under the pointer.
    if (this.panelChoice === null) this.panelChoice = true;
    if (this.editingId === id) this.editingId = null;
    await this.#refreshAnnotations();
    this.#offerUndo({ message: 'Đã xoá ghi chú.', annotation: deleted });
  }

  async #undo(): Promise<void> {
    const offer = this.undo;
    if (!offer) return;
    const restored = await this.#attempt(() => client.call('annotations.restore', { annotation: offer.annotation }));
    if (!restored) return;
    await this.#refreshAnnotations();
    this.#say('Đã hoàn tác.');
  }

  async #export(format: ExportFormat, articleId?: string): Promise<void> {
    const file = await this.#attempt(() => client.call('annotations.export', articleId ? { articleId, format } : { format }));
    if (file) downloadText(file.filename, file.mediaType, file.content);
  }

  async #copyQuote(range: TextRange): Promise<void> {
    const article = this.article;
    if (!article) return;
    try {
      await copyText(citationText(article, article.body.slice(range.start, range.end)));
      this.#say('Đã sao chép trích dẫn.');
    } catch {
      this.error = 'Không sao chép được vào bộ nhớ tạm.';
    }
  }

  async #reveal(id: string): Promise<void> {
    this.activeId = id;
    await this.updateComplete;
    const reader = this.#reader();
    await reader?.updateComplete;
    if (reader && !reader.reveal(id)) this.#say('Đoạn này không còn trong bài, nên không có chỗ để cuộn tới.');
  }

  async #openAnnotation({ articleId, id }: OpenAnnotation): Promise<void> {
    if (this.article?.id !== articleId) await this.#open(articleId);
    if (this.article?.id !== articleId) return;
    if (this.panelChoice === false) this.panelChoice = true;
    this.pane = 'reader';
    await this.#reveal(id);
  }

  async #renameColor({ color, label }: ColorRename): Promise<void> {
    const labels = await this.#attempt(() => client.call('annotations.renameColor', { color, label }));
    if (!labels) return;
    this.labels = labels;
    this.#say(`Đã đổi tên nhãn thành “${label}”.`);
  }

  async #showAnnotations(): Promise<void> {
    this.view = 'annotations';
    await this.#loadAllAnnotations();
  }

  async #filterAnnotations(color: AnnotationColor | null): Promise<void> {
    this.annotationFilter = color;
    await this.#loadAllAnnotations();
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
    this.view = 'library';
    this.selection = selection;
    this.items = [];
    await this.#refresh();
  }

  async #open(id: string, matches: MatchRange[] = []): Promise<void> {
    const [article, annotations] = await Promise.all([
      this.#attempt(() => client.call('library.get', { id })),
      this.#attempt(() => client.call('annotations.list', { articleId: id })),
    ]);
    if (!article) return;
    if (this.article?.id !== id) {
      this.editingId = null;
      this.activeId = null;
    }
    this.article = article;
    this.annotations = annotations ?? [];
    // Loads that started before this one are older news, whichever article they were for.
    this.#annotationSeq++;
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
    const filters = Object.keys(this.searchFilters).length ? this.searchFilters : undefined;
    const result = await this.#attempt(() => client.call('search.query', { query, limit: 50, filters }));
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
    const typing = isTyping(event);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if ((event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f')) {
      event.preventDefault();
      this.renderRoot.querySelector<NrSearchBox>('nr-search-box')?.focus();
    } else if (plain && !typing && (event.key.toLowerCase() === 'h' || event.key.toLowerCase() === 'n')) {
      // Only a selection in the article body makes these keys do anything; elsewhere they stay free.
      if (this.#reader()?.annotateSelection('yellow', event.key.toLowerCase() === 'n')) event.preventDefault();
    } else if (event.key === 'Escape' && !typing && this.#reader()?.dismissSelection()) {
      event.preventDefault();
    } else if (event.key === 'Escape' && !typing && this.pane === 'reader') {
      this.pane = 'list';
    } else if (event.key === 'F3') {
      event.preventDefault();
      this.#reader()?.step(event.shiftKey ? -1 : 1);
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

  #listPane(searching: boolean, article: Article | null) {
    if (searching) {
      return html`<div class="list-pane search-pane">
        <nr-search-filters
          .filters=${this.searchFilters}
          .sources=${this.counts?.sources ?? []}
          .tags=${this.counts?.tags ?? []}
          @nr-filters-change=${(e: CustomEvent<SearchFilters>) => {
            this.searchFilters = e.detail;
            void this.#search(this.query);
          }}
        ></nr-search-filters>
        <nr-search-results .result=${this.result} .selectedId=${article?.id ?? null} @nr-open-hit=${(e: CustomEvent<SearchHit>) => void this.#open(e.detail.id, e.detail.matches)}></nr-search-results>
      </div>`;
    }
    if (this.view === 'annotations') {
      return html`<nr-all-annotations
        class="list-pane"
        .annotations=${this.allAnnotations}
        .labels=${this.labels}
        .articles=${this.articleLabels}
        .filter=${this.annotationFilter}
        .selectedId=${this.activeId}
        .loading=${this.allLoading}
        @nr-annotations-filter=${(e: CustomEvent<AnnotationColor | null>) => void this.#filterAnnotations(e.detail)}
        @nr-open-annotation=${(e: CustomEvent<OpenAnnotation>) => void this.#openAnnotation(e.detail)}
        @nr-rename-color=${(e: CustomEvent<ColorRename>) => void this.#renameColor(e.detail)}
        @nr-annotation-export=${(e: CustomEvent<ExportFormat>) => void this.#export(e.detail)}
      ></nr-all-annotations>`;
    }
    if (this.counts && this.counts.all + this.counts.archived + this.counts.trash === 0) return this.#firstRun();
    return html`<nr-article-list
      class="list-pane"
      .items=${this.items}
      .total=${this.total}
      .selectedId=${article?.id ?? null}
      heading=${this.#heading()}
      @nr-open=${(e: CustomEvent<string>) => void this.#open(e.detail)}
      @nr-need-more=${() => void this.#loadMore()}
    ></nr-article-list>`;
  }

  #annotationPanel(article: Article) {
    return html`<nr-annotation-list
      aria-label="Ghi chú trong bài"
      role="complementary"
      .annotations=${this.annotations}
      .labels=${this.labels}
      .editingId=${this.editingId}
      .activeId=${this.activeId}
      @nr-annotation-reveal=${(e: CustomEvent<string>) => void this.#reveal(e.detail)}
      @nr-annotation-edit=${(e: CustomEvent<string | null>) => (this.editingId = e.detail)}
      @nr-annotation-update=${(e: CustomEvent<AnnotationUpdate>) => void this.#updateAnnotation(e.detail)}
      @nr-annotation-delete=${(e: CustomEvent<string>) => void this.#deleteAnnotation(e.detail)}
      @nr-annotation-export=${(e: CustomEvent<ExportFormat>) => void this.#export(e.detail, article.id)}
    ></nr-annotation-list>`;
  }

  #status() {
    if (this.undo) {
      return html`<div class="notice">
        ${this.undo.message}<button @click=${() => void this.#undo()}>Hoàn tác</button><button @click=${() => (this.undo = null)}>Đóng</button>
      </div>`;
    }
    if (this.notice) return html`<div class="notice">${this.notice}<button @click=${() => (this.notice = null)}>Đóng</button></div>`;
    return nothing;
  }

  override render() {
    const searching = this.query.trim() !== '';
    const article = this.article;
    const panel = article !== null && (this.panelChoice ?? this.annotations.length > 0);
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
        <div role="status" aria-live="polite">${this.#status()}</div>
        <nr-import-status
          .progress=${this.progress}
          .report=${this.report}
          @nr-cancel-import=${() => this.#jobId && void this.#attempt(() => client.call('library.cancelImport', { jobId: this.#jobId! }))}
          @nr-dismiss=${() => (this.report = null)}
        ></nr-import-status>
      </div>
      <main data-pane=${this.pane} class=${panel ? 'with-panel' : ''}>
        <nr-sidebar
          .counts=${this.counts}
          .selection=${this.selection}
          .info=${this.info}
          .annotationsOpen=${this.view === 'annotations'}
          @nr-select=${(e: CustomEvent<LibrarySelection>) => void this.#select(e.detail)}
          @nr-show-annotations=${() => void this.#showAnnotations()}
        ></nr-sidebar>
        ${this.#listPane(searching, article)}
        <nr-reader
          role="main"
          .article=${article}
          .marks=${searching ? this.marks : []}
          .annotations=${this.annotations}
          .labels=${this.labels}
          .panelOpen=${panel}
          .collections=${(this.counts?.collections ?? []).map((c) => c.name)}
          @nr-article-patch=${(e: CustomEvent<ArticlePatch>) => void this.#patch(e.detail)}
          @nr-annotate=${(e: CustomEvent<AnnotateRequest>) => void this.#annotate(e.detail)}
          @nr-copy-quote=${(e: CustomEvent<TextRange>) => void this.#copyQuote(e.detail)}
          @nr-annotation-activate=${(e: CustomEvent<string>) => {
            if (this.panelChoice === false) this.panelChoice = true;
            this.activeId = e.detail;
          }}
          @nr-toggle-annotations=${() => (this.panelChoice = !panel)}
          @nr-back=${() => (this.pane = 'list')}
          @nr-toggle-star=${() => void this.#patch({ starred: !article?.starred })}
          @nr-toggle-read=${() => void this.#patch({ read: !article?.read })}
          @nr-toggle-archive=${() => void this.#patch({ archived: !article?.archived })}
          @nr-trash=${() => article && void this.#attempt(() => client.call('library.trash', { ids: [article.id] }))}
          @nr-restore=${() => article && void this.#attempt(() => client.call('library.restore', { ids: [article.id] }))}
        ></nr-reader>
        ${panel ? this.#annotationPanel(article) : nothing}
      </main>
    `;
  }
}

customElements.define('nr-app', NrApp);
