// The article as the library stores it and every host, the CLI and the renderer see it.
// Plain data only: everything here crosses IPC and HTTP as JSON.

export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'list-item' | 'caption' | 'figure';

/**
 * A photo of the story. Its caption is the figure block's own slice of the body (start–end, empty when
 * it has none), so a figure adds no text and never moves the offsets highlights are anchored to.
 */
export interface Figure {
  /** The stored photo, `<sha256>.<ext>` in the library's images folder; null when it was not kept. */
  image: string | null;
  /** The http(s) address the photo came from, for the record; the reader never loads it. */
  src: string | null;
  /** The image's alternative text ('' when the page gave none). */
  alt: string;
  /** Who took or owns the photo ("Ảnh: Reuters"), as written inside the caption; null when not told apart. */
  credit: string | null;
  /** Pixel size of the stored photo, so the reader reserves its place before it loads. */
  width?: number;
  height?: number;
}

/** A structural block of the body. Offsets are UTF-16 code units into the stored NFC body, end exclusive. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1–6, only for headings. */
  level?: number;
  /** Only for figures. */
  figure?: Figure;
  /** 1-based page of a paged document (PDF) the block starts on; absent for articles without pages. */
  page?: number;
}

export interface ArticleState {
  read: boolean;
  starred: boolean;
  archived: boolean;
  /** ISO time it was moved to the trash, or null when not in the trash. */
  trashedAt: string | null;
  tags: string[];
  /** The user-named collection (folder) it sits in, if any. */
  collection: string | null;
  /** Reading position as a fraction 0..1 of the body. */
  readingPosition: number;
}

export interface ArticleSummary extends ArticleState {
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  /** Canonical URL, when known. */
  url: string | null;
  /** BCP 47 primary language, e.g. "vi" or "en". */
  language: string;
  /** ISO 8601, when the text or the metadata gives it. */
  publishedAt: string | null;
  importedAt: string;
  wordCount: number;
  readingMinutes: number;
  /** The first ~200 characters of the body, for list rows. */
  excerpt: string;
}

export interface Article extends ArticleSummary {
  /** NFC plain text; paragraphs separated by "\n\n". Blocks index into it. */
  body: string;
  blocks: Block[];
  contentHash: string;
  /** Where it came from: a file path or a URL. */
  origin: string;
}

export type ListSort = 'published' | 'imported' | 'title' | 'source';

export type ListView = 'all' | 'unread' | 'starred' | 'archived' | 'trash';

export interface ListQuery {
  view?: ListView;
  tag?: string;
  collection?: string;
  source?: string;
  /** The articles a subscribed source (its id) brought. */
  sourceId?: string;
  /** ISO dates (inclusive) on publishedAt, falling back to importedAt. */
  from?: string;
  to?: string;
  sort?: ListSort;
  /** Default: descending for dates, ascending for title and source. */
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface ListPage {
  total: number;
  items: ArticleSummary[];
}

export interface NamedCount {
  name: string;
  count: number;
}

export interface SidebarCounts {
  all: number;
  unread: number;
  starred: number;
  archived: number;
  trash: number;
  collections: NamedCount[];
  tags: NamedCount[];
  sources: NamedCount[];
}

export interface ArticlePatch {
  read?: boolean;
  starred?: boolean;
  archived?: boolean;
  title?: string;
  tags?: string[];
  collection?: string | null;
  readingPosition?: number;
}
