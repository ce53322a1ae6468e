import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { CommandFailure } from '../client/newsroom-client.ts';
import { annotationsContext, noticesContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { commandFailureText } from '../host-messages.ts';
import type { AnnotationSession } from '../state/annotation-session.ts';
import type { Failure, Notice, Notices, UndoOffer } from '../state/notices.ts';
import { controls } from '../styles/tokens.ts';

function failureText(failure: Failure): string {
  if (failure.kind === 'clipboard') return msg('Không sao chép được vào bộ nhớ tạm.');
  return failure.error instanceof CommandFailure ? commandFailureText(failure.error) : msg('Đã có lỗi không mong muốn. Hãy thử lại.');
}

function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'library-exported':
      return msg(str`Đã xuất ${notice.count} bài vào ${notice.filename}.`, { desc: 'After exporting the library: article count and file name' });
    case 'undone':
      return msg('Đã hoàn tác.');
    case 'quote-copied':
      return msg('Đã sao chép trích dẫn.');
    case 'annotation-not-in-article':
      return msg('Đoạn này không còn trong bài, nên không có chỗ để cuộn tới.');
    case 'label-renamed': {
      const { label } = notice;
      return msg(str`Đã đổi tên nhãn thành “${label}”.`, { desc: 'Notice after a colour label was renamed' });
    }
    case 'source-removed':
      return msg(str`Đã bỏ theo dõi “${notice.title}”: giữ ${notice.kept} bài, chuyển ${notice.trashed} bài vào thùng rác.`, {
        desc: 'After removing a source: its title, articles kept, articles moved to the trash',
      });
  }
}

function undoText(offer: UndoOffer): string {
  switch (offer.kind) {
    case 'note-saved':
      return msg('Đã lưu ghi chú.');
    case 'recolored':
      return msg('Đã đổi màu.');
    case 'deleted':
      return msg('Đã xoá ghi chú.');
    case 'sources-marked-read':
      return msg(str`Đã đánh dấu ${offer.count} bài là đã đọc.`, { desc: 'Undo notice after marking a source’s or folder’s articles read' });
  }
}

/**
 * The app's messages under the header: the last failure (an alert, the host's own words in its
 * tooltip), and a confirmation or an offer to undo (a polite status). Words what renderer/state/notices.ts holds.
 */
export class NrNotices extends LitElement {
  readonly #notices = new StateController<Notices>(this, noticesContext);
  readonly #annotations = new StateController<AnnotationSession>(this, annotationsContext);

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
  `,
  ];

  #undo(offer: UndoOffer | null): Promise<void> | undefined {
    if (offer && 'undo' in offer) return offer.undo();
    return this.#annotations.value?.undo();
  }

  #status(notices: Notices) {
    if (notices.undo) {
      return html`<div class="notice">
        ${undoText(notices.undo)}<button @click=${() => void this.#undo(notices.undo)}>${msg('Hoàn tác')}</button
        ><button @click=${() => notices.dismissUndo()}>${msg('Đóng')}</button>
      </div>`;
    }
    if (notices.notice) return html`<div class="notice">${noticeText(notices.notice)}<button @click=${() => notices.dismissNotice()}>${msg('Đóng')}</button></div>`;
    return nothing;
  }

  override render() {
    const notices = this.#notices.value;
    if (!notices) return nothing;
    const detail = notices.failureDetail;
    return html`${notices.failure
        ? html`<div class="error" role="alert" title=${detail ? msg(str`Chi tiết: ${detail}`, { desc: 'Tooltip: the technical detail of an error' }) : nothing}>
            ${failureText(notices.failure)}<button @click=${() => notices.dismissFailure()}>${msg('Đóng')}</button>
          </div>`
        : nothing}
      <div role="status" aria-live="polite">${this.#status(notices)}</div>`;
  }
}

customElements.define('nr-notices', NrNotices);

declare global {
  interface HTMLElementTagNameMap {
    'nr-notices': NrNotices;
  }
}
