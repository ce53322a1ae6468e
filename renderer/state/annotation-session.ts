import type { Annotation, AnnotationColor, BriefFile, BriefLanguage, CitationStyle, ColorLabels } from '../../contract/index.ts';
import type { AnnotateRequest, AnnotationUpdate, AnnotationViewQuery, BriefRequest, ColorRename, ExportFormat } from '../events.ts';
import type { CommandClient } from './client-port.ts';
import { LatestAnswer } from './latest-answer.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';
import type { ReadingSession } from './reading-session.ts';

/** What a row in the annotations view needs to say which article a highlight belongs to. */
export interface ArticleLabel {
  title: string;
  source: string | null;
  tags: string[];
}

/** A file to hand to the user (annotations.export, library.export). */
export interface ExportFile {
  filename: string;
  mediaType: string;
  content: string;
}

/**
 * Highlights and notes: creating, editing and deleting them with an offer to undo, the colour labels,
 * the annotation panel beside the reader, and the annotations view (every highlight in the library).
 * The open article's own annotations live with it in ReadingSession, loaded together by library.open.
 */
export class AnnotationSession extends Observable {
  labels: ColorLabels | null = null;
  /** Whose note editor is open. */
  editingId: string | null = null;
  /** The one last clicked in the reader or opened from elsewhere. */
  activeId: string | null = null;
  /** The user's choice to show or hide the panel; null: show it when the article has annotations. */
  panelChoice: boolean | null = null;
  /** Whether the list pane shows the annotations view instead of the library. */
  viewOpen = false;
  /** The annotations view: every highlight, of one colour when `filter` is set. */
  all: Annotation[] = [];
  filter: AnnotationColor | null = null;
  /** The view's other filters (article, article tag, source, dates, text), applied by the host. */
  viewQuery: AnnotationViewQuery = {};
  loadingAll = false;
  /** Titles and tags named on the annotations view's rows, fetched once per article. */
  articles: ReadonlyMap<string, ArticleLabel> = new Map();
  readonly #client: CommandClient;
  readonly #notices: Notices;
  readonly #reading: ReadingSession;
  readonly #allAnswers = new LatestAnswer();
  /** A highlight made only to carry a note (n, "Ghi chú"), whose colour nobody chose yet. */
  #forNote: string | null = null;

  constructor(client: CommandClient, notices: Notices, reading: ReadingSession) {
    super();
    this.#client = client;
    this.#notices = notices;
    this.#reading = reading;
  }

  /** Whether the panel shows beside the reader. */
  get panelOpen(): boolean {
    return this.#reading.article !== null && (this.panelChoice ?? this.#reading.annotations.length > 0);
  }

  /** Reads the colour labels; a failure is the caller's to show. */
  async loadLabels(): Promise<void> {
    this.labels = await this.#client.call('annotations.labels', {});
    this.changed();
  }

  /** Another article is open: no note editor open, nothing active. */
  forgetFocus(): void {
    this.editingId = null;
    this.activeId = null;
    this.#forNote = null;
    this.changed();
  }

  #showPanel(): void {
    if (this.panelChoice === false) this.panelChoice = true;
  }

  togglePanel(): void {
    this.panelChoice = !this.panelOpen;
    this.changed();
  }

  /** A highlight was clicked in the reader, or one is being revealed. */
  activate(id: string, showPanel = false): void {
    if (showPanel) this.#showPanel();
    this.activeId = id;
    this.changed();
  }

  edit(id: string | null): void {
    // Another editor opens, or this one is saved: the highlight is the user's now.
    if (this.#forNote !== null && id !== this.#forNote) this.#forNote = null;
    this.editingId = id;
    this.changed();
  }

  async create(request: AnnotateRequest): Promise<void> {
    const article = this.#reading.article;
    if (!article) return;
    const created = await this.#notices.attempt(() =>
      this.#client.call('annotations.create', { articleId: article.id, start: request.start, end: request.end, color: request.color }),
    );
    if (!created) return;
    this.#reading.addAnnotation(created);
    await this.#reading.reloadAnnotations();
    this.activeId = created.id;
    if (request.withNote) {
      this.#showPanel();
      this.editingId = created.id;
      this.#forNote = created.id;
    }
    this.changed();
  }

  #find(id: string): Annotation | undefined {
    return this.#reading.annotations.find((a) => a.id === id) ?? this.all.find((a) => a.id === id);
  }

  async #reloadShown(): Promise<void> {
    await Promise.all([this.#reading.reloadAnnotations(), this.viewOpen ? this.loadAll() : undefined]);
  }

  /**
   * Esc or "Huỷ" in the note editor. A highlight that was made only for this note, still without a
   * note and whose colour was never chosen, goes with it: no stray highlight is left behind.
   */
  async cancelEdit(id: string): Promise<void> {
    const forNote = this.#forNote === id;
    this.#forNote = null;
    if (this.editingId === id) this.edit(null);
    if (!forNote || this.#find(id)?.note) return;
    const deleted = await this.#notices.attempt(() => this.#client.call('annotations.delete', { id }));
    if (!deleted) return;
    if (this.activeId === id) this.activeId = null;
    this.changed();
    await this.#reloadShown();
  }

  async update({ id, patch }: AnnotationUpdate): Promise<void> {
    const before = this.#find(id);
    // A colour chosen while the new note is written: the highlight stays, note or not.
    if (patch.color !== undefined && this.#forNote === id) this.#forNote = null;
    if (patch.note === undefined && before && patch.color === before.color && Object.keys(patch).length === 1) return;
    const updated = await this.#notices.attempt(() => this.#client.call('annotations.update', { id, patch }));
    if (!updated) return;
    if (patch.note !== undefined && this.editingId === id) this.edit(null);
    await this.#reloadShown();
    if (before) this.#notices.offerUndo({ kind: patch.note !== undefined ? 'note-saved' : 'recolored', annotation: before });
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.#notices.attempt(() => this.#client.call('annotations.delete', { id }));
    if (!deleted) return;
    // Deleting the last one must not whisk the panel away from under the pointer.
    if (this.panelChoice === null) this.panelChoice = true;
    if (this.editingId === id) this.editingId = null;
    this.changed();
    await this.#reloadShown();
    this.#notices.offerUndo({ kind: 'deleted', annotation: deleted });
  }

  /** Takes back the change the notices offer to undo. */
  async undo(): Promise<void> {
    const offer = this.#notices.undo;
    if (!offer || !('annotation' in offer)) return;
    const restored = await this.#notices.attempt(() => this.#client.call('annotations.restore', { annotation: offer.annotation }));
    if (!restored) return;
    await this.#reloadShown();
    this.#notices.say({ kind: 'undone' });
  }

  /** The open article's annotations (articleId) or every one, as a file; undefined on failure. */
  async export(format: ExportFormat, articleId?: string): Promise<ExportFile | undefined> {
    return this.#notices.attempt(() => this.#client.call('annotations.export', articleId ? { articleId, format } : { format }));
  }

  async renameColor({ color, label }: ColorRename): Promise<void> {
    const labels = await this.#notices.attempt(() => this.#client.call('annotations.renameColor', { color, label }));
    if (!labels) return;
    this.labels = labels;
    this.changed();
    this.#notices.say({ kind: 'label-renamed', label });
  }

  async openView(): Promise<void> {
    this.viewOpen = true;
    this.changed();
    await this.loadAll();
  }

  closeView(): void {
    this.viewOpen = false;
    this.changed();
  }

  async setFilter(color: AnnotationColor | null): Promise<void> {
    this.filter = color;
    this.changed();
    await this.loadAll();
  }

  async setViewQuery(query: AnnotationViewQuery): Promise<void> {
    // An empty value means "no filter": the key is left out rather than sent empty.
    this.viewQuery = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== '')) as AnnotationViewQuery;
    this.changed();
    await this.loadAll();
  }

  /**
   * The view as it is filtered, as one brief in the reader's language and time zone; undefined on
   * failure (the notice says why).
   */
  async exportBrief(request: BriefRequest, language: BriefLanguage, timeZone: string): Promise<BriefFile | undefined> {
    const filter = { ...(this.filter ? { color: this.filter } : {}), ...this.viewQuery };
    return this.#notices.attempt(() => this.#client.call('briefs.export', { filter, ...request, language, timeZone }));
  }

  /** An article's citation in a style (the one chosen for briefs); null when the host cannot give it. */
  async cite(articleId: string, style: CitationStyle, language: BriefLanguage, timeZone: string, page: number | null = null): Promise<string | null> {
    try {
      return (await this.#client.call('briefs.cite', { articleId, style, language, timeZone, ...(page === null ? {} : { page: String(page) }) })).text;
    } catch {
      return null;
    }
  }

  /** The library changed: titles and tags of the articles that changed are read again when next shown. */
  forgetArticles(changed: readonly string[]): void {
    if (!changed.some((id) => this.articles.has(id))) return;
    this.articles = new Map([...this.articles].filter(([id]) => !changed.includes(id)));
    this.changed();
  }

  /** Loads the annotations view, and the titles of articles it names for the first time. */
  async loadAll(): Promise<void> {
    const current = this.#allAnswers.begin();
    const color = this.filter ?? undefined;
    this.loadingAll = true;
    this.changed();
    const query = { ...(color ? { color } : {}), ...this.viewQuery };
    const annotations = await this.#notices.attempt(() => this.#client.call('annotations.list', query));
    if (!current()) return;
    this.loadingAll = false;
    if (annotations) this.all = annotations;
    this.changed();
    if (!annotations) return;
    const missing = [...new Set(annotations.map((a) => a.articleId))].filter((id) => !this.articles.has(id));
    if (missing.length === 0) return;
    const found = await Promise.all(
      missing.map((id) =>
        this.#client.call('library.get', { id }).then(
          (article): [string, ArticleLabel] => [id, { title: article.title, source: article.source, tags: article.tags }],
          // An article that cannot be read only loses its title on the row; the highlight still shows.
          () => null,
        ),
      ),
    );
    const articles = new Map(this.articles);
    for (const entry of found) if (entry) articles.set(entry[0], entry[1]);
    this.articles = articles;
    this.changed();
  }
}
