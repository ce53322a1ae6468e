// Phrase search through the index (archive-search-pairs.ts): adjacent folded syllables are indexed as
// pair lexemes that do not cross sentence punctuation, a phrase query ANDs its pairs beside the `<->`
// check, the local engine and the archive agree on which articles hold a phrase, and an archive set up
// before the step gets every existing article's pairs when it is migrated.
import { describe, expect, it } from 'vitest';
import { addMember, createDesk } from '../../../archive/archive-admin.ts';
import { openArchiveDb } from '../../../archive/archive-connection.ts';
import { ARCHIVE_SCHEMA_VERSION, ARCHIVE_STEPS, archiveSchemaVersion, migrateArchive } from '../../../archive/archive-migrations.ts';
import { ARCHIVE_SEARCH_PAIRS_SQL } from '../../../archive/archive-search-pairs.ts';
import { archiveTsquery, searchArchive } from '../../../archive/archive-search.ts';
import type { SearchDocument } from '../../../search/search-document.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { doc } from '../search/search-fixtures.ts';
import { useLocalAndArchive } from './local-and-archive.ts';

const DOCS: SearchDocument[] = [
  doc('adjacent', 'Hai bên nối lại đàm phán', 'Cuộc đàm phán thương mại kéo dài ba ngày.'),
  doc('adjacent-nfd', 'Vòng ĐÀM PHÁN mới'.normalize('NFD'), 'Ðàm phán về khí hậu tiếp tục.'.normalize('NFD')),
  doc('apart', 'Đàm thoại với khách', 'Ông ấy phán rằng giá sẽ tăng.'),
  doc('reversed', 'Phán đàm nhảm', 'Không ai phán đàm như thế.'),
  doc('comma', 'Tin ngắn', 'Họ bàn chuyện đàm, phán quyết có sau.'),
  doc('period', 'Tin ngắn khác', 'Cuộc họp bàn về việc đàm. Phán quyết được công bố.'),
  doc('dash', 'Tin thứ ba', 'Bàn tròn về đàm - phán xét bị hoãn.'),
  doc('abbreviation', 'TP. Hồ Chí Minh mở rộng đường', 'GS. Ngô Bảo Châu về nước.'),
  doc('hoa-binh-old', 'Hòa bình cho khu vực', 'Các bên kêu gọi hòa bình.'),
  doc('hoa-binh-new', 'Hoà bình lâu dài', 'Người dân mong hoà bình.'),
  doc('ky-luc', 'Lập kỉ lục xuất khẩu', 'Kim ngạch đạt mức kỷ lục mới.'),
  doc('moscow', 'Tin từ Mát-xcơ-va', 'Phái đoàn đến Mát-xcơ-va hôm qua.'),
];

const PHRASES = [
  '"đàm phán"',
  '"dam phan"',
  '"ĐÀM PHÁN"',
  '"Ðàm phán"',
  '"đàm phán"'.normalize('NFD'),
  '"đàm phán thương mại"',
  '"dam phan thuong mai"',
  '"phán quyết"',
  '"hòa bình"',
  '"hoà bình"',
  '"hoa binh"',
  '"kỉ lục"',
  '"ky luc"',
  '"tp hồ chí minh"',
  '"gs ngô bảo châu"',
  '"mát xcơ va"',
  'Mát-xcơ-va',
];

describe.skipIf(postgresUnavailableReason())('archive phrase search through syllable pairs', () => {
  const { cluster, local, archive, archiveIds, asAdmin, insertDocs } = useLocalAndArchive(DOCS);

  it.each(PHRASES)('finds the same articles as the local engine for %s', async (query) => {
    const expected = local(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(await archive(query)).toEqual(expected);
  });

  it('finds a phrase only where its syllables stand side by side, in order', async () => {
    expect(await archive('"đàm phán"')).toEqual(['adjacent', 'adjacent-nfd']);
    // The same words unquoted are found anywhere in the article.
    expect(await archive('đàm phán')).toEqual(['adjacent', 'adjacent-nfd', 'apart', 'comma', 'dash', 'period', 'reversed']);
  });

  it('does not pair syllables across a comma, a period or a spaced dash, but does across an abbreviation’s period', async () => {
    const pairsOf = async (key: string): Promise<string[]> => {
      const id = [...archiveIds].find(([, k]) => k === key)![0];
      return asAdmin('archive', async (admin) => {
        const { rows } = await admin.query<{ lexeme: string }>(`SELECT lexeme FROM unnest((SELECT search FROM articles WHERE id = $1)) WHERE lexeme LIKE '%\\_%'`, [id]);
        return rows.map((row) => row.lexeme);
      });
    };
    for (const [key, next] of [['comma', 'phan_quyet'], ['period', 'phan_quyet'], ['dash', 'phan_xet']] as const) {
      const pairs = await pairsOf(key);
      expect(pairs).toContain(next);
      expect(pairs).not.toContain('dam_phan');
    }
    // Neither engine finds a phrase across the punctuation.
    expect(local('"đàm phán quyết"')).toEqual([]);
    expect(await archive('"đàm phán quyết"')).toEqual([]);
    expect(await archive('"dam phan xet"')).toEqual([]);
    expect(await pairsOf('adjacent')).toEqual(expect.arrayContaining(['dam_phan', 'phan_thuong', 'thuong_mai']));
    expect(await pairsOf('abbreviation')).toEqual(expect.arrayContaining(['tp_ho', 'ho_chi', 'gs_ngo']));
    expect(await pairsOf('ky-luc')).toEqual(expect.arrayContaining(['ky_luc']));
  });

  it('asks GIN for every pair of a phrase, across the words of a multi-word phrase, beside the exact <-> check', () => {
    expect(archiveTsquery('"đàm phán"')).toBe(`('dam_phan' & (('đam1' <-> 'phan2') | ('dam' <-> 'phan')))`);
    expect(archiveTsquery('"dam phan thuong mai"')).toBe(`('dam_phan' & 'phan_thuong' & 'thuong_mai' & ('dam' <-> 'phan' <-> 'thuong' <-> 'mai'))`);
    expect(archiveTsquery('Mát-xcơ-va')).toContain(`'mat_xco' & 'xco_va' & `);
    // Single words have no pairs.
    expect(archiveTsquery('đàm phán')).toBe(`('đam1' | 'dam') & ('phan2' | 'phan')`);
  });

  it('gives articles written before the pairs step their pairs when the archive is migrated', async () => {
    cluster().psql('CREATE DATABASE older');
    const old = DOCS.filter((d) => ['adjacent', 'apart', 'comma'].includes(d.id));
    await asAdmin('older', async (admin) => {
      // The archive as the version before the pairs set it up: every step before theirs.
      const pairsStep = ARCHIVE_STEPS.indexOf(ARCHIVE_SEARCH_PAIRS_SQL) + 1;
      expect(pairsStep).toBeGreaterThan(1);
      for (let step = 1; step < pairsStep; step++) {
        await admin.query(ARCHIVE_STEPS[step - 1]!);
        await admin.query(`INSERT INTO archive_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(step)]);
      }
      await createDesk(admin, 'Thời sự');
      await addMember(admin, 'Thời sự', 'lan', 'lan-secret');
      await insertDocs(admin, old);
      const before = await admin.query(`SELECT count(*)::int AS n FROM articles WHERE search @@ 'dam_phan'::tsquery`);
      expect(before.rows[0].n).toBe(0);
      const words = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM archive_words`);

      expect(await migrateArchive(admin)).toEqual({ from: pairsStep - 1, to: ARCHIVE_SCHEMA_VERSION });
      expect(await archiveSchemaVersion(admin)).toBe(ARCHIVE_SCHEMA_VERSION);
      const after = await admin.query<{ title: string }>(`SELECT title FROM articles WHERE search @@ 'dam_phan'::tsquery`);
      expect(after.rows.map((row) => row.title)).toEqual(['Hai bên nối lại đàm phán']);
      // Pairs are for phrases only: the typo vocabulary keeps words.
      const wordsAfter = await admin.query<{ n: number; pairs: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE word LIKE '%\\_%')::int AS pairs FROM archive_words`);
      expect(wordsAfter.rows[0]).toEqual({ n: words.rows[0]!.n, pairs: 0 });
    });
    const reporter = await openArchiveDb({ address: cluster().url('lan', undefined, 'older'), password: 'lan-secret' });
    try {
      const hits = (await searchArchive(reporter, '"dam phan"')).hits.map((hit) => hit.title);
      expect(hits).toEqual(['Hai bên nối lại đàm phán']);
      // Written after the step, through the generated column.
      await reporter.transaction(async (client) => {
        const id = '00000000-0000-4000-8000-000000000001';
        await client.query(`INSERT INTO articles (id, content_hash, title, language, body, blocks) VALUES ($1, 'h-new', 'Đàm phán mới', 'vi', 'Nội dung.', '[]')`, [id]);
        await client.query(`INSERT INTO article_owners (article_id, owner) VALUES ($1, current_user)`, [id]);
      });
      expect((await searchArchive(reporter, '"đàm phán"')).hits.map((hit) => hit.title).sort()).toEqual(['Hai bên nối lại đàm phán', 'Đàm phán mới']);
    } finally {
      await reporter.close();
    }
  });
});
