import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { annotationsContext, appStateContext, archiveContext, bulkContext, libraryContext, readingContext, searchContext } from '../contexts.ts';
import type { BulkSelection } from '../state/bulk-selection.ts';
import { StateController } from '../controllers/state-controller.ts';
import { downloadText } from '../download-text.ts';
import { downloadBrief, readerTimeZone } from '../download-brief.ts';
import { getLocale } from '../localization/app-locale.ts';
import { emit, type BriefRequest, type ExportFormat } from '../events.ts';
import type { AnnotationSession } from '../state/annotation-session.ts';
import type { AppState } from '../state/app-state.ts';
import type { ArchiveModel } from '../state/archive-model.ts';
import type { LibraryView } from '../state/library-view.ts';
import type { ReadingSession } from '../state/reading-session.ts';
import type { SearchSession } from '../state/search-session.ts';
import { controls } from '../styles/tokens.ts';
import type { NrArticleList } from './nr-article-list.ts';
import type { NrSearchResults } from './nr-search-results.ts';
import { viewLabel } from './nr-sidebar.ts';
import './nr-all-annotations.ts';
import './nr-archive-results.ts';
import './nr-article-list.ts';
import './nr-search-filters.ts';
import './nr-search-results.ts';

/**
 * The list pane: search results while a search runs, else the annotations view or the library list
 * (or the first-run page while the library is empty). It takes the state from <nr-app> (contexts) and
 * changes it; what needs the rest of the app bubbles up: `nr-open-hit`, `nr-open-annotation`,
 * `nr-search-suggestion`, `nr-choose-files`.
 */
export class NrListPane extends LitElement {
  readonly #app = new StateController<AppState>(this, appStateContext);
  readonly #library = new StateController<LibraryView>(this, libraryContext);
  readonly #search = new StateController<SearchSession>(this, searchContext);
  readonly #annotations = new StateController<AnnotationSession>(this, annotationsContext);
  readonly #reading = new StateController<ReadingSession>(this, readingContext);
  readonly #bulk = new StateController<BulkSelection>(this, bulkContext);
  readonly #archive = new StateController<ArchiveModel>(this, archiveContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  // The pane's content is the grid item of the app's layout, as if it were the app's own child.
  static override styles = [
    controls,
    css`
      :host {
        display: contents;
      }
      .pane {
        min-height: 0;
        border-right: 1px solid var(--nr-border);
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
      @media (max-width: 760px) {
        .search-pane {
          display: flex;
          flex-direction: column;
          min-height: 0;
        }
        .search-pane nr-search-results {
          flex: 1;
          min-height: 0;
        }
      }
    `,
  ];

  /** Scrolls the row of an article into view, and gives it focus if `focus`. */
  async revealRow(id: string, focus: boolean): Promise<void> {
    await this.updateComplete;
    const list = this.renderRoot.querySelector<NrArticleList | NrSearchResults>('nr-article-list, nr-search-results');
    await list?.updateComplete;
    await list?.reveal(id, focus);
  }

  #heading(library: LibraryView): string {
    const s = library.selection;
    if (s.tag) return msg(str`Thẻ: ${s.tag}`, { desc: 'List heading: articles with this tag' });
    if (s.source) return msg(str`Nguồn: ${s.source}`, { desc: 'List heading: articles from this source' });
    if (s.sourceId) return msg(str`Nguồn: ${this.#app.value?.sources.get(s.sourceId)?.title ?? ''}`, { desc: 'List heading: articles from this source' });
    if (s.collection) return msg(str`Bộ sưu tập: ${s.collection}`, { desc: 'List heading: articles in this collection' });
    return viewLabel(s.view);
  }

  async #export(annotations: AnnotationSession, format: ExportFormat): Promise<void> {
    const file = await annotations.export(format);
    if (file) downloadText(file.filename, file.mediaType, file.content);
  }

  async #exportBrief(annotations: AnnotationSession, request: BriefRequest): Promise<void> {
    const file = await annotations.exportBrief(request, getLocale() === 'en' ? 'en' : 'vi', readerTimeZone());
    if (file) downloadBrief(file);
  }

  #firstRun() {
    return html`<section class="first-run pane" aria-label=${msg('Bắt đầu', { desc: 'Region shown on first run: getting started' })}>
      <h2>${msg('Thư viện còn trống')}</h2>
      <p>${msg('Nhập bài báo đã lưu: tệp .txt, .html, .md, .json/.ndjson, RSS/Atom, hoặc cả thư mục.')}</p>
      <div class="drop-zone">
        ${msg('Kéo thả tệp vào đây, hoặc', { desc: 'Followed by the button "Choose files…"' })}
        <button class="primary" @click=${() => emit(this, 'nr-choose-files')}>${msg('Chọn tệp…')}</button>
      </div>
    </section>`;
  }

  override render() {
    const library = this.#library.value;
    const search = this.#search.value;
    const annotations = this.#annotations.value;
    const app = this.#app.value;
    const selectedId = this.#reading.value?.article?.id ?? null;
    if (!app || !library || !search || !annotations) return html``;
    if (search.active) {
      return html`<div class="search-pane pane">
        <nr-search-filters
          .filters=${search.filters}
          .sources=${library.counts?.sources ?? []}
          .tags=${library.counts?.tags ?? []}
          @nr-filters-change=${(e: GlobalEventHandlersEventMap['nr-filters-change']) => void search.setFilters(e.detail)}
        ></nr-search-filters>
        <nr-archive-results @nr-open=${(e: GlobalEventHandlersEventMap['nr-open']) => void app.open(e.detail)}></nr-archive-results>
        <nr-search-results
          .result=${search.result}
          .selectedId=${selectedId}
          .filtersActive=${search.filtered}
          .indexing=${search.indexState !== 'ready'}
          .isPicked=${this.#bulk.value?.isPicked ?? (() => false)}
          @nr-pick=${(e: GlobalEventHandlersEventMap['nr-pick']) => app.pick(e.detail)}
          .searching=${search.searching}
          @nr-clear-filters=${() => void search.setFilters({})}
          @nr-search-more=${() => void search.searchMore()}
        ></nr-search-results>
      </div>`;
    }
    if (annotations.viewOpen) {
      return html`<nr-all-annotations
        class="pane"
        .annotations=${annotations.all}
        .labels=${annotations.labels}
        .articles=${annotations.articles}
        .filter=${annotations.filter}
        .shared=${this.#archive.value?.linked ?? false}
        .selectedId=${annotations.activeId}
        .loading=${annotations.loadingAll}
        @nr-annotations-filter=${(e: GlobalEventHandlersEventMap['nr-annotations-filter']) => void annotations.setFilter(e.detail)}
        @nr-rename-color=${(e: GlobalEventHandlersEventMap['nr-rename-color']) => void annotations.renameColor(e.detail)}
        @nr-annotation-export=${(e: GlobalEventHandlersEventMap['nr-annotation-export']) => void this.#export(annotations, e.detail)}
        .query=${annotations.viewQuery}
        .sources=${library.counts?.sources ?? []}
        .tags=${library.counts?.tags ?? []}
        .citationStyle=${app.settings.settings.citationStyle}
        @nr-annotations-view-filter=${(e: GlobalEventHandlersEventMap['nr-annotations-view-filter']) => void annotations.setViewQuery(e.detail)}
        @nr-brief-export=${(e: GlobalEventHandlersEventMap['nr-brief-export']) => void this.#exportBrief(annotations, e.detail)}
        @nr-citation-style=${(e: GlobalEventHandlersEventMap['nr-citation-style']) => app.settings.update({ citationStyle: e.detail })}
      ></nr-all-annotations>`;
    }
    if (library.empty) return this.#firstRun();
    return html`<nr-article-list
      class="pane"
      .items=${library.items}
      .total=${library.total}
      .selectedId=${selectedId}
      heading=${this.#heading(library)}
      .sort=${library.sort}
      .isPicked=${this.#bulk.value?.isPicked ?? (() => false)}
      @nr-pick=${(e: GlobalEventHandlersEventMap['nr-pick']) => app.pick(e.detail)}
      @nr-sort=${(e: GlobalEventHandlersEventMap['nr-sort']) => void app.choose({ sort: e.detail })}
      @nr-open=${(e: GlobalEventHandlersEventMap['nr-open']) => void app.open(e.detail)}
      @nr-need-more=${() => void library.loadMore()}
    ></nr-article-list>`;
  }
}

customElements.define('nr-list-pane', NrListPane);

declare global {
  interface HTMLElementTagNameMap {
    'nr-list-pane': NrListPane;
  }
}
