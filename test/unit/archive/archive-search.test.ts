// Archive search beyond the variant set: who sees what (row-level security), typos through the
// vocabulary, exclusions, title filters, paging and totals, saving an article, and the query side's
// exact forms computed in Node agreeing with the archive's SQL functions.
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createDesk } from '../../../archive/archive-admin.ts';
import { openArchiveDb, type ArchiveDb } from '../../../archive/archive-connection.ts';
import { migrateArchive } from '../../../archive/archive-migrations.ts';
import { exactKey } from '../../../archive/archive-search-schema.ts';
import { fetchArchiveArticle, MAX_RANKED, searchArchive } from '../../../archive/archive-search.ts';
import { exactSyllable, foldedTerm } from '../../../search/tokenizer.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

describe.skipIf(postgresUnavailableReason())('archive search', () => {
  let cluster: PostgresCluster;
  let lan: ArchiveDb;
  let minh: ArchiveDb;
  let hung: ArchiveDb;
  const ids = new Map<string, string>();

  /** An article pushed by `db`'s reporter, shared with `desk` or private. */
  async function push(db: ArchiveDb, key: string, title: string, body: string, desk: string | null): Promise<void> {
    await db.transaction(async (client) => {
      // No RETURNING: the new row is not readable (not yet owned) until article_owners says so.
      const id = randomUUID();
      await client.query(
        `INSERT INTO articles (id, content_hash, url, title, language, body, blocks) VALUES ($1, $2, $3, $4, 'vi', $5, '[{"type":"paragraph","start":0,"end":1}]')`,
        [id, hash(key), `https://example.vn/${key}`, title, body],
      );
      await client.query(`INSERT INTO article_owners (article_id, owner) VALUES ($1, current_user)`, [id]);
      if (desk) await client.query(`INSERT INTO article_shares (article_id, desk) VALUES ($1, $2)`, [id, desk]);
      ids.set(id, key);
    });
  }

  const found = async (db: ArchiveDb, query: string): Promise<string[]> => (await searchArchive(db, query, { limit: 100 })).hits.map((h) => ids.get(h.archiveId)!).sort();

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.psql('CREATE DATABASE archive');
    const admin = new pg.Client({ connectionString: cluster.url(undefined, undefined, 'archive') });
    await admin.connect();
    try {
      await migrateArchive(admin);
      await createDesk(admin, 'Thời sự');
      await createDesk(admin, 'Thể thao');
      await addMember(admin, 'Thời sự', 'lan', 'lan-secret');
      await addMember(admin, 'Thời sự', 'minh', 'minh-secret');
      await addMember(admin, 'Thể thao', 'hung', 'hung-secret');
    } finally {
      await admin.end();
    }
    const open = (role: string): Promise<ArchiveDb> => openArchiveDb({ address: cluster.url(role, undefined, 'archive'), password: `${role}-secret` });
    [lan, minh, hung] = await Promise.all([open('lan'), open('minh'), open('hung')]);
    await push(lan, 'shared', 'Đàm phán thương mại Việt – Mỹ', 'Vòng đàm phán thương mại thứ ba diễn ra ở Hà Nội.', 'Thời sự');
    await push(lan, 'private', 'Ghi chép riêng về đàm phán', 'Bản nháp: đàm phán còn nhiều điểm vướng.', null);
    await push(hung, 'sport', 'Đội tuyển đàm phán hợp đồng tài trợ', 'Liên đoàn đàm phán với nhà tài trợ mới.', 'Thể thao');
    await push(minh, 'weather', 'Bão số 3 đổ bộ', 'Mưa lớn ở các tỉnh miền Trung, thương lái tạm nghỉ.', 'Thời sự');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([lan, minh, hung].map((db) => db?.close()));
    cluster?.destroy();
  });

  it('shows a reporter what they pushed and what their desks share, nothing of other desks', async () => {
    expect(await found(lan, 'dam phan')).toEqual(['private', 'shared']);
    expect(await found(minh, 'dam phan')).toEqual(['shared']);
    expect(await found(hung, 'dam phan')).toEqual(['sport']);
  });

  it('says who pushed a hit and which of my desks it is shared with', async () => {
    const [hit] = (await searchArchive(minh, 'thương mại')).hits;
    expect(hit).toMatchObject({ title: 'Đàm phán thương mại Việt – Mỹ', addedBy: ['lan'], desks: ['Thời sự'], localId: null, url: 'https://example.vn/shared' });
  });

  it('looks a word the archive does not know up among the closest known words (a typo), and marks it', async () => {
    const result = await searchArchive(minh, 'thuongg mai');
    expect(result.hits.map((h) => ids.get(h.archiveId))).toEqual(['shared']);
    const body = (await searchArchive(minh, 'thuongg')).hits.find((h) => ids.get(h.archiveId) === 'shared')!;
    expect(body.snippet.matches.some((m) => m.typo)).toBe(true);
  });

  it('keeps words out with a minus, and reads title: as a title filter', async () => {
    expect(await found(lan, 'đàm phán -nháp')).toEqual(['shared']);
    expect(await found(lan, 'title:"ghi chép" đàm phán')).toEqual(['private']);
  });

  it('answers a query with nothing searchable in words, not an error', async () => {
    const result = await searchArchive(lan, '  "" ');
    expect(result).toMatchObject({ total: 0, hits: [] });
    expect(result.message).toMatch(/Nothing to search for/);
    expect(await found(lan, 'hoàntoànkhôngcó')).toEqual([]);
    expect((await searchArchive(lan, 'source:VnExpress')).message).toMatch(/title: filters/);
  });

  it('gives an article this reporter may see for saving, and nothing of one they may not', async () => {
    const shared = [...ids].find(([, key]) => key === 'shared')![0];
    const sport = [...ids].find(([, key]) => key === 'sport')![0];
    const article = await fetchArchiveArticle(minh, shared);
    expect(article).toMatchObject({ archiveId: shared, title: 'Đàm phán thương mại Việt – Mỹ', language: 'vi', addedBy: 'lan', contentHash: hash('shared') });
    expect(article!.blocks).toEqual([{ type: 'paragraph', start: 0, end: 1 }]);
    expect(await fetchArchiveArticle(minh, sport)).toBeNull();
  });

  it('does not let a reporter read the vocabulary (words of other desks) directly', async () => {
    await expect(hung.query('SELECT word FROM archive_words')).rejects.toThrow(/permission denied/);
  });

  it('pages through more matches than it ranks, and says so', async () => {
    await lan.transaction(async (client) => {
      await client.query(
        `WITH n AS MATERIALIZED (SELECT gen_random_uuid() AS id, g FROM generate_series(1, ${MAX_RANKED + 5}) g),
         a AS (
           INSERT INTO articles (id, content_hash, title, language, body, blocks)
           SELECT id, md5('bulk' || g), 'Bản tin số ' || g, 'vi', 'Bản tin ngắn về giá lúa gạo, số ' || g, '[]' FROM n)
         INSERT INTO article_owners (article_id, owner) SELECT id, current_user FROM n`,
      );
    });
    const first = await searchArchive(lan, 'lúa gạo', { limit: 10 });
    expect(first.total).toBe(MAX_RANKED);
    expect(first.hits).toHaveLength(10);
    expect(first.message).toMatch(/best of the first/);
    const second = await searchArchive(lan, 'lúa gạo', { limit: 10, offset: 10 });
    expect(second.hits.map((h) => h.archiveId).filter((id) => first.hits.some((h) => h.archiveId === id))).toEqual([]);
    expect(await found(minh, 'lúa gạo')).toEqual([]);
  });

  it('computes the same exact and folded forms in Node as the archive does in SQL', async () => {
    const syllables = ['hoà', 'hòa', 'thuý', 'thúy', 'khoẻ', 'khỏe', 'người', 'Đường', 'ĐÀM', 'kỉ', 'kỷ', 'qui', 'quý', 'giá', 'nghiêng', 'ậy', 'Ðà', 'tuyết', 'khuỷu', 'oà', 'Mỹ', 'mĩ', 'lý', 'lí'];
    const { rows } = await lan.query<{ word: string; exact: string; folded: string }>(
      `SELECT w AS word, t.exact, t.folded FROM unnest($1::text[]) w, LATERAL nr_query_terms(w) t`,
      [[...syllables, ...syllables.map((s) => s.normalize('NFD'))]],
    );
    for (const row of rows) {
      expect({ word: row.word, exact: row.exact, folded: row.folded }).toEqual({ word: row.word, exact: exactKey(exactSyllable(row.word.normalize('NFC'))), folded: foldedTerm(row.word.normalize('NFC')) });
    }
    expect(rows).toHaveLength(syllables.length * 2);
  });
});
