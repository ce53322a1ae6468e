import { LitElement, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { ContextProvider, type Context } from '@lit/context';
import { SETTINGS_BOUNDS } from '../../contract/settings-defaults.ts';
import { TEXT_ENCODING_LABELS, TEXT_ENCODINGS, textEncodingNamed } from '../../contract/text-encodings.ts';
import { client } from '../client/newsroom-client.ts';
import { ArchiveController } from '../controllers/archive-controller.ts';
import { DrawerController } from '../controllers/drawer-controller.ts';
import { annotationsContext, appStateContext, bulkContext, libraryContext, noticesContext, readingContext, savedSearchesContext, searchContext, settingsContext, sourcesContext } from '../contexts.ts';
import { notifyInBrowser } from '../desktop-notification.ts';
import { ImportController } from '../controllers/import-controller.ts';
import { KeyboardController } from '../controllers/keyboard-controller.ts';
import { NavigationController } from '../controllers/navigation-controller.ts';
import { StateController } from '../controllers/state-controller.ts';
import { ThemeController } from '../controllers/theme-controller.ts';
import { downloadText } from '../download-text.ts';
import { emit, type ExportFormat, type SettingsPatch } from '../events.ts';
import { applyLocale } from '../localization/app-locale.ts';
import { copyQuote } from '../quote-copy.ts';
import { AppState } from '../state/app-state.ts';
import type { Observable } from '../state/observable.ts';
import { appStyles } from '../styles/app-styles.ts';
import { readerStyle } from './nr-reader-prefs.ts';
import type { NrSettings } from './nr-settings.ts';
import type { NrShortcutSheet } from './nr-shortcut-sheet.ts';
import './nr-annotation-list.ts';
import './nr-bulk-bar.ts';
import './nr-import-status.ts';
import './nr-list-pane.ts';
import './nr-notices.ts';
import './nr-reader.ts';
import './nr-search-box.ts';
import './nr-settings.ts';
import './nr-shortcut-sheet.ts';
import './nr-sidebar.ts';
import './nr-source-dialogs.ts';
import './nr-splitter.ts';

/** Pane widths the settings contract accepts. */
const { sidebarWidth: SIDEBAR_WIDTH, listWidth: LIST_WIDTH } = SETTINGS_BOUNDS;

type Events = GlobalEventHandlersEventMap;

/**
 * The application shell: header, sidebar, list and reader, and the dialogs. The state lives in
 * renderer/state/ (one AppState, provided to the elements inside through @lit/context); this element
 * lays the panes out and wires their events to it.
 */
export class NrApp extends LitElement {
  static override properties = {
    theme: { type: String, reflect: true },
    dialog: { state: true },
  };

  /** The colour theme applied now ('system' resolved to light or dark; ThemeController sets it). */
  declare theme: string;
  /** The modal dialog that is open, if any; it has the keyboard to itself. */
  declare dialog: 'settings' | 'shortcuts' | null;
  readonly state = new AppState(client);
  readonly #nav = new NavigationController(this, this.state);
  readonly #drawer = new DrawerController(this);
  readonly #import = new ImportController(this, { client, notices: this.state.notices, limits: () => ({
      maxBytes: this.state.library.info?.maxImportBytes ?? Infinity,
      byExtension: this.state.library.info?.maxImportBytesByExtension ?? {},
    }),
  });
  readonly #theme = new ThemeController(this, this.state.settings);
  #unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.theme = 'light';
    this.dialog = null;
    const { state } = this;
    this.#share(appStateContext, state);
    this.#share(libraryContext, state.library);
    this.#share(searchContext, state.search);
    this.#share(readingContext, state.reading);
    this.#share(annotationsContext, state.annotations);
    this.#share(settingsContext, state.settings);
    this.#share(noticesContext, state.notices);
    // The source tree and the source dialogs re-render themselves; the shell does not need to.
    new ContextProvider(this, { context: sourcesContext, initialValue: state.sources });
    this.#share(bulkContext, state.bulk);
    this.#share(savedSearchesContext, state.watch);
    new ArchiveController(this, state.archive, client);
    const nav = this.#nav;
    new KeyboardController(this, {
      dialogShowing: () => [...this.renderRoot.querySelectorAll<NrSettings | NrShortcutSheet>('nr-settings, nr-shortcut-sheet')].some((dialog) => dialog.showing),
      step: (delta, inList) => void nav.step(delta, inList),
      openCurrent: (rowId) => nav.openCurrent(rowId),
      pick: (rowId) => {
        const id = rowId ?? state.reading.article?.id;
        if (id) state.pick({ id, range: false });
        return id !== undefined;
      },
      toggle: (flag) => state.reading.toggle(flag),
      toggleFocusMode: () => nav.toggleFocusMode(),
      showShortcuts: () => (this.dialog = 'shortcuts'),
      focusSearch: () => this.renderRoot.querySelector('nr-search-box')?.focus(),
      // The reader comes forward first (the one-pane layout may be showing the list).
      startCaret: () => {
        if (!state.reading.article) return false;
        void nav.showReader().then(() => nav.reader()?.startCaret());
        return true;
      },
      annotateSelection: (withNote) => nav.reader()?.annotateSelection('yellow', withNote) ?? false,
      dismissSelection: () => nav.reader()?.dismissSelection() ?? false,
      closeReaderPrefs: () => nav.reader()?.closePrefs() ?? false,
      leaveFocusMode: () => nav.leaveFocusMode(),
      backToList: () => void (state.pane === 'reader' && nav.backToList()),
      stepMatch: (delta) => nav.reader()?.step(delta),
    });
  }

  /** Provides a piece of state to the elements inside, and re-renders this one when it changes. */
  #share<T extends Observable>(context: Context<unknown, T>, value: T): void {
    new ContextProvider(this, { context, initialValue: value });
    new StateController(this, value);
  }

  static override styles = appStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    const { state } = this;
    this.#unsubscribe.push(
      client.on('library.changed', (change) => state.libraryChanged(change)),
      // A query typed while the index was still being built is answered again once it is ready.
      client.on('watch.counts', (counts) => state.watch.countsChanged(counts, state.library.info?.runtime === 'browser' ? notifyInBrowser : undefined)),
      client.on('search.state', ({ state: indexState }) => state.search.indexStateChanged(indexState)),
      client.on('sources.changed', () => void state.sources.reload()),
      client.on('menu.action', (action) => {
        if (action.action === 'import') this.#import.chooseFiles();
        if (action.action === 'settings') this.dialog = 'settings';
        if (action.action === 'export') void this.#exportLibrary();
        if (action.action === 'theme') this.#updateSettings({ theme: action.theme });
        if (action.action === 'locale') this.#updateSettings({ locale: action.locale });
      }),
    );
    window.addEventListener('pagehide', this.#saveSettings);
    void state.start(applyLocale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#unsubscribe.splice(0)) off();
    window.removeEventListener('pagehide', this.#saveSettings);
    this.#saveSettings();
    this.state.notices.dispose();
    this.state.bulk.dispose();
  }

  #saveSettings = (): void => this.state.settings.save();

  /** Applies some settings at once and remembers them; a burst of changes is saved once it rests. */
  #updateSettings(patch: SettingsPatch): void {
    this.state.settings.update(patch);
    if (patch.locale) void applyLocale(patch.locale);
  }

  async #exportLibrary(): Promise<void> {
    const file = await this.state.exportLibrary();
    if (file) downloadText(file.filename, 'application/x-ndjson', file.ndjson);
  }

  async #exportAnnotations(format: ExportFormat, articleId: string): Promise<void> {
    const file = await this.state.annotations.export(format, articleId);
    if (file) downloadText(file.filename, file.mediaType, file.content);
  }

  /** Searches for a suggested query (no results: the same words without diacritics), shown in the search box. */
  #suggest(query: string): void {
    const box = this.renderRoot.querySelector('nr-search-box');
    if (box) box.value = query;
    void this.state.searchFor(query);
  }

  /** A saved search opened from the sidebar: its filters, then its query in the search box. */
  #runSaved({ query, filters }: { query: string; filters: Events['nr-run-saved-search']['detail']['filters'] }): void {
    const box = this.renderRoot.querySelector('nr-search-box');
    if (box) box.value = query;
    this.state.search.filters = filters;
    void this.state.searchFor(query);
  }

  /** A dialog has closed; another may have been opened in the meantime. */
  #dialogClosed(which: 'settings' | 'shortcuts'): void {
    if (this.dialog === which) this.dialog = null;
  }

  #header(theme: string) {
    return html`<header role="banner" ?hidden=${this.#nav.focusMode}>
      <a class="skip-link" href="#list" @click=${(e: Event) => void this.#nav.skipTo(e, 'list')}>${msg('Đến danh sách bài', { desc: 'Skip link to the article list' })}</a>
      <a class="skip-link" href="#reader" @click=${(e: Event) => void this.#nav.skipTo(e, 'reader')}>${msg('Đến bài đang đọc', { desc: 'Skip link to the reading pane' })}</a>
      <button
        class="narrow-only drawer-toggle"
        aria-expanded=${this.#drawer.open ? 'true' : 'false'}
        aria-controls="sidebar"
        title=${msg('Thư mục: Chưa đọc, Thùng rác, Nguồn, Thẻ, Tất cả ghi chú', { desc: 'Tooltip of the narrow-window drawer button' })}
        @click=${() => void this.#drawer.toggle()}
      >
        <span aria-hidden="true">☰</span> ${msg('Thư viện', { id: 'sidebar.library', desc: 'Sidebar heading: the article library' })}
      </button>
      <span class="brand">Newsroom Reader</span>
      <nr-search-box @nr-search=${(e: Events['nr-search']) => void this.state.searchFor(e.detail)} @nr-search-input=${(e: Events['nr-search-input']) => void this.state.typeQuery(e.detail)}></nr-search-box>
      <button class="primary" @click=${() => this.#import.chooseFiles()}>${msg('Nhập bài…')}</button>
      <button class="add-source" @click=${() => emit(this, 'nr-add-source', {})}>${msg('Thêm nguồn / lưu trang…', { desc: 'Header button: opens the add source / save page box' })}</button>
      <select
        class="import-encoding"
        aria-label=${msg('Bảng mã của tệp nhập', { desc: 'Select: the text encoding of the files to import' })}
        @change=${(e: Event) => (this.#import.encoding = textEncodingNamed((e.target as HTMLSelectElement).value))}
      >
        <option value="" ?selected=${this.#import.encoding === null}>${msg('Tự nhận bảng mã', { desc: 'Encoding choice: detect it per file' })}</option>
        ${TEXT_ENCODINGS.map((name) => html`<option value=${name} ?selected=${this.#import.encoding === name}>${TEXT_ENCODING_LABELS[name]}</option>`)}
      </select>
      <label class="theme-choice"
        ><span>${msg('Giao diện', { desc: 'Colour theme select' })}</span>
        <select @change=${(e: Event) => this.#updateSettings({ theme: (e.target as HTMLSelectElement).value as 'light' })}>
        <option value="system" ?selected=${theme === 'system'}>${msg('Theo hệ thống', { id: 'theme.system', desc: 'Theme choice: follow the operating system' })}</option>
        <option value="light" ?selected=${theme === 'light'}>${msg('Sáng', { id: 'theme.light' })}</option>
        <option value="dark" ?selected=${theme === 'dark'}>${msg('Tối', { id: 'theme.dark' })}</option>
        <option value="sepia" ?selected=${theme === 'sepia'}>${msg('Sepia', { id: 'theme.sepia' })}</option>
        </select></label
      >
      <button class="narrow-only" aria-label=${msg('Cài đặt')} title=${msg('Cài đặt')} @click=${() => (this.dialog = 'settings')}>⚙</button>
      <input type="file" multiple @change=${this.#import.onInput} />
    </header>`;
  }

  #readerPane(panel: boolean) {
    const { reading, annotations, library, search } = this.state;
    return html`<nr-reader
      role="region"
      aria-label=${msg('Bài đang đọc', { desc: 'Landmark name of the reading pane' })}
      .article=${reading.article}
      .marks=${search.active ? reading.marks : []}
      .annotations=${reading.annotations}
      .labels=${annotations.labels}
      .panelOpen=${panel}
      .collections=${(library.counts?.collections ?? []).map((c) => c.name)}
      .neighbours=${this.state.neighbours()}
      .focusMode=${this.#nav.focusMode}
      @nr-reading-position=${(e: Events['nr-reading-position']) => void reading.savePosition(e.detail.id, e.detail.position)}
      @nr-mark-read=${(e: Events['nr-mark-read']) => void reading.markRead(e.detail)}
      @nr-step-article=${(e: Events['nr-step-article']) => void this.#nav.step(e.detail, false)}
      @nr-toggle-focus=${() => this.#nav.toggleFocusMode()}
      @nr-article-patch=${(e: Events['nr-article-patch']) => void reading.patch(e.detail)}
      @nr-annotate=${(e: Events['nr-annotate']) => void annotations.create(e.detail)}
      @nr-copy-quote=${(e: Events['nr-copy-quote']) => void copyQuote(this.state, e.detail)}
      @nr-annotation-activate=${(e: Events['nr-annotation-activate']) => annotations.activate(e.detail, true)}
      @nr-toggle-annotations=${() => annotations.togglePanel()}
      @nr-back=${() => void this.#nav.backToList()}
      @nr-toggle-star=${() => reading.toggle('starred')}
      @nr-toggle-read=${() => reading.toggle('read')}
      @nr-toggle-archive=${() => reading.toggle('archived')}
      @nr-trash=${() => void (reading.article && this.state.bulk.runOn({ kind: 'trash' }, reading.article.id))}
      @nr-restore=${() => void reading.restore()}
    ></nr-reader>`;
  }

  #annotationPanel(articleId: string) {
    const { reading, annotations } = this.state;
    return html`<nr-annotation-list
      aria-label=${msg('Ghi chú trong bài')}
      role="complementary"
      .annotations=${reading.annotations}
      .labels=${annotations.labels}
      .editingId=${annotations.editingId}
      .activeId=${annotations.activeId}
      @nr-annotation-reveal=${(e: Events['nr-annotation-reveal']) => void this.#nav.reveal(e.detail)}
      @nr-annotation-edit=${(e: Events['nr-annotation-edit']) => annotations.edit(e.detail)}
      @nr-annotation-cancel=${(e: Events['nr-annotation-cancel']) => void annotations.cancelEdit(e.detail)}
      @nr-annotation-update=${(e: Events['nr-annotation-update']) => void annotations.update(e.detail)}
      @nr-annotation-delete=${(e: Events['nr-annotation-delete']) => void annotations.delete(e.detail)}
      @nr-annotation-export=${(e: Events['nr-annotation-export']) => void this.#exportAnnotations(e.detail, articleId)}
    ></nr-annotation-list>`;
  }

  override render() {
    const { state } = this;
    const { library, annotations } = state;
    const settings = state.settings.settings;
    const article = state.reading.article;
    const panel = annotations.panelOpen;
    const sizes = settings.paneSizes;
    const layout = { '--nr-sidebar-width': `${sizes.sidebar}px`, '--nr-list-width': `${sizes.list}px`, ...readerStyle(settings) };
    // A note being written shows its panel even in focus mode: a hidden note box cannot take the keys.
    const mainClass = [panel ? 'with-panel' : '', this.#nav.focusMode ? 'focus' : '', annotations.editingId ? 'editing' : ''].filter(Boolean).join(' ');
    return html`
      ${this.#header(settings.theme)}
      <div>
        <nr-notices></nr-notices>
        <nr-import-status
          .progress=${this.#import.progress}
          .report=${this.#import.report}
          @nr-cancel-import=${() => this.#import.cancel()}
          @nr-dismiss=${() => this.#import.dismiss()}
        ></nr-import-status>
      </div>
      <main data-pane=${state.pane} class=${mainClass} style=${styleMap(layout)}>
        ${this.#drawer.open ? html`<div class="drawer-backdrop" @click=${this.#drawer.close}></div>` : nothing}
        <nr-sidebar
          id="sidebar"
          class=${this.#drawer.open ? 'drawer-open' : ''}
          @keydown=${this.#drawer.onKey}
          .counts=${library.counts}
          .selection=${library.selection}
          .info=${library.info}
          .annotationsOpen=${annotations.viewOpen}
          @nr-select=${(e: Events['nr-select']) => void state.choose({ selection: e.detail })}
          @nr-show-annotations=${() => void annotations.openView()}
          @nr-open-settings=${() => (this.dialog = 'settings')}
          @nr-open-shortcuts=${() => (this.dialog = 'shortcuts')}
          @nr-run-saved-search=${(e: Events['nr-run-saved-search']) => this.#runSaved(e.detail)}
        ></nr-sidebar>
        <nr-splitter
          label=${msg('Độ rộng thanh bên', { desc: 'Separator that resizes the sidebar' })}
          .value=${sizes.sidebar}
          .min=${SIDEBAR_WIDTH.min}
          .max=${SIDEBAR_WIDTH.max}
          @nr-resize=${(e: Events['nr-resize']) => state.settings.resizePane('sidebar', e.detail.size)}
        ></nr-splitter>
        <nr-list-pane
          class="list-pane"
          @nr-open-hit=${(e: Events['nr-open-hit']) => void this.#nav.openHit(e.detail)}
          @nr-open-annotation=${(e: Events['nr-open-annotation']) => void this.#nav.openAnnotation(e.detail)}
          @nr-search-suggestion=${(e: Events['nr-search-suggestion']) => this.#suggest(e.detail)}
          @nr-choose-files=${() => this.#import.chooseFiles()}
        ></nr-list-pane>
        <nr-splitter
          label=${msg('Độ rộng danh sách', { desc: 'Separator that resizes the article list' })}
          .value=${sizes.list}
          .min=${LIST_WIDTH.min}
          .max=${LIST_WIDTH.max}
          @nr-resize=${(e: Events['nr-resize']) => state.settings.resizePane('list', e.detail.size)}
        ></nr-splitter>
        ${this.#readerPane(panel)} ${panel && article ? this.#annotationPanel(article.id) : nothing}
      </main>
      <nr-settings
        .open=${this.dialog === 'settings'}
        .settings=${settings}
        .info=${library.info}
        .systemTheme=${this.#theme.systemTheme}
        @nr-settings-change=${(e: Events['nr-settings-change']) => this.#updateSettings(e.detail)}
        @nr-library-moved=${(e: Events['nr-library-moved']) => library.libraryMoved(e.detail)}
        @nr-close=${() => this.#dialogClosed('settings')}
      ></nr-settings>
      <nr-bulk-bar></nr-bulk-bar>
      <nr-shortcut-sheet .open=${this.dialog === 'shortcuts'} @nr-close=${() => this.#dialogClosed('shortcuts')}></nr-shortcut-sheet>
      <nr-source-dialogs @nr-select=${(e: Events['nr-select']) => void state.choose({ selection: e.detail })}></nr-source-dialogs>
    `;
  }
}

customElements.define('nr-app', NrApp);

declare global {
  interface HTMLElementTagNameMap {
    'nr-app': NrApp;
  }
}
