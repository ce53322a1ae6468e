import type { Annotation, Article, ArticlePatch, SearchHit } from '../../contract/index.ts';
import type { CommandClient } from './client-port.ts';
import { LatestAnswer } from './latest-answer.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

export type MatchRange = SearchHit['matches'][number];

/** The article in the reader, with its annotations (reading order, orphans last) and the search matches to mark. */
export class ReadingSession extends Observable {
  article: Article | null = null;
  annotations: Annotation[] = [];
  marks: MatchRange[] = [];
  readonly #client: CommandClient;
  readonly #notices: Notices;
  /** Loads of the article or its annotations: only the newest may apply, whichever article it was for. */
  readonly #answers = new LatestAnswer();

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
  }

  /** Opens an article; resolves to whether it is another article than the one open before, or null on failure. */
  async open(id: string, matches: MatchRange[] = []): Promise<{ switched: boolean } | null> {
    const opened = await this.#notices.attempt(() => this.#client.call('library.open', { id }));
    if (!opened) return null;
    const switched = this.article?.id !== id;
    this.article = opened.article;
    this.annotations = opened.annotations;
    // Loads that started before this one are older news, whichever article they were for.
    this.#answers.supersede();
    this.marks = matches;
    this.changed();
    return { switched };
  }

  /** Reads the open article again (the library changed); a failure leaves the reader empty. */
  async reload(): Promise<void> {
    if (!this.article) return;
    const id = this.article.id;
    const current = this.#answers.begin();
    const opened = await this.#notices.attempt(() => this.#client.call('library.open', { id }));
    // Another article may have been opened meanwhile; this answer is about the old one.
    if (this.article?.id !== id || !current()) return;
    this.article = opened?.article ?? null;
    this.annotations = opened?.annotations ?? [];
    this.changed();
  }

  async reloadAnnotations(): Promise<void> {
    const articleId = this.article?.id;
    if (!articleId) return;
    const current = this.#answers.begin();
    const annotations = await this.#notices.attempt(() => this.#client.call('annotations.list', { articleId }));
    if (annotations && current() && this.article?.id === articleId) {
      this.annotations = annotations;
      this.changed();
    }
  }

  /** Shows a new annotation at once, before the reload that puts it in reading order. */
  addAnnotation(annotation: Annotation): void {
    if (this.article?.id !== annotation.articleId) return;
    this.annotations = [...this.annotations.filter((a) => a.id !== annotation.id), annotation];
    this.changed();
  }

  clearMarks(): void {
    this.marks = [];
    this.changed();
  }

  async patch(patch: ArticlePatch): Promise<void> {
    const article = this.article;
    if (!article) return;
    await this.#notices.attempt(() => this.#client.call('library.update', { id: article.id, patch }));
  }

  /** Star, read, archive: flips one flag of the open article; false when none is open. */
  toggle(flag: 'starred' | 'read' | 'archived'): boolean {
    const article = this.article;
    if (!article) return false;
    void this.patch({ [flag]: !article[flag] });
    return true;
  }

  /** The reader says the article has been read (scrolled to its end, or long enough in view). */
  async markRead(id: string): Promise<void> {
    if (this.article?.id === id && !this.article.read) await this.#notices.attempt(() => this.#client.call('library.update', { id, patch: { read: true } }));
  }

  async savePosition(id: string, position: number): Promise<void> {
    await this.#notices.attempt(() => this.#client.call('library.update', { id, patch: { readingPosition: position } }));
  }

  async restore(): Promise<void> {
    const article = this.article;
    if (article) await this.#notices.attempt(() => this.#client.call('library.restore', { ids: [article.id] }));
  }
}
