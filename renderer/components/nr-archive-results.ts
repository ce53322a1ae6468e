import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ArchiveHit } from '../../contract/index.ts';
import { archiveContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { emit } from '../events.ts';
import { formatDate } from '../format-date.ts';
import { archiveProblemDetail, failureMessage, reasonMessage, searchNotice } from '../host-messages.ts';
import { isSingular } from '../localization/app-locale.ts';
import { markedText } from '../marked-text.ts';
import type { ArchiveModel } from '../state/archive-model.ts';
import { controls } from '../styles/tokens.ts';

/**
 * Archive search beside local search: a switch "search the archive too", and the archive's hits for
 * the same query, each labelled "Kho chung" with the reporters who added it and the desks it is shared
 * with. A hit the library holds already opens there (`nr-open` with the local id); any other can be
 * saved into the library first ("Lưu vào thư viện"). Shown only while the library is linked.
 */
export class NrArchiveResults extends LitElement {
  readonly #archive = new StateController<ArchiveModel>(this, archiveContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
        max-height: 40vh;
        overflow: auto;
        border-bottom: 2px solid var(--nr-border);
        background: var(--nr-surface);
        color: var(--nr-text);
        font-size: 0.9rem;
      }
      :host([hidden]) {
        display: none;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 0.5rem 0.9rem;
        color: var(--nr-text-muted);
      }
      header label {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        color: var(--nr-text);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.6rem 0.9rem;
        border-top: 1px solid var(--nr-border);
      }
      .badge {
        display: inline-block;
        font-size: 0.72rem;
        padding: 0 0.4rem;
        border-radius: 999px;
        background: var(--nr-accent);
        color: var(--nr-accent-text);
        margin-right: 0.35rem;
      }
      .title {
        font-weight: 600;
      }
      .meta,
      .people {
        font-size: 0.78rem;
        color: var(--nr-text-muted);
        margin-top: 0.2rem;
      }
      .snippet {
        margin: 0.3rem 0;
        line-height: 1.45;
      }
      mark {
        background: var(--nr-mark, #fde68a);
        color: inherit;
      }
      .problem {
        color: var(--nr-danger);
        padding: 0 0.9rem 0.5rem;
        margin: 0;
      }
      .note {
        padding: 0 0.9rem 0.5rem;
        margin: 0;
        color: var(--nr-text-muted);
      }
    `,
  ];

  async #saveAndOpen(archive: ArchiveModel, hit: ArchiveHit): Promise<void> {
    const id = await archive.save(hit);
    if (id) emit(this, 'nr-open', id);
  }

  #hit(archive: ArchiveModel, hit: ArchiveHit) {
    const saving = archive.saving.has(hit.archiveId);
    const meta = [hit.source, hit.author, hit.publishedAt ? formatDate(hit.publishedAt) : null].filter(Boolean).join(' · ');
    return html`<li data-archive-id=${hit.archiveId}>
      <div class="title"><span class="badge">${msg('Kho chung', { id: 'archive.name', desc: 'The newsroom’s shared archive on PostgreSQL' })}</span>${hit.title}</div>
      ${meta ? html`<div class="meta">${meta}</div>` : nothing}
      <div class="snippet">${markedText(hit.snippet.text, 0, hit.snippet.text.length, hit.snippet.matches, 0, -1)}</div>
      <div class="people">
        ${hit.addedBy.length > 0 ? msg(str`Thêm bởi: ${hit.addedBy.join(', ')}`, { desc: 'The reporters who added an archive article' }) : nothing}
        ${hit.desks.length > 0 ? html` · ${msg(str`Ban: ${hit.desks.join(', ')}`, { desc: 'The desks an archive article is shared with' })}` : nothing}
      </div>
      ${hit.localId
        ? html`<button @click=${() => emit(this, 'nr-open', hit.localId!)}>${msg('Mở bài trong thư viện', { desc: 'Button on an archive hit the library already holds' })}</button>`
        : html`<button class="primary" ?disabled=${saving} @click=${() => void this.#saveAndOpen(archive, hit)}>
            ${saving ? msg('Đang lưu…') : msg('Lưu vào thư viện', { desc: 'Button: save an archive hit into the local library' })}
          </button>`}
    </li>`;
  }

  #count(total: number): string {
    return isSingular(total)
      ? msg(str`${total} kết quả trong kho chung`, { id: 'archive.results.one' })
      : msg(str`${total} kết quả trong kho chung`, { id: 'archive.results.many' });
  }

  #results(archive: ArchiveModel) {
    if (archive.searchProblem) {
      const detail = archiveProblemDetail(archive.searchProblem);
      return html`<p class="problem" role="alert" title=${detail || nothing}>${reasonMessage(archive.searchProblem) ?? failureMessage('failed')}</p>`;
    }
    const result = archive.result;
    if (!result) return nothing;
    if (result.message) return html`<p class="note">${searchNotice(result.message)}</p>`;
    if (result.hits.length === 0) return html`<p class="note">${msg('Kho chung không có bài nào khớp.', { desc: 'Archive search found nothing' })}</p>`;
    return html`<ol aria-label=${msg('Kết quả trong kho chung')}>
      ${result.hits.map((hit) => this.#hit(archive, hit))}
    </ol>`;
  }

  override render() {
    const archive = this.#archive.value;
    this.hidden = !archive?.linked;
    if (!archive?.linked) return nothing;
    const result = archive.result;
    return html`<section aria-label=${msg('Kho chung', { id: 'archive.name', desc: 'The newsroom’s shared archive on PostgreSQL' })}>
      <header>
        <label
          ><input type="checkbox" name="archive-search" .checked=${archive.searchOn} @change=${(e: Event) => void archive.setSearchOn((e.target as HTMLInputElement).checked)} />${msg(
            'Tìm cả trong kho chung',
            { desc: 'Switch: also search the shared archive' },
          )}</label
        >
        <span role="status">${archive.searching ? msg('Đang tìm trong kho chung…') : result && !result.message ? this.#count(result.total) : ''}</span>
      </header>
      ${archive.searchOn ? this.#results(archive) : nothing}
    </section>`;
  }
}

customElements.define('nr-archive-results', NrArchiveResults);

declare global {
  interface HTMLElementTagNameMap {
    'nr-archive-results': NrArchiveResults;
  }
}
