// Pulls what changed in the archive since this library's high-water mark, page by page, in
// change_seq order. Each page is read in one snapshot and written to the library in one SQLite
// transaction together with the new mark, so a crash or a lost connection leaves the library at a
// page boundary and the next pull goes on from there. Row-level security decides what "what
// changed" is: this reporter's own rows and those shared to their desks.
import { mergeAnnotation } from './annotation-merge.ts';
import type { ArchiveLocalStore, IncomingAnnotation, IncomingArticle, IncomingNoteVersion, PullOutcome } from './archive-local-store.ts';
import type { ArchiveQueryable, ArchiveSyncDb } from './archive-sync-db.ts';
import type { AnnotationColor } from '../contract/annotation-colors.ts';
import type { TextPositionSelector, TextQuoteSelector } from '../contract/annotation.ts';

export interface PullResult {
  articles: number;
  annotations: number;
  removed: number;
  skipped: number;
  /** Local ids of the articles added. */
  addedArticles: string[];
  /** Annotations written or replaced, and removed. */
  changedAnnotations: string[];
  removedAnnotations: string[];
  /** Articles whose search document changed. */
  changedArticles: string[];
  highWater: number;
}

/**
 * Every row a reporter may see carries a change_seq; an article becomes visible by its own row or a new
 * share. Each table's part stops at the page size by its change_seq index, so the bound of a page costs
 * the page, not everything newer than the mark (row-level security checks each row a part reads).
 */
const CHANGES = ['articles', 'article_shares', 'annotations', 'annotation_note_history', 'tombstones']
  .map((table) => `(SELECT change_seq AS seq FROM ${table} WHERE change_seq > $1 ORDER BY change_seq LIMIT $2)`)
  .join(' UNION ALL ');

interface ArticleRow {
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string;
  published_at: string | null;
  body: string;
  blocks: unknown;
}

interface AnnotationRow {
  id: string;
  article_id: string;
  author: string;
  desk: string | null;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: AnnotationColor;
  note: string;
  created_at: Date;
  color_updated: Date;
  note_updated: Date;
  desk_updated: Date;
}

/**
 * Reads one page in the caller's snapshot. `bodiesSent` is called once the last query (the articles'
 * texts, the heaviest) is on its way, so the caller can write the previous page while PostgreSQL works.
 */
async function readPage(client: ArchiveQueryable, local: ArchiveLocalStore, since: number, pageSize: number, bodiesSent: () => void) {
  const { rows: bounds } = await client.query<{ upper: string | null }>(
    `SELECT max(seq)::text AS upper FROM (SELECT seq FROM (${CHANGES}) c ORDER BY seq LIMIT $2) page`,
    [since, pageSize],
  );
  const upper = bounds[0]?.upper === null || bounds[0]?.upper === undefined ? null : Number(bounds[0].upper);
  if (upper === null) {
    bodiesSent();
    return null;
  }
  const range = [since, upper];
  const { rows: annotationRows } = await client.query<AnnotationRow>(
    `SELECT id, article_id::text, author::text, desk, quote, position, color, note, created_at, color_updated, note_updated, desk_updated
       FROM annotations WHERE change_seq > $1 AND change_seq <= $2 ORDER BY change_seq`,
    range,
  );
  // Articles to fetch: new to this library (changed or newly shared in the range, or under a pulled
  // annotation), or known here whose text the archive changed since (re-imported by whoever pushed it).
  const { rows: changedRows } = await client.query<{ id: string; content_hash: string | null }>(
    `SELECT id::text, content_hash FROM articles WHERE change_seq > $1 AND change_seq <= $2
     UNION SELECT article_id::text, NULL FROM article_shares WHERE change_seq > $1 AND change_seq <= $2`,
    range,
  );
  const wanted = new Set<string>();
  for (const row of changedRows) {
    const localId = local.localIdOf(row.id);
    if (!localId || (row.content_hash !== null && local.contentHashOf(localId) !== row.content_hash)) wanted.add(row.id);
  }
  for (const row of annotationRows) if (!local.localIdOf(row.article_id)) wanted.add(row.article_id);
  const { rows: historyRows } = await client.query<{ annotation_id: string; note: string; written_at: Date; replaced_at: Date }>(
    'SELECT annotation_id, note, written_at, replaced_at FROM annotation_note_history WHERE change_seq > $1 AND change_seq <= $2 ORDER BY change_seq',
    range,
  );
  // A tombstone counts only if the annotation is no longer visible here (taken back from one desk, still shared to another of mine).
  const { rows: removedRows } = await client.query<{ id: string }>(
    `SELECT DISTINCT t.id FROM tombstones t WHERE t.change_seq > $1 AND t.change_seq <= $2
       AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.id = t.id)`,
    range,
  );
  const texts = wanted.size
    ? client.query<ArticleRow>(
        'SELECT id::text, title, author, source, url, language, published_at, body, blocks FROM articles WHERE id = ANY($1::uuid[]) ORDER BY change_seq',
        [[...wanted]],
      )
    : Promise.resolve({ rows: [] as ArticleRow[] });
  bodiesSent();
  const { rows: articleRows } = await texts;
  const articles: IncomingArticle[] = articleRows.map((row) => ({
    archiveId: row.id,
    title: row.title,
    author: row.author,
    source: row.source,
    url: row.url,
    language: row.language,
    publishedAt: row.published_at,
    body: row.body,
    blocks: row.blocks,
  }));
  const annotations: IncomingAnnotation[] = annotationRows.map((row) => ({
    id: row.id,
    articleArchiveId: row.article_id,
    author: row.author,
    desk: row.desk,
    quote: row.quote,
    position: row.position,
    color: row.color,
    note: row.note,
    created: row.created_at.toISOString(),
    colorUpdated: row.color_updated.toISOString(),
    noteUpdated: row.note_updated.toISOString(),
    deskUpdated: row.desk_updated.toISOString(),
  }));
  const history: IncomingNoteVersion[] = historyRows.map((row) => ({
    annotationId: row.annotation_id,
    note: row.note,
    writtenAt: row.written_at.toISOString(),
    replacedAt: row.replaced_at.toISOString(),
  }));
  return { articles, annotations, history, removed: removedRows.map((row) => row.id), highWater: upper };
}

/** Pulls until the archive has nothing newer than the library's mark. */
export async function pullChanges(db: ArchiveSyncDb, local: ArchiveLocalStore, options: { pageSize?: number } = {}): Promise<PullResult> {
  const pageSize = options.pageSize ?? 2000;
  const result: PullResult = {
    articles: 0,
    annotations: 0,
    removed: 0,
    skipped: 0,
    addedArticles: [],
    changedAnnotations: [],
    removedAnnotations: [],
    changedArticles: [],
    highWater: local.link()?.pullSeq ?? 0,
  };
  // Shares to a desk this reporter joined since the last pull have change_seqs below the mark: start over
  // (what is here already is skipped or merged to the same result).
  const { rows: deskRows } = await db.query<{ desks: string[] }>(`SELECT coalesce(array_agg(d ORDER BY d), '{}') AS desks FROM nr_my_desks() d`);
  const desks = deskRows[0]?.desks ?? [];
  const before = local.link();
  if (!before) throw new Error('This library is not linked to an archive');
  if (desks.some((desk) => !before.knownDesks.includes(desk)) && before.pullSeq > 0) local.updateLink({ pullSeq: 0 });
  // Page N+1 is read while page N is written: its small queries first, then its texts are asked for and
  // PostgreSQL (another process, another core) reads them while this one writes page N to SQLite. The
  // read-ahead decides which articles it needs before page N is written; an article in both pages is
  // fetched twice and written once. The high-water mark still moves only with a written page.
  const readFrom = (since: number): { sent: Promise<void>; page: Promise<Awaited<ReturnType<typeof readPage>>> } => {
    let signal = (): void => undefined;
    const sent = new Promise<void>((resolve) => (signal = resolve));
    const page = db.transaction(async (client) => {
      // One snapshot for the page: the bound and the rows agree.
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return readPage(client, local, since, pageSize, signal);
    });
    // A failed read also lets the writer go on (it then meets the error awaiting the page).
    page.catch(() => undefined).finally(signal);
    return { sent, page };
  };
  const start = local.link();
  if (!start) throw new Error('This library is not linked to an archive');
  let ahead = readFrom(start.pullSeq);
  for (;;) {
    const page = await ahead.page;
    if (!page) {
      local.updateLink({ knownDesks: desks });
      return result;
    }
    ahead = readFrom(page.highWater);
    await ahead.sent;
    let outcome: PullOutcome;
    try {
      outcome = local.applyPull(page, mergeAnnotation);
    } catch (error) {
      await ahead.page.catch(() => undefined);
      throw error;
    }
    result.articles += outcome.articles.length;
    result.annotations += outcome.annotations.length;
    result.removed += outcome.removed.length;
    result.skipped += outcome.skipped;
    result.addedArticles.push(...outcome.articles);
    result.changedAnnotations.push(...outcome.annotations);
    result.removedAnnotations.push(...outcome.removed);
    result.changedArticles.push(...outcome.changedArticles);
    result.highWater = page.highWater;
  }
}
