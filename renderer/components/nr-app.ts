import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
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
} from '../../contract/index.ts';
import { citationText, copyText } from '../citation.ts';
import { client, CommandFailure } from '../client/newsroom-client.ts';
import { downloadText } from '../download-text.ts';
import { commandFailureText } from '../host-messages.ts';
import { applyLocale } from '../localization/app-locale.ts';
import type { TextRange } from '../marked-text.ts';
import { tokens, controls } from '../styles/tokens.ts';
import type { ArticleLabel, ColorRename, OpenAnnotation } from './nr-all-annotations.ts';
import type { AnnotationUpdate, ExportFormat } from './nr-annotation-list.ts';
import type { LibrarySelection } from './nr-sidebar.ts';
import type { AnnotateRequest, Neighbours, NrReader, ReadingPosition } from './nr-reader.ts';
import type { ListSort, SearchIndexState, Settings } from '../../contract/index.ts';
import { SETTINGS_BOUNDS, SETTINGS_DEFAULTS } from '../../contract/settings-defaults.ts';
import type { NrArticleList } from './nr-article-list.ts';
import type { NrSearchResults } from './nr-search-results.ts';
import { readerStyle, type SettingsPatch } from './nr-reader-prefs.ts';
import type { PaneResize } from './nr-splitter.ts';
import type { NrSettings } from './nr-settings.ts';
import type { NrShortcutSheet } from './nr-shortcut-sheet.ts';
import type { NrSearchBox } from './nr-search-box.ts';
import { viewLabel } from './nr-sidebar.ts';
import './nr-article-list.ts';
import './nr-reader.ts';
import './nr-search-box.ts';
import './nr-search-results.ts';
import './nr-search-filters.ts';
import { annotationMatchingQuery } from '../note-match.ts';
import './nr-import-status.ts';
import './nr-annotation-list.ts';
import './nr-all-annotations.ts';
import './nr-settings.ts';
import './nr-shortcut-sheet.ts';
import './nr-splitter.ts';

const PAGE = 200;
const REFRESH_DEPTH = 3000;

type MatchRange = SearchHit['matches'][number];

/** A change the user can take back: the annotation as it was before it was deleted or edited. */
interface UndoOffer {
  message: string;
  annotation: Annotation;
}

const NOTICE_MS = 5000;
/** Settings changed in a burst (a slider moving, a separator dragged) are saved once they rest. */
const SETTINGS_SAVE_MS = 300;

/** What the app shows until settings.get answers: the host's defaults. */
const INITIAL_SETTINGS: Settings = SETTINGS_DEFAULTS;
/** Pane widths the settings contract accepts. */
const { sidebarWidth: SIDEBAR_WIDTH, listWidth: LIST_WIDTH } = SETTINGS_BOUNDS;

/** Keys on these elements keep their own meaning (Enter activates a button, a row, a separator…). */
const OWN_KEYS = 'button, a[href], summary, select, input, textarea, [role=option], [role=separator], [role=button], [role=radio], [role=checkbox], [role=tab]';

/** Whether a key press lands on a control that has its own use for Enter. */
function onControl(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof Element && target.matches(OWN_KEYS);
}

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
    listSort: { state: true },
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
    settings: { state: true },
    systemDark: { state: true },
    dialog: { state: true },
    focusMode: { state: true },
    indexState: { state: true },
  };

  declare theme: string;
  declare info: AppInfo | null;
  declare counts: SidebarCounts | null;
  declare selection: LibrarySelection;
  /** How the library list is ordered: published (default), imported, title or source. */
  declare listSort: ListSort;
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
  /** The host's own words about the last failure (English, technical), for the error's tooltip. */
  #errorDetail = '';
  /** The UI preferences as applied now; changes are remembered through settings.update. */
  declare settings: Settings;
  /** Whether the OS prefers a dark colour scheme now: what the theme 'system' means. */
  declare systemDark: boolean;
  /** The modal dialog that is open, if any; it has the keyboard to itself. */
  declare dialog: 'settings' | 'shortcuts' | null;
  /** Focus mode: everything but the article is hidden. */
  declare focusMode: boolean;
  declare indexState: SearchIndexState;
  #darkScheme = matchMedia('(prefers-color-scheme: dark)');
  #settingsPatch: SettingsPatch = {};
  #settingsTimer: ReturnType<typeof setTimeout> | undefined;
  #jobId: string | null = null;
  #searchSeq = 0;
  #annotationSeq = 0;
  #allSeq = 0;
  #loading = false;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.theme = 'light';
    this.info = null;
    this.counts = null;
    this.selection = { view: 'all' };
    this.listSort = 'published';
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
    this.settings = INITIAL_SETTINGS;
    this.systemDark = this.#darkScheme.matches;
    this.dialog = null;
    this.focusMode = false;
    this.indexState = 'ready';
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
      header[hidden] {
        display: none;
      }
      /* Pane widths come from the settings (--nr-sidebar-width, --nr-list-width); the separators sit in
         zero-width columns and overlap the borders they stand for. */
      main {
        grid-row: 3;
        display: grid;
        grid-template-columns: var(--nr-sidebar-width, 220px) 0 minmax(200px, var(--nr-list-width, 380px)) 0 minmax(0, 1fr);
        min-height: 0;
      }
      main.with-panel {
        grid-template-columns: var(--nr-sidebar-width, 220px) 0 minmax(200px, var(--nr-list-width, 380px)) 0 minmax(16rem, 1fr) minmax(14rem, 19rem);
      }
      main > * {
        min-height: 0;
        border-right: 1px solid var(--nr-border);
      }
      main > nr-splitter {
        border-right: none;
      }
      main.focus {
        grid-template-columns: minmax(0, 1fr);
      }
      main.focus > :not(nr-reader) {
        display: none;
      }
      nr-settings,
      nr-shortcut-sheet {
        display: contents;
      }
      .narrow-only {
        display: none;
      }
      .error {
        padding: 0.6rem 1rem;
        background: var(--nr-danger);
        color: var(--nr-on-danger);
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
        nr-sidebar,
        nr-splitter {
          display: none;
        }
        .narrow-only {
          display: inline-block;
        }
        /* One pane at a time: the list, or the reader (with its annotations below). */
        main[data-pane='list'] nr-reader,
        main[data-pane='list'] nr-annotation-list {
          display: none;
        }
        header {
          flex-wrap: wrap;
        }
        header nr-search-box {
          order: 1;
          flex-basis: 100%;
          max-width: none;
        }
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
      client.on('library.changed', (change) => {
        // Titles and tags named on annotation rows are re-read for the articles that changed.
        if (change.changed.some((id) => this.articleLabels.has(id))) {
          this.articleLabels = new Map([...this.articleLabels].filter(([id]) => !change.changed.includes(id)));
        }
        void this.#refresh();
      }),
      // A query typed while the index was still being built is answered again once it is ready.
      client.on('search.state', ({ state }) => {
        this.indexState = state;
        if (state === 'ready' && this.query.trim()) void this.#search(this.query);
      }),
      client.on('import.progress', (progress) => {
        if (progress.jobId === this.#jobId) this.progress = progress;
      }),
      client.on('menu.action', (action) => {
        if (action.action === 'import') this.#chooseFiles();
        if (action.action === 'settings') this.dialog = 'settings';
        if (action.action === 'export') void this.#exportLibrary();
        if (action.action === 'theme') this.#setTheme(action.theme);
        if (action.action === 'locale') this.#updateSettings({ locale: action.locale });
      }),
    );
    window.addEventListener('keydown', this.#onKey);
    window.addEventListener('pagehide', this.#saveSettings);
    this.#darkScheme.addEventListener('change', this.#onSchemeChange);
    window.addEventListener('dragover', this.#onDragOver);
    window.addEventListener('drop', this.#onDrop);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#unsubscribe.splice(0)) off();
    window.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('pagehide', this.#saveSettings);
    this.#darkScheme.removeEventListener('change', this.#onSchemeChange);
    this.#saveSettings();
    window.removeEventListener('dragover', this.#onDragOver);
    window.removeEventListener('drop', this.#onDrop);
    clearTimeout(this.#noticeTimer);
  }

  async #attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.#errorDetail = error instanceof Error ? error.message : String(error);
      this.error = error instanceof CommandFailure ? commandFailureText(error) : msg('Đã có lỗi không mong muốn. Hãy thử lại.');
      return undefined;
    }
  }

  async #start(): Promise<void> {
    await this.#attempt(async () => {
      const [info, settings, labels] = await Promise.all([client.call('app.info', {}), client.call('settings.get', {}), client.call('annotations.labels', {})]);
      this.info = info;
      this.labels = labels;
      this.settings = settings;
      this.#applyTheme(settings.theme);
      await applyLocale(settings.locale);
    });
    void client.call('search.status', {}).then(
      ({ state }) => (this.indexState = state),
      () => undefined,
    );
    await this.#refresh();
  }

  #applyTheme(theme: string): void {
    this.theme = theme === 'system' ? (this.#darkScheme.matches ? 'dark' : 'light') : theme;
  }

  /** The OS switched between light and dark: 'system' follows at once. */
  #onSchemeChange = (): void => {
    this.systemDark = this.#darkScheme.matches;
    if (this.settings.theme === 'system') this.#applyTheme('system');
  };

  #setTheme(theme: Settings['theme']): void {
    this.#updateSettings({ theme });
  }

  /** Applies some settings at once and remembers them; a burst of changes is saved once it rests. */
  #updateSettings(patch: SettingsPatch): void {
    this.settings = { ...this.settings, ...patch };
    if (patch.theme) this.#applyTheme(patch.theme);
    if (patch.locale) void applyLocale(patch.locale);
    this.#settingsPatch = { ...this.#settingsPatch, ...patch };
    clearTimeout(this.#settingsTimer);
    this.#settingsTimer = setTimeout(this.#saveSettings, SETTINGS_SAVE_MS);
  }

  #saveSettings = (): void => {
    clearTimeout(this.#settingsTimer);
    const patch = this.#settingsPatch;
    this.#settingsPatch = {};
    if (Object.keys(patch).length) void this.#attempt(() => client.call('settings.update', { patch }));
  };

  #resizePane(pane: 'sidebar' | 'list', { size }: PaneResize): void {
    this.#updateSettings({ paneSizes: { ...this.settings.paneSizes, [pane]: size } });
  }

  /** Searches for a suggested query (no results: the same words without diacritics), shown in the search box. */
  #suggest(query: string): void {
    const box = this.renderRoot.querySelector<NrSearchBox>('nr-search-box');
    if (box) box.value = query;
    void this.#search(query);
  }

  async #exportLibrary(): Promise<void> {
    const file = await this.#attempt(() => client.call('library.export', {}));
    if (!file) return;
    downloadText(file.filename, 'application/x-ndjson', file.ndjson);
    this.#say(msg(str`Đã xuất ${file.count} bài vào ${file.filename}.`, { desc: 'After exporting the library: article count and file name' }));
  }

  #savePosition({ id, position }: ReadingPosition): void {
    void this.#attempt(() => client.call('library.update', { id, patch: { readingPosition: position } }));
  }

  /** The reader says the open article has been read (scrolled to its end, or long enough in view). */
  #markRead(id: string): void {
    if (this.article?.id === id && !this.article.read) void this.#attempt(() => client.call('library.update', { id, patch: { read: true } }));
  }

  async #refresh(): Promise<void> {
    await this.#attempt(async () => {
      // Reload what the list has shown so far, a page of at most 1,000 at a time (the contract's
      // limit); beyond REFRESH_DEPTH the rows already loaded stay until the list asks for more.
      const depth = Math.min(Math.max(PAGE, this.items.length), REFRESH_DEPTH);
      const offsets = Array.from({ length: Math.ceil(depth / 1000) }, (_, i) => i * 1000);
      const [counts, ...pages] = await Promise.all([
        client.call('library.counts', {}),
        ...offsets.map((offset) => client.call('library.list', { ...this.selection, sort: this.listSort, offset, limit: Math.min(1000, depth - offset) })),
      ]);
      this.counts = counts;
      const fresh = pages.flatMap((page) => page.items);
      this.items = this.items.length > depth ? [...fresh, ...this.items.slice(fresh.length)] : fresh;
      this.total = pages[0]?.total ?? 0;
      if (this.article) {
        const id = this.article.id;
        const seq = ++this.#annotationSeq;
        const opened = await this.#attempt(() => client.call('library.open', { id }));
        // Another article may have been opened meanwhile; this answer is about the old one.
        if (this.article?.id === id && seq === this.#annotationSeq) {
          this.article = opened?.article ?? null;
          this.annotations = opened?.annotations ?? [];
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
          (article): [string, ArticleLabel] => [id, { title: article.title, source: article.source, tags: article.tags }],
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
      // Shown at once; the reload just below puts it in reading order.
      this.annotations = [...this.annotations.filter((a) => a.id !== created.id), created];
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
    if (before) this.#offerUndo({ message: patch.note !== undefined ? msg('Đã lưu ghi chú.') : msg('Đã đổi màu.'), annotation: before });
  }

  async #deleteAnnotation(id: string): Promise<void> {
    const deleted = await this.#attempt(() => client.call('annotations.delete', { id }));
    if (!deleted) return;
    // Deleting the last one must not whisk the panel away from under the pointer.
    if (this.panelChoice === null) this.panelChoice = true;
    if (this.editingId === id) this.editingId = null;
    await this.#refreshAnnotations();
    this.#offerUndo({ message: msg('Đã xoá ghi chú.'), annotation: deleted });
  }

  async #undo(): Promise<void> {
    const offer = this.undo;
    if (!offer) return;
    const restored = await this.#attempt(() => client.call('annotations.restore', { annotation: offer.annotation }));
    if (!restored) return;
    await this.#refreshAnnotations();
    this.#say(msg('Đã hoàn tác.'));
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
      this.#say(msg('Đã sao chép trích dẫn.'));
    } catch {
      this.#errorDetail = '';
      this.error = msg('Không sao chép được vào bộ nhớ tạm.');
    }
  }

  async #reveal(id: string): Promise<void> {
    this.activeId = id;
    await this.updateComplete;
    const reader = this.#reader();
    await reader?.updateComplete;
    if (reader && !reader.reveal(id)) this.#say(msg('Đoạn này không còn trong bài, nên không có chỗ để cuộn tới.'));
  }

  /** A hit with nothing marked in its title or body was found through a note: open it at that note. */
  async #openHit(hit: SearchHit): Promise<void> {
    await this.#open(hit.id, hit.matches);
    if (hit.matches.length > 0 || this.article?.id !== hit.id) return;
    const annotation = annotationMatchingQuery(this.annotations, this.query) ?? this.annotations.find((a) => a.note.trim() !== '');
    if (annotation) await this.#openAnnotation({ articleId: hit.id, id: annotation.id });
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
    this.#say(msg(str`Đã đổi tên nhãn thành “${label}”.`, { desc: 'Notice after a colour label was renamed' }));
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
      const page = await client.call('library.list', { ...this.selection, sort: this.listSort, offset: this.items.length, limit: PAGE });
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
    const opened = await this.#attempt(() => client.call('library.open', { id }));
    if (!opened) return;
    if (this.article?.id !== id) {
      this.editingId = null;
      this.activeId = null;
    }
    this.article = opened.article;
    this.annotations = opened.annotations;
    // Loads that started before this one are older news, whichever article they were for.
    this.#annotationSeq++;
    this.marks = matches;
    this.pane = 'reader';
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
    this.progress = { jobId, done: 0, total: files.length, current: null, failures: 0, secondsLeft: null };
    // A file over the host's limit would have the whole batch refused; it is named in the summary
    // with its reason instead, and the others are imported.
    const maxBytes = this.info?.maxImportBytes ?? Infinity;
    const tooLarge = files.filter((file) => file.size > maxBytes);
    const accepted = files.filter((file) => file.size <= maxBytes);
    const payload = await Promise.all(accepted.map(async (file) => ({ name: file.name, base64: await toBase64(file) })));
    const report: ImportReport | undefined =
      payload.length > 0 ? await this.#attempt(() => client.call('library.importFiles', { jobId, files: payload })) : { imported: [], duplicates: [], failed: [], cancelled: false };
    this.progress = null;
    if (report) {
      const refused = tooLarge.map((file) => ({ path: file.name, error: '', reason: { kind: 'too-large' as const, maxBytes } }));
      this.report = { ...report, failed: [...refused, ...report.failed] };
    }
  }

  #onDragOver = (event: DragEvent): void => event.preventDefault();

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    void this.#importFiles([...(event.dataTransfer?.files ?? [])]);
  };

  /** The articles j and k walk through: the search results while searching, else the library list. */
  #entries(): readonly { id: string; matches?: MatchRange[] }[] {
    if (this.query.trim()) return this.result?.hits ?? [];
    return this.view === 'library' ? this.items : [];
  }

  #neighbours(): Neighbours {
    const entries = this.#entries();
    const at = this.article ? entries.findIndex((entry) => entry.id === this.article?.id) : -1;
    return { previous: at > 0, next: at === -1 ? entries.length > 0 : at < entries.length - 1 };
  }

  /** Opens the next (1) or previous (-1) article of the list; `focusRow` moves keyboard focus to its row. */
  async #step(delta: 1 | -1, focusRow: boolean): Promise<void> {
    const entries = this.#entries();
    const at = this.article ? entries.findIndex((entry) => entry.id === this.article?.id) : -1;
    const entry = entries[at === -1 ? (delta > 0 ? 0 : entries.length - 1) : at + delta];
    if (!entry) return;
    await this.#open(entry.id, entry.matches);
    if (!this.query.trim() && entries.indexOf(entry) >= this.items.length - 5) void this.#loadMore();
    await this.#revealRow(entry.id, focusRow);
  }

  async #revealRow(id: string, focus: boolean): Promise<void> {
    await this.updateComplete;
    const list = this.renderRoot.querySelector<NrArticleList | NrSearchResults>('nr-article-list, nr-search-results');
    await list?.updateComplete;
    await list?.reveal(id, focus);
  }

  /** o / Enter: the article whose row has focus, else the open one in the reader, else the first. */
  #openCurrent(event: KeyboardEvent): void {
    const row = event
      .composedPath()
      .find((target): target is HTMLElement => target instanceof HTMLElement && target.matches('button.row, button.hit'));
    const id = row?.dataset.id;
    if (id && id !== this.article?.id) {
      const hit = this.result?.hits.find((h) => h.id === id);
      void this.#open(id, this.query.trim() ? hit?.matches : undefined).then(() => this.#showReader());
    } else if (this.article) {
      void this.#showReader();
    } else {
      void this.#step(1, false).then(() => this.#showReader());
    }
  }

  /** Brings the reader forward (one-pane layout) and gives it the keyboard, for scrolling. */
  async #showReader(): Promise<void> {
    if (!this.article) return;
    this.pane = 'reader';
    await this.updateComplete;
    this.#reader()?.focusArticle();
  }

  /** Back from the reader to the list (one-pane layout), with focus on the open article's row. */
  async #backToList(): Promise<void> {
    this.focusMode = false;
    this.pane = 'list';
    if (this.article) await this.#revealRow(this.article.id, true);
  }

  #toggleFocus(): void {
    this.focusMode = !this.focusMode;
    if (this.focusMode) void this.#showReader();
  }

  /** A dialog has closed; another may have been opened in the meantime. */
  #dialogClosed(which: 'settings' | 'shortcuts'): void {
    if (this.dialog === which) this.dialog = null;
  }

  /** Whether a modal dialog shows; `dialog` says so too, but only once its close event has come. */
  #dialogShowing(): boolean {
    return [...this.renderRoot.querySelectorAll<NrSettings | NrShortcutSheet>('nr-settings, nr-shortcut-sheet')].some((dialog) => dialog.showing);
  }

  /** The single-key shortcuts listed in nr-shortcut-sheet.ts; true when the key was one of them. */
  #shortcut(event: KeyboardEvent): boolean {
    const article = this.article;
    switch (event.key) {
      case 'j':
      case 'k': {
        const inList = event.composedPath().some((target) => target instanceof HTMLElement && target.matches('nr-article-list, nr-search-results'));
        void this.#step(event.key === 'j' ? 1 : -1, inList);
        return true;
      }
      case 'o':
        this.#openCurrent(event);
        return true;
      case 'Enter':
        if (onControl(event)) return false;
        this.#openCurrent(event);
        return true;
      case 's':
        if (!article) return false;
        void this.#patch({ starred: !article.starred });
        return true;
      case 'm':
        if (!article) return false;
        void this.#patch({ read: !article.read });
        return true;
      case 'e':
        if (!article) return false;
        void this.#patch({ archived: !article.archived });
        return true;
      case 'f':
        if (!article) return false;
        this.#toggleFocus();
        return true;
      case '?':
        this.dialog = 'shortcuts';
        return true;
      default:
        return false;
    }
  }

  #onKey = (event: KeyboardEvent): void => {
    // An open dialog has the keyboard to itself; it closes on Escape by itself.
    if (this.#dialogShowing() || event.defaultPrevented) return;
    const typing = isTyping(event);
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && !typing && this.#shortcut(event)) {
      event.preventDefault();
      return;
    }
    if ((event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f')) {
      event.preventDefault();
      this.renderRoot.querySelector<NrSearchBox>('nr-search-box')?.focus();
    } else if (plain && !typing && (event.key.toLowerCase() === 'h' || event.key.toLowerCase() === 'n')) {
      // Only a selection in the article body makes these keys do anything; elsewhere they stay free.
      if (this.#reader()?.annotateSelection('yellow', event.key.toLowerCase() === 'n')) event.preventDefault();
    } else if (event.key === 'Escape' && !typing && this.#reader()?.dismissSelection()) {
      event.preventDefault();
    } else if (event.key === 'Escape' && this.#reader()?.closePrefs()) {
      event.preventDefault();
    } else if (event.key === 'Escape' && !typing && this.focusMode) {
      this.focusMode = false;
    } else if (event.key === 'Escape' && !typing && this.pane === 'reader') {
      void this.#backToList();
    } else if (event.key === 'F3') {
      event.preventDefault();
      this.#reader()?.step(event.shiftKey ? -1 : 1);
    }
  };

  #heading(): string {
    const s = this.selection;
    if (s.tag) return msg(str`Thẻ: ${s.tag}`, { desc: 'List heading: articles with this tag' });
    if (s.source) return msg(str`Nguồn: ${s.source}`, { desc: 'List heading: articles from this source' });
    if (s.collection) return msg(str`Bộ sưu tập: ${s.collection}`, { desc: 'List heading: articles in this collection' });
    return viewLabel(s.view);
  }

  #firstRun() {
    return html`<section class="first-run list-pane" aria-label=${msg('Bắt đầu', { desc: 'Region shown on first run: getting started' })}>
      <h2>${msg('Thư viện còn trống')}</h2>
      <p>${msg('Nhập bài báo đã lưu: tệp .txt, .html, .md, .json/.ndjson, RSS/Atom, hoặc cả thư mục.')}</p>
      <div class="drop-zone">
        ${msg('Kéo thả tệp vào đây, hoặc', { desc: 'Followed by the button "Choose files…"' })}
        <button class="primary" @click=${() => this.#chooseFiles()}>${msg('Chọn tệp…')}</button>
      </div>
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
        <nr-search-results
          .result=${this.result}
          .selectedId=${article?.id ?? null}
          .filtersActive=${Object.keys(this.searchFilters).length > 0}
          .indexing=${this.indexState !== 'ready'}
          @nr-open-hit=${(e: CustomEvent<SearchHit>) => void this.#openHit(e.detail)}
          @nr-clear-filters=${() => {
            this.searchFilters = {};
            void this.#search(this.query);
          }}
          @nr-search-suggestion=${(e: CustomEvent<string>) => this.#suggest(e.detail)}
        ></nr-search-results>
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
      .sort=${this.listSort}
      @nr-sort=${(e: CustomEvent<ListSort>) => {
        this.listSort = e.detail;
        this.items = [];
        void this.#refresh();
      }}
      @nr-open=${(e: CustomEvent<string>) => void this.#open(e.detail)}
      @nr-need-more=${() => void this.#loadMore()}
    ></nr-article-list>`;
  }

  #annotationPanel(article: Article) {
    return html`<nr-annotation-list
      aria-label=${msg('Ghi chú trong bài')}
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
        ${this.undo.message}<button @click=${() => void this.#undo()}>${msg('Hoàn tác')}</button><button @click=${() => (this.undo = null)}>${msg('Đóng')}</button>
      </div>`;
    }
    if (this.notice) return html`<div class="notice">${this.notice}<button @click=${() => (this.notice = null)}>${msg('Đóng')}</button></div>`;
    return nothing;
  }

  override render() {
    const searching = this.query.trim() !== '';
    const article = this.article;
    const panel = article !== null && (this.panelChoice ?? this.annotations.length > 0);
    const sizes = this.settings.paneSizes;
    const layout = { '--nr-sidebar-width': `${sizes.sidebar}px`, '--nr-list-width': `${sizes.list}px`, ...readerStyle(this.settings) };
    const mainClass = [panel ? 'with-panel' : '', this.focusMode ? 'focus' : ''].filter(Boolean).join(' ');
    return html`
      <header role="banner" ?hidden=${this.focusMode}>
        <span class="brand">Newsroom Reader</span>
        <nr-search-box @nr-search=${(e: CustomEvent<string>) => void this.#search(e.detail)}></nr-search-box>
        <button class="primary" @click=${() => this.#chooseFiles()}>${msg('Nhập bài…')}</button>
        <select aria-label=${msg('Giao diện', { desc: 'Colour theme select' })} @change=${(e: Event) => this.#setTheme((e.target as HTMLSelectElement).value as 'light')}>
          <option value="system" ?selected=${this.settings.theme === 'system'}>${msg('Theo hệ thống', { id: 'theme.system', desc: 'Theme choice: follow the operating system' })}</option>
          <option value="light" ?selected=${this.settings.theme === 'light'}>${msg('Sáng', { id: 'theme.light' })}</option>
          <option value="dark" ?selected=${this.settings.theme === 'dark'}>${msg('Tối', { id: 'theme.dark' })}</option>
          <option value="sepia" ?selected=${this.settings.theme === 'sepia'}>${msg('Sepia', { id: 'theme.sepia' })}</option>
        </select>
        <button class="narrow-only" aria-label=${msg('Cài đặt')} @click=${() => (this.dialog = 'settings')}>⚙</button>
        <input type="file" multiple @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          void this.#importFiles([...(input.files ?? [])]);
          input.value = '';
        }} />
      </header>
      <div>
        ${this.error
          ? html`<div class="error" role="alert" title=${this.#errorDetail ? msg(str`Chi tiết: ${this.#errorDetail}`, { desc: 'Tooltip: the technical detail of an error' }) : nothing}>
              ${this.error}<button @click=${() => (this.error = null)}>${msg('Đóng')}</button>
            </div>`
          : nothing}
        <div role="status" aria-live="polite">${this.#status()}</div>
        <nr-import-status
          .progress=${this.progress}
          .report=${this.report}
          @nr-cancel-import=${() => this.#jobId && void this.#attempt(() => client.call('library.cancelImport', { jobId: this.#jobId! }))}
          @nr-dismiss=${() => (this.report = null)}
        ></nr-import-status>
      </div>
      <main data-pane=${this.pane} class=${mainClass} style=${styleMap(layout)}>
        <nr-sidebar
          .counts=${this.counts}
          .selection=${this.selection}
          .info=${this.info}
          .annotationsOpen=${this.view === 'annotations'}
          @nr-select=${(e: CustomEvent<LibrarySelection>) => void this.#select(e.detail)}
          @nr-show-annotations=${() => void this.#showAnnotations()}
          @nr-open-settings=${() => (this.dialog = 'settings')}
          @nr-open-shortcuts=${() => (this.dialog = 'shortcuts')}
        ></nr-sidebar>
        <nr-splitter
          label=${msg('Độ rộng thanh bên', { desc: 'Separator that resizes the sidebar' })}
          .value=${sizes.sidebar}
          .min=${SIDEBAR_WIDTH.min}
          .max=${SIDEBAR_WIDTH.max}
          @nr-resize=${(e: CustomEvent<PaneResize>) => this.#resizePane('sidebar', e.detail)}
        ></nr-splitter>
        ${this.#listPane(searching, article)}
        <nr-splitter
          label=${msg('Độ rộng danh sách', { desc: 'Separator that resizes the article list' })}
          .value=${sizes.list}
          .min=${LIST_WIDTH.min}
          .max=${LIST_WIDTH.max}
          @nr-resize=${(e: CustomEvent<PaneResize>) => this.#resizePane('list', e.detail)}
        ></nr-splitter>
        <nr-reader
          role="region"
          aria-label=${msg('Bài đang đọc', { desc: 'Landmark name of the reading pane' })}
          .article=${article}
          .marks=${searching ? this.marks : []}
          .annotations=${this.annotations}
          .labels=${this.labels}
          .panelOpen=${panel}
          .collections=${(this.counts?.collections ?? []).map((c) => c.name)}
          .prefs=${this.settings}
          .neighbours=${this.#neighbours()}
          .focusMode=${this.focusMode}
          @nr-settings-change=${(e: CustomEvent<SettingsPatch>) => this.#updateSettings(e.detail)}
          @nr-reading-position=${(e: CustomEvent<ReadingPosition>) => this.#savePosition(e.detail)}
          @nr-mark-read=${(e: CustomEvent<string>) => this.#markRead(e.detail)}
          @nr-step-article=${(e: CustomEvent<number>) => void this.#step(e.detail > 0 ? 1 : -1, false)}
          @nr-toggle-focus=${() => this.#toggleFocus()}
          @nr-article-patch=${(e: CustomEvent<ArticlePatch>) => void this.#patch(e.detail)}
          @nr-annotate=${(e: CustomEvent<AnnotateRequest>) => void this.#annotate(e.detail)}
          @nr-copy-quote=${(e: CustomEvent<TextRange>) => void this.#copyQuote(e.detail)}
          @nr-annotation-activate=${(e: CustomEvent<string>) => {
            if (this.panelChoice === false) this.panelChoice = true;
            this.activeId = e.detail;
          }}
          @nr-toggle-annotations=${() => (this.panelChoice = !panel)}
          @nr-back=${() => void this.#backToList()}
          @nr-toggle-star=${() => void this.#patch({ starred: !article?.starred })}
          @nr-toggle-read=${() => void this.#patch({ read: !article?.read })}
          @nr-toggle-archive=${() => void this.#patch({ archived: !article?.archived })}
          @nr-trash=${() => article && void this.#attempt(() => client.call('library.trash', { ids: [article.id] }))}
          @nr-restore=${() => article && void this.#attempt(() => client.call('library.restore', { ids: [article.id] }))}
        ></nr-reader>
        ${panel ? this.#annotationPanel(article) : nothing}
      </main>
      <nr-settings
        .open=${this.dialog === 'settings'}
        .settings=${this.settings}
        .info=${this.info}
        .systemTheme=${this.systemDark ? 'dark' : 'light'}
        @nr-settings-change=${(e: CustomEvent<SettingsPatch>) => this.#updateSettings(e.detail)}
        @nr-library-moved=${(e: CustomEvent<string>) => {
          if (this.info) this.info = { ...this.info, libraryDir: e.detail };
        }}
        @nr-close=${() => this.#dialogClosed('settings')}
      ></nr-settings>
      <nr-shortcut-sheet .open=${this.dialog === 'shortcuts'} @nr-close=${() => this.#dialogClosed('shortcuts')}></nr-shortcut-sheet>
    `;
  }
}

customElements.define('nr-app', NrApp);
