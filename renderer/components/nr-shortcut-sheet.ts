import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { ModalDialogController } from '../controllers/modal-dialog-controller.ts';
import { trapTab } from '../modal-dialog.ts';
import { controls, modalDialog } from '../styles/tokens.ts';

interface Shortcut {
  /** Alternatives, each a sequence of keys pressed together. */
  keys: string[][];
  label: string;
}

interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** Every keyboard shortcut the app has, in the UI's language; the sheet lists exactly these. */
function shortcutGroups(): ShortcutGroup[] {
  return [
    {
      title: msg('Danh sách và trình đọc', { desc: 'Shortcut sheet group' }),
      shortcuts: [
        { keys: [['j'], ['k']], label: msg('Bài sau / bài trước trong danh sách, mở luôn trong trình đọc') },
        { keys: [['o'], ['Enter']], label: msg('Mở bài đang chọn trong trình đọc') },
        { keys: [['s']], label: msg('Gắn sao / bỏ sao') },
        { keys: [['m']], label: msg('Đánh dấu đã đọc / chưa đọc') },
        { keys: [['e']], label: msg('Lưu trữ / bỏ lưu trữ') },
        { keys: [['x'], ['Ctrl', 'Click'], ['Shift', 'Click']], label: msg('Chọn / bỏ chọn bài để thao tác hàng loạt (Shift: chọn cả đoạn)') },
        { keys: [['f']], label: msg('Chế độ tập trung: chỉ còn bài đang đọc') },
        { keys: [['Esc']], label: msg('Quay lại danh sách (cửa sổ hẹp), thoát chế độ tập trung, đóng hộp thoại') },
      ],
    },
    {
      title: msg('Tìm kiếm', { desc: 'Shortcut sheet group' }),
      shortcuts: [
        { keys: [['/'], ['Ctrl', 'F']], label: msg('Đến ô tìm kiếm') },
        { keys: [['Esc']], label: msg('Trong ô tìm kiếm: xoá tìm kiếm') },
        { keys: [['F3'], ['Shift', 'F3']], label: msg('Kết quả sau / trước trong bài') },
        { keys: [['Enter'], ['Shift', 'Enter']], label: msg('Trên thanh công cụ đọc: kết quả sau / trước') },
      ],
    },
    {
      title: msg('Ghi chú', { id: 'sidebar.annotations', desc: 'Sidebar heading: highlights and notes' }),
      shortcuts: [
        { keys: [['h']], label: msg('Đánh dấu đoạn đang chọn') },
        { keys: [['n']], label: msg('Đánh dấu đoạn đang chọn và viết ghi chú') },
        { keys: [['c']], label: msg('Chọn chữ bằng bàn phím (chế độ con trỏ), bắt đầu ở đoạn đầu tiên đang thấy') },
        { keys: [['←'], ['→']], label: msg('Chế độ con trỏ: từ trước / từ sau (hoặc b / w)') },
        { keys: [['↑'], ['↓']], label: msg('Chế độ con trỏ: câu trước / câu sau (hoặc ( / ))') },
        { keys: [['Ctrl', '↑'], ['Ctrl', '↓']], label: msg('Chế độ con trỏ: đoạn trước / đoạn sau (hoặc { / })') },
        { keys: [['Shift'], ['v']], label: msg('Chế độ con trỏ: giữ Shift (hoặc bật v) để mở rộng vùng chọn; Esc để thoát') },
        { keys: [['Esc']], label: msg('Trong ô ghi chú mới còn trống: bỏ ghi chú và cả phần đánh dấu') },
      ],
    },
    {
      title: msg('Bố cục', { desc: 'Shortcut sheet group: window layout' }),
      shortcuts: [
        { keys: [['←'], ['→']], label: msg('Trên thanh chia khung: thu hẹp / nới rộng khung (Shift: bước lớn)') },
        { keys: [['?']], label: msg('Mở bảng phím tắt này') },
      ],
    },
  ];
}

/**
 * The shortcut sheet: a modal dialog listing every keyboard shortcut. Open it by setting `open`;
 * Escape or the Close button closes it, focus stays inside while it is open and goes back to where
 * it was afterwards. Emits `nr-close`.
 */
export class NrShortcutSheet extends LitElement {
  static override properties = { open: { type: Boolean, reflect: true } };
  declare open: boolean;

  readonly #dialog = new ModalDialogController(this, {
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('button.close'),
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
  }

  static override styles = [
    controls,
    modalDialog,
    css`
      :host {
        --nr-dialog-width: 36rem;
      }
      .body {
        padding: 0.4rem 1.2rem 1.2rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 1rem 0 0.4rem;
      }
      dl {
        display: grid;
        grid-template-columns: 10.5rem 1fr;
        gap: 0.35rem 1rem;
        margin: 0;
      }
      dt {
        white-space: nowrap;
      }
      dd {
        margin: 0;
        line-height: 1.5;
      }
      kbd {
        display: inline-block;
        min-width: 1.2em;
        padding: 0.05rem 0.4rem;
        border: 1px solid var(--nr-border-strong);
        border-bottom-width: 2px;
        border-radius: 4px;
        background: var(--nr-surface-2);
        font-family: inherit;
        font-size: 0.85rem;
        text-align: center;
      }
      .or {
        color: var(--nr-text-muted);
        font-size: 0.85rem;
        margin: 0 0.25rem;
      }
    `,
  ];

  /** Whether the dialog is showing now (the `nr-close` event comes a moment after it closes). */
  get showing(): boolean {
    return this.#dialog.showing;
  }

  #keys(shortcut: Shortcut) {
    const or = msg('hoặc', { desc: 'Between two alternative keys in the shortcut sheet' });
    return shortcut.keys.map(
      (combo, index) => html`${index ? html`<span class="or">${or}</span>` : ''}${combo.map((key, i) => html`${i ? ' + ' : ''}<kbd>${key}</kbd>`)}`,
    );
  }

  override render() {
    return html`<dialog aria-labelledby="shortcuts-heading" @close=${this.#dialog.onClose} @keydown=${(e: KeyboardEvent) => trapTab(e, e.currentTarget as HTMLElement)}>
      <header>
        <h2 id="shortcuts-heading">${msg('Phím tắt')}</h2>
        <button class="close" @click=${() => this.#dialog.close()}>${msg('Đóng')}</button>
      </header>
      <div class="body">
        ${shortcutGroups().map(
          (group) => html`<h3>${group.title}</h3>
            <dl>
              ${group.shortcuts.map((shortcut) => html`<dt>${this.#keys(shortcut)}</dt><dd>${shortcut.label}</dd>`)}
            </dl>`,
        )}
        <p>${msg('Phím tắt một chữ không có tác dụng khi đang gõ trong ô nhập liệu.')}</p>
      </div>
    </dialog>`;
  }
}

customElements.define('nr-shortcut-sheet', NrShortcutSheet);

declare global {
  interface HTMLElementTagNameMap {
    'nr-shortcut-sheet': NrShortcutSheet;
  }
}
