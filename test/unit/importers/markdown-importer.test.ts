import { describe, expect, it } from 'vitest';
import { markdownImporter } from '../../../importers/index.ts';
import { blockTexts, fixtureInput, onlyDraft, textInput } from './importer-test-helpers.ts';

describe('markdown importer', () => {
  it('reads front matter, structure and plain text without Markdown syntax', async () => {
    const draft = onlyDraft(await markdownImporter.parse(fixtureInput('article.md')));
    expect(draft).toMatchObject({
      title: 'Báo cáo thị trường tuần 10',
      author: 'Phạm Thu Hà',
      source: 'Bản tin nội bộ',
      url: 'https://notes.example.vn/bao-cao-tuan-10',
      publishedAt: '2024-03-08',
      language: 'vi',
      tags: ['kinh tế', 'chứng khoán'],
    });
    expect(blockTexts(draft)).toEqual([
      ['paragraph', 'Chỉ số VN-Index tăng 2,1% trong tuần, theo dữ liệu của HOSE. Thanh khoản đạt 30.410 tỷ đồng.'],
      ['heading2', 'Điểm nhấn'],
      ['quote', 'Dòng tiền khối ngoại quay lại & mua ròng phiên thứ năm liên tiếp.'],
      ['list-item', 'Ngân hàng dẫn dắt đà tăng'],
      ['list-item', 'Bất động sản phục hồi'],
      ['paragraph', 'Ghi chú cuối tuần.'],
    ]);
    expect(draft.body).not.toMatch(/[*_`#[\]]|MD_SCRIPT_LEAK|alert/);
  });

  it('takes the first heading as title when there is no front matter', async () => {
    const md = '# Wire: *Rates* held\r\n\r\nThe bank held rates.\r\n\r\n1. First\r\n2. Second\r\n   - nested\r\n';
    const draft = onlyDraft(await markdownImporter.parse(textInput('wire.markdown', md)));
    expect(draft.title).toBe('Wire: Rates held');
    expect(draft.language).toBe('en');
    expect(blockTexts(draft)).toEqual([
      ['paragraph', 'The bank held rates.'],
      ['list-item', 'First'],
      ['list-item', 'Second'],
      ['list-item', 'nested'],
    ]);
  });
});
