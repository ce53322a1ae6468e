import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ArchiveLinkPreview } from '../../contract/index.ts';
import { emit } from '../events.ts';
import { controls, statusList } from '../styles/tokens.ts';

/**
 * The confirm step before linking the library to a shared archive: what the host found at the address
 * (server, database, the reporter's role, whether the connection is encrypted, the role's desks) and
 * what linking does. Sends nr-archive-link-confirm or nr-archive-link-cancel; the host links only
 * with the confirmation this preview carries, so no renderer can link without showing this step.
 */
export class NrArchiveLinkPreview extends LitElement {
  static override properties = {
    preview: { attribute: false },
    busy: { type: Boolean },
  };

  declare preview: ArchiveLinkPreview | null;
  /** A link is being made: the buttons wait. */
  declare busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.preview = null;
    this.busy = false;
  }

  static override styles = [
    controls,
    statusList,
    css`
      :host {
        display: block;
        margin-top: 0.5rem;
        padding: 0.8rem 1rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-surface);
      }
      :host([hidden]) {
        display: none;
      }
      h4 {
        margin: 0 0 0.4rem;
        font-size: 0.95rem;
      }
      ul {
        margin: 0;
        padding-left: 1.2rem;
      }
      .plain {
        color: var(--nr-danger);
      }
      .hint {
        color: var(--nr-text-muted);
        font-size: 0.85rem;
        margin: 0.4rem 0 0;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
    `,
  ];

  override firstUpdated(): void {
    // The question takes the keyboard, as the native dialog of the desktop app would.
    this.renderRoot.querySelector<HTMLButtonElement>('button.cancel')?.focus();
  }

  #desks(preview: ArchiveLinkPreview) {
    if (preview.desks.length === 0) return msg('Chưa thuộc ban nào', { desc: 'Confirm step: the reporter is on no desk of this archive' });
    return html`<ul>
      ${preview.desks.map((desk) => html`<li><strong>${desk.name}</strong>: ${desk.members.join(', ')}</li>`)}
    </ul>`;
  }

  override render() {
    const preview = this.preview;
    this.hidden = preview === null;
    if (!preview) return nothing;
    const server = `${preview.host}:${preview.port}`;
    return html`<section role="group" aria-labelledby="link-question">
      <h4 id="link-question">
        ${msg(str`Liên kết thư viện này với kho chung tại ${server} với tên ${preview.user}?`, { desc: 'Confirm step before linking: server (host:port), then the PostgreSQL role' })}
      </h4>
      <dl>
        <dt>${msg('Máy chủ', { desc: 'Confirm step: the archive server (host:port)' })}</dt>
        <dd class="server">${server}</dd>
        <dt>${msg('Cơ sở dữ liệu', { desc: 'Confirm step: the PostgreSQL database name' })}</dt>
        <dd class="database">${preview.database}</dd>
        <dt>${msg('Phóng viên', { id: 'archive.user', desc: 'Label: the PostgreSQL role this library syncs as' })}</dt>
        <dd class="user">${preview.user}</dd>
        <dt>${msg('Mã hoá (TLS)', { desc: 'Confirm step: whether the connection is encrypted' })}</dt>
        <dd class=${preview.tls ? 'tls' : 'tls plain'}>
          ${preview.tls
            ? msg('Có: kết nối được mã hoá', { desc: 'Confirm step: the connection uses TLS' })
            : msg('Không: dữ liệu đi qua mạng không được mã hoá', { desc: 'Confirm step: the connection does not use TLS' })}
        </dd>
        <dt>${msg('Các ban của bạn', { desc: 'Heading: the desks this reporter is on, with their members' })}</dt>
        <dd class="desks">${this.#desks(preview)}</dd>
      </dl>
      <p class="hint">
        ${msg('Các bài và ghi chú của bạn sẽ được sao chép lên máy chủ đó và luôn được đồng bộ. Chỉ liên kết với kho chung của toà soạn bạn.', {
          desc: 'Confirm step: what linking does',
        })}
      </p>
      <div class="row">
        <button class="primary confirm" ?disabled=${this.busy} @click=${() => emit(this, 'nr-archive-link-confirm')}>${msg('Liên kết', { desc: 'Confirm step: link to this archive' })}</button>
        <button class="cancel" ?disabled=${this.busy} @click=${() => emit(this, 'nr-archive-link-cancel')}>${msg('Huỷ', { id: 'archive.link-cancel', desc: 'Confirm step: do not link' })}</button>
      </div>
    </section>`;
  }
}

customElements.define('nr-archive-link-preview', NrArchiveLinkPreview);

declare global {
  interface HTMLElementTagNameMap {
    'nr-archive-link-preview': NrArchiveLinkPreview;
  }
}
