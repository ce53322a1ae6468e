import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { txtImporter } from '../../../importers/index.ts';
import { looksLikeCaption } from '../../../importers/txt-importer.ts';
import { blockTexts, FIXTURES, fixtureInput, onlyDraft, textInput } from './importer-test-helpers.ts';

describe('txt importer', () => {
  it('splits a seed-shaped single-line scrape on runs of spaces', async () => {
    expect(readFileSync(`${FIXTURES}seed-single-line.txt`, 'utf8')).not.toContain('\n');
    const draft = onlyDraft(await txtImporter.parse(fixtureInput('seed-single-line.txt')));
    expect(draft.title).toBe('Giá xăng tăng lần thứ ba liên tiếp từ chiều nay');
    expect(draft.language).toBe('vi');
    expect(draft.publishedAt).toBe('2024-03-04T08:05:00.000Z');
    expect(draft.origin).toBe(`${FIXTURES}seed-single-line.txt`);
    expect(blockTexts(draft)).toEqual([
      ['paragraph', 'Thứ Hai, 4/3/2024, 15:05 (GMT+7)'],
      [
        'paragraph',
        'Từ 15h ngày 3.3, giá xăng RON 95 tăng lên 30.410 đồng mỗi lít, mức cao nhất trong năm. Liên Bộ Công Thương - Tài chính cho biết việc điều chỉnh nhằm bám sát giá thế giới.',
      ],
      ['caption', 'Người dân đổ xăng tại một cửa hàng ở Hà Nội. Ảnh: Ngọc Thành'],
      ['paragraph', 'Theo cơ quan điều hành, giá dầu diesel cũng tăng 410 đồng, lên 21.050 đồng/lít. Quỹ bình ổn không được trích lập hay chi sử dụng trong kỳ này.'],
      ['paragraph', 'Giá vàng lập đỉnh mới'],
      ['paragraph', 'Thị trường chứng khoán giảm điểm phiên đầu tuần'],
      ['paragraph', 'Ảnh hưởng của giá nhiên liệu tới lạm phát được dự báo sẽ rõ hơn trong quý II, theo các chuyên gia kinh tế.'],
    ]);
  });

  it('stores NFD input as NFC with the old-style tone marks as given', async () => {
    const bytes = readFileSync(`${FIXTURES}old-tone-nfd.txt`, 'utf8');
    expect(bytes).not.toBe(bytes.normalize('NFC'));
    const draft = onlyDraft(await txtImporter.parse(fixtureInput('old-tone-nfd.txt')));
    expect(draft.title).toBe('Hoà giải thành công vụ tranh chấp đất đai');
    expect(blockTexts(draft)).toEqual([
      ['paragraph', 'Bà Nguyễn Thị Thuý cho biết gia đình đã hoà thuận trở lại. Sức khoẻ của bà hiện ổn định.'],
      ['paragraph', 'Ông Trần Văn Hoà, trưởng thôn, nói: "Chúng tôi rất mừng."'],
    ]);
    expect(draft.body).toContain('thuận');
    expect(draft.body).not.toContain('hòa');
  });

  it('makes each line a paragraph when there are no blank lines', async () => {
    const draft = onlyDraft(await txtImporter.parse(fixtureInput('no-blank-lines.txt')));
    expect(draft.title).toBe('Reuters wire: markets rally');
    expect(draft.language).toBe('en');
    expect(blockTexts(draft).map(([, text]) => text)).toEqual([
      'Stocks rose on Monday as investors cheered the data.',
      'Bond yields fell sharply.',
    ]);
  });

  it('uses the first sentence as title when the text has no title line', async () => {
    const draft = onlyDraft(await txtImporter.parse(textInput('note.txt', 'Đây là câu đầu tiên. Đây là câu thứ hai của ghi chú.')));
    expect(draft.title).toBe('Đây là câu đầu tiên');
    expect(draft.body).toBe('Đây là câu đầu tiên. Đây là câu thứ hai của ghi chú.');
  });

  it('decodes UTF-16 LE with a BOM', async () => {
    const text = 'Tiêu đề UTF-16\r\n\r\nNội dung bài viết tiếng Việt.\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const draft = onlyDraft(await txtImporter.parse({ name: 'utf16.txt', bytes, origin: '/x/utf16.txt' }));
    expect(draft.title).toBe('Tiêu đề UTF-16');
    expect(draft.body).toBe('Nội dung bài viết tiếng Việt.');
  });

  it('rejects empty and whitespace-only files', async () => {
    await expect(txtImporter.parse(textInput('empty.txt', ' \n \n'))).rejects.toThrow(/empty file/);
  });

  it('is conservative about captions', () => {
    expect(looksLikeCaption('Ảnh: Reuters')).toBe(true);
    expect(looksLikeCaption('Lực lượng cứu hộ tại hiện trường (Ảnh: TTXVN)')).toBe(true);
    expect(looksLikeCaption('Ảnh hưởng của bão số 3 rất lớn')).toBe(false);
    expect(looksLikeCaption('Ông nói ảnh chụp hôm qua là thật.')).toBe(false);
  });
});
