// Vietnamese article text for annotation tests, written for them (not copied from any paper).
import { DatabaseSync } from 'node:sqlite';
import { ANNOTATIONS_SCHEMA_SQL, AnnotationStore } from '../../../annotations/annotation-store.ts';

export const PARAGRAPHS = [
  'Đàm phán ngừng bắn tiếp tục kéo dài sang ngày thứ ba tại Hà Nội, khi các bên vẫn chưa thống nhất được lộ trình rút quân.',
  'Theo nguồn tin của phóng viên, phái đoàn hai bên đã gặp nhau hơn 12 giờ liên tục. Một quan chức giấu tên cho biết "mọi thứ vẫn còn trên bàn".',
  'Bộ Ngoại giao khẳng định hoà bình là ưu tiên hàng đầu, đồng thời kêu gọi cộng đồng quốc tế hỗ trợ khoẻ mạnh cho tiến trình thuỷ chung này.',
  'Người dân Hà Nội theo dõi sát sao diễn biến. Nhiều người bày tỏ hy vọng vào một thỏa thuận bền vững trước Tết.',
];

export const BODY = PARAGRAPHS.join('\n\n');

/** The same text in the "new" tone style (hòa, khỏe, thủy) that some sources switched to. */
export const BODY_NEW_TONE_STYLE = BODY.replace('hoà bình', 'hòa bình').replace('khoẻ mạnh', 'khỏe mạnh').replace('thuỷ chung', 'thủy chung');

export function rangeOf(body: string, text: string, fromIndex = 0): { start: number; end: number } {
  const start = body.indexOf(text, fromIndex);
  if (start === -1) throw new Error(`fixture text not found: ${text}`);
  return { start, end: start + text.length };
}

/** The two library tables the annotation store reads, reduced to the columns it uses. */
export const MINIMAL_ARTICLES_SQL = `CREATE TABLE articles (id TEXT PRIMARY KEY);
  CREATE TABLE article_content (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, body TEXT NOT NULL);`;

export function insertArticle(db: DatabaseSync, id: string, body: string): void {
  db.prepare('INSERT INTO articles (id) VALUES (?)').run(id);
  db.prepare('INSERT INTO article_content (article_id, body) VALUES (?, ?)').run(id, body);
}

/** An in-memory library with the minimal articles table the annotation schema needs. */
export function openTestLibrary(articles: Record<string, string> = { a1: BODY }): { db: DatabaseSync; store: AnnotationStore } {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(MINIMAL_ARTICLES_SQL);
  db.exec(ANNOTATIONS_SCHEMA_SQL);
  for (const [id, body] of Object.entries(articles)) insertArticle(db, id, body);
  let tick = 0;
  let serial = 0;
  const store = new AnnotationStore(db, {
    now: () => new Date(Date.UTC(2025, 0, 1, 8, 0, tick++)),
    newId: () => `ann-${++serial}`,
  });
  return { db, store };
}
