import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a drop carries, as far as links go (DataTransfer has this shape; tests pass a plain object). */
export interface DroppedData {
  types: readonly string[];
  getData(type: string): string;
  files?: { length: number };
}

/** The http(s) link a drop carries, if it carries one and no files (files are ImportController's). */
export function droppedLink(data: DroppedData | null | undefined, ignoredType?: string): string | null {
  if (!data || (data.files && data.files.length > 0)) return null;
  if (ignoredType && data.types.includes(ignoredType)) return null;
  const uriList = data.types.includes('text/uri-list') ? data.getData('text/uri-list') : '';
  // text/uri-list: one address a line, # starts a comment.
  const candidates = [...uriList.split(/\r?\n/).filter((line) => line.trim() && !line.startsWith('#')), data.types.includes('text/plain') ? data.getData('text/plain') : ''];
  for (const candidate of candidates) {
    const text = candidate.trim();
    if (/^https?:\/\/\S+$/i.test(text)) return text;
  }
  return null;
}

/**
 * A link dropped anywhere on the window (from a browser's address bar or a page) goes to `onLink`:
 * the add-source box opens with it. Files dropped are left to ImportController, and drags inside the
 * app (a source moved between folders, `ignoredType`) to their targets.
 */
export class LinkDropController implements ReactiveController {
  readonly #onLink: (url: string) => void;
  readonly #ignoredType: string | undefined;

  constructor(host: ReactiveControllerHost, onLink: (url: string) => void, ignoredType?: string) {
    this.#onLink = onLink;
    this.#ignoredType = ignoredType;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('dragover', this.#onDragOver);
    window.addEventListener('drop', this.#onDrop);
  }

  hostDisconnected(): void {
    window.removeEventListener('dragover', this.#onDragOver);
    window.removeEventListener('drop', this.#onDrop);
  }

  #onDragOver = (event: DragEvent): void => event.preventDefault();

  #onDrop = (event: DragEvent): void => {
    const url = droppedLink(event.dataTransfer, this.#ignoredType);
    if (!url) return;
    event.preventDefault();
    this.#onLink(url);
  };
}
