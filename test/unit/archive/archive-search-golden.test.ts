// Golden agreement: the archive (PostgreSQL) and the local engine find the same articles for the
// Vietnamese variant set: NFC, NFD, old and new tone placement (hòa/hoà), folded, đ/d, capitals, ð,
// i/y, for single words and quoted phrases.
import { describe, expect, it } from 'vitest';
import { searchArchive } from '../../../archive/archive-search.ts';
import type { SearchDocument } from '../../../search/search-document.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { doc } from '../search/search-fixtures.ts';
import { useLocalAndArchive } from './local-and-archive.ts';

const DOCS: SearchDocument[] = [
  doc('dam-phan', 'Hai bên nối lại đàm phán thương mại', 'Cuộc đàm phán kéo dài ba ngày tại Hà Nội.'),
  doc('dam-phan-caps', 'ĐÀM PHÁN HẠT NHÂN TIẾP TỤC', 'Các nhà ngoại giao gặp nhau lần thứ hai.'),
  doc('dam-phan-eth', 'Ðàm phán về khí hậu', 'Ðoàn đại biểu đến từ nhiều nước.'),
  doc('dam-phan-nfd', 'Vòng đàm phán mới'.normalize('NFD'), 'Hai bên đàm phán suốt đêm.'.normalize('NFD')),
  doc('dam-only', 'Đám cháy ở chợ', 'Đám đông tụ tập trước chợ, không ai bị thương.'),
  doc('hoa-old', 'Hòa bình cho khu vực', 'Các bên kêu gọi hòa bình và ổn định.'),
  doc('hoa-new', 'Hoà giải tranh chấp đất đai', 'Toà án mở phiên hoà giải.'),
  doc('hoa-flower', 'Hoa nở mùa xuân', 'Chợ hoa ngày Tết đông khách.'),
  doc('thuy-dien', 'Thuỷ điện xả lũ', 'Nhà máy thủy điện Hòa Bình mở cửa xả.'),
  doc('thuy-old', 'Cô Thúy đoạt giải', 'Nguyễn Thị Thúy giành huy chương vàng.'),
  doc('thuy-new', 'Chị Thuý kể chuyện', 'Thuý sống ở Huế đã lâu.'),
  doc('da-nang', 'Đà Nẵng đón khách quốc tế', 'Sân bay Đà Nẵng đông khách dịp hè.'),
  doc('da-nang-plain', 'Nhà thi đấu đa năng khánh thành', 'Công trình đa năng phục vụ người dân.'),
  doc('khoe-new', 'Sức khoẻ người cao tuổi', 'Bác sĩ khuyên tập thể dục để khoẻ mạnh.'),
  doc('khoe-old', 'Khỏe đẹp mỗi ngày', 'Ăn uống điều độ giúp cơ thể khỏe.'),
  doc('ky-luc-i', 'Lập kỉ lục mới về xuất khẩu', 'Kim ngạch đạt mức kỉ lục.'),
  doc('ky-luc-y', 'Kỷ lục Guinness Việt Nam', 'Một kỷ lục được xác lập.'),
  doc('moscow', 'Tin từ Mát-xcơ-va', 'Phái đoàn đến Mát-xcơ-va hôm qua.'),
  doc('quy-dinh', 'Qui định mới về giao thông', 'Bộ ban hành quy định xử phạt.'),
];

const QUERIES = [
  // đàm phán: as typed, NFD, folded, đ→d, capitals, the eth, and as a phrase.
  'đàm phán',
  'đàm phán'.normalize('NFD'),
  'dam phan',
  'ĐÀM PHÁN',
  'Ðàm phán',
  '"đàm phán"',
  '"dam phan"',
  'đám',
  'dam',
  // Tone placement, old and new, and the folded twin (hoa, the flower).
  'hòa',
  'hoà',
  'hoa',
  'hòa bình',
  '"hoà bình"',
  'thủy điện',
  'thuỷ điện',
  '"thuy dien"',
  'thúy',
  'thuý',
  'khỏe',
  'khoẻ',
  'khoe',
  // đ/d: Đà Nẵng and đa năng fold to the same words.
  'Đà Nẵng',
  'da nang',
  '"đà nẵng"',
  'đa năng',
  // i/y after free onsets, and a hyphenated name.
  'kỉ lục',
  'kỷ lục',
  'ky luc',
  'qui định',
  'Mát-xcơ-va',
  'mat xco va',
  '"mát xcơ va"',
];

describe.skipIf(postgresUnavailableReason())('archive search agrees with the local engine', () => {
  const { local, archive, archiveIds, db } = useLocalAndArchive(DOCS);

  it.each(QUERIES)('finds the same articles for %s', async (query) => {
    const expected = local(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(await archive(query)).toEqual(expected);
  });

  it('meets the variants in one form: every spelling of a word finds the same articles', async () => {
    expect(await archive('hòa')).toEqual(await archive('hoà'));
    expect(await archive('đàm phán'.normalize('NFD'))).toEqual(await archive('đàm phán'));
    expect(await archive('kỉ lục')).toEqual(['ky-luc-i', 'ky-luc-y']);
    expect(await archive('dam phan')).toEqual(['dam-phan', 'dam-phan-caps', 'dam-phan-eth', 'dam-phan-nfd']);
  });

  it('ranks articles written as an accented query is typed above their folded twins', async () => {
    const hits = (await searchArchive(db(), 'hoà', { limit: 10 })).hits.map((hit) => archiveIds.get(hit.archiveId));
    expect(hits.slice(0, 2).sort()).toEqual(['hoa-new', 'hoa-old']);
    expect(hits).toContain('hoa-flower');
    const plain = (await searchArchive(db(), 'đa năng', { limit: 10 })).hits.map((hit) => archiveIds.get(hit.archiveId));
    expect(plain[0]).toBe('da-nang-plain');
  });

  it('marks the matches in the snippet with the local highlighter', async () => {
    const hit = (await searchArchive(db(), 'dam phan', { limit: 10 })).hits.find((h) => archiveIds.get(h.archiveId) === 'dam-phan');
    expect(hit).toBeDefined();
    const marked = hit!.snippet.matches.map((m) => hit!.snippet.text.slice(m.start, m.end).normalize('NFC').toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    for (const text of marked) expect(['đàm', 'phán', 'đàm phán']).toContain(text);
  });
});
