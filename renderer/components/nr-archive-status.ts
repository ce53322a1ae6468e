import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { archiveContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { emit } from '../events.ts';
import { formatDateTime } from '../format-date.ts';
import { failureMessage, reasonMessage } from '../host-messages.ts';
import type { ArchiveModel } from '../state/archive-model.ts';
import { controls } from '../styles/tokens.ts';

/**
 * The archive link's status in one line at the foot of the sidebar, always in sight: syncing, the
 * last sync, changes waiting, or the problem in words. A click opens Settings (`nr-open-settings`),
 * where the link is managed. Nothing while the library is not linked.
 */
export class NrArchiveStatus extends LitElement {
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
      }
      :host([hidden]) {
        display: none;
      }
      button {
        display: block;
        width: 100%;
        text-align: left;
        border: none;
        background: transparent;
        font-size: 0.78rem;
        line-height: 1.35;
        padding: 0.3rem 0.9rem;
        color: var(--nr-text-muted);
      }
      .problem {
        color: var(--nr-danger);
      }
      strong {
        color: var(--nr-text);
      }
    `,
  ];

  #line(archive: ArchiveModel): string {
    const status = archive.status!;
    if (status.syncing) return msg('Đang đồng bộ…', { id: 'archive.state.syncing' });
    const last = status.lastSync ? msg(str`đồng bộ lúc ${formatDateTime(status.lastSync)}`, { desc: 'Sidebar: when the archive was last synced' }) : msg('chưa đồng bộ', { desc: 'Sidebar: never synced with the archive' });
    const live = status.live ? msg('trực tiếp', { desc: 'Sidebar: live updates from the archive are on' }) : '';
    const pending = status.pending > 0 ? msg(str`${status.pending} chờ gửi`, { desc: 'Sidebar: local changes waiting to be pushed' }) : '';
    return [last, live, pending].filter(Boolean).join(' · ');
  }

  override render() {
    const archive = this.#archive.value;
    this.hidden = !archive?.linked;
    if (!archive?.linked) return nothing;
    const problem = archive.shownProblem;
    return html`<div role="status"><button class="archive-status" @click=${() => emit(this, 'nr-open-settings')}>
      <strong>${msg('Kho chung', { id: 'archive.name', desc: 'The newsroom’s shared archive on PostgreSQL' })}</strong>: ${this.#line(archive)}
      ${problem ? html`<div class="problem">${reasonMessage(problem) ?? failureMessage('failed')}</div>` : nothing}
    </button></div>`;
  }
}

customElements.define('nr-archive-status', NrArchiveStatus);

declare global {
  interface HTMLElementTagNameMap {
    'nr-archive-status': NrArchiveStatus;
  }
}
