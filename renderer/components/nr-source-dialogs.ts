import { LitElement, html } from 'lit';
import { LinkDropController } from '../controllers/link-drop-controller.ts';
import { SOURCE_DRAG_TYPE } from './nr-source-tree.ts';
import './nr-add-source.ts';
import './nr-source-settings.ts';
import './nr-folder-settings.ts';

/**
 * The sources' dialogs, in one place whatever asked for them: `nr-add-source` (the sidebar's +, the
 * header's button), `nr-source-settings` (a source's ⋯) and `nr-folder-settings` (a folder's ⚙) reach it from anywhere in the window, and a
 * link dropped on the window opens the add-source box with it.
 */
export class NrSourceDialogs extends LitElement {
  static override properties = {
    adding: { state: true },
    addUrl: { state: true },
    settingsOf: { state: true },
    folderOf: { state: true },
  };

  declare adding: boolean;
  declare addUrl: string;
  /** The source whose settings show, or null. */
  declare settingsOf: string | null;
  /** The folder whose settings show, or null. */
  declare folderOf: string | null;

  constructor() {
    super();
    this.adding = false;
    this.addUrl = '';
    this.settingsOf = null;
    this.folderOf = null;
    new LinkDropController(this, (url) => this.openAdd(url), SOURCE_DRAG_TYPE);
  }

  /** Whether one of its dialogs is showing (the app's shortcuts then stay quiet). */
  get showing(): boolean {
    return this.adding || this.settingsOf !== null || this.folderOf !== null;
  }

  openAdd(url = ''): void {
    this.settingsOf = null;
    this.folderOf = null;
    this.addUrl = url;
    this.adding = true;
  }

  openSettings(id: string): void {
    this.adding = false;
    this.folderOf = null;
    this.settingsOf = id;
  }

  openFolderSettings(folder: string): void {
    this.adding = false;
    this.settingsOf = null;
    this.folderOf = folder;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('nr-add-source', this.#onAdd);
    window.addEventListener('nr-source-settings', this.#onSettings);
    window.addEventListener('nr-folder-settings', this.#onFolderSettings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('nr-add-source', this.#onAdd);
    window.removeEventListener('nr-source-settings', this.#onSettings);
    window.removeEventListener('nr-folder-settings', this.#onFolderSettings);
  }

  #onAdd = (event: CustomEvent<{ url?: string }>): void => this.openAdd(event.detail.url);
  #onSettings = (event: CustomEvent<string>): void => this.openSettings(event.detail);
  #onFolderSettings = (event: CustomEvent<string>): void => this.openFolderSettings(event.detail);

  override render() {
    return html`<nr-add-source .open=${this.adding} .url=${this.addUrl} @nr-close=${() => (this.adding = false)}></nr-add-source>
      <nr-source-settings .open=${this.settingsOf !== null} .sourceId=${this.settingsOf ?? ''} @nr-close=${() => (this.settingsOf = null)}></nr-source-settings>
      <nr-folder-settings .open=${this.folderOf !== null} .folder=${this.folderOf ?? ''} @nr-close=${() => (this.folderOf = null)}></nr-folder-settings>`;
  }
}

customElements.define('nr-source-dialogs', NrSourceDialogs);

declare global {
  interface HTMLElementTagNameMap {
    'nr-source-dialogs': NrSourceDialogs;
  }
}
