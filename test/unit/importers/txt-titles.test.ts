import { describe, expect, it } from 'vitest';
import { txtImporter } from '../../../importers/index.ts';
import { cleanFirstSentence, isPlausibleTitle } from '../../../importers/title-from-text.ts';
import { blockTexts, onlyDraft, textInput } from './importer-test-helpers.ts';

describe('plausible title lines', () => {
  it('takes headlines, in Vietnamese and English, questions included only when they do not end like a sentence', () => {
    expect(isPlausibleTitle('Giá xăng tăng lần thứ ba liên tiếp')).toBe(true);
    expect(isPlausibleTitle('Reuters wire: markets rally')).toBe(true);
    expect(isPlausibleTitle('TP.HCM: 30.410 đồng một lít xăng')).toBe(true);
  });

  it('refuses sentences, datelines, links, lower-case continuations and long lines', () => {
    expect(isPlausibleTitle('Hôm nay tôi đi họp với Bộ Tài chính.')).toBe(false);
    expect(isPlausibleTitle('Thứ Hai, 4/3/2024, 15:05 (GMT+7)')).toBe(false);
    expect(isPlausibleTitle('https://vnexpress.net/gia-xang-tang')).toBe(false);
    expect(isPlausibleTitle('và những người dân ven biển')).toBe(false);
    expect(isPlausibleTitle('Một dòng rất dài '.repeat(20))).toBe(false);
    expect(isPlausibleTitle('--')).toBe(false);
  });
});

describe('clean first sentences', () => {
  it('drop a final full stop, bullets and a lone opening quote, and keep ? and …', () => {
    expect(cleanFirstSentence('- Bộ Công Thương vừa công bố giá điện. Mức tăng là bốn phần trăm.')).toBe('Bộ Công Thương vừa công bố giá điện');
    expect(cleanFirstSentence('“Chúng tôi rất mừng, ông nói. Rồi ông đi.')).toBe('Chúng tôi rất mừng, ông nói');
    expect(cleanFirstSentence('“Chúng tôi rất mừng.” Ông nói.')).toBe('“Chúng tôi rất mừng.”');
    expect(cleanFirstSentence('Giá sẽ tăng tiếp? Chưa ai biết.')).toBe('Giá sẽ tăng tiếp?');
    expect(cleanFirstSentence('Còn nữa...')).toBe('Còn nữa...');
  });
});

describe('txt titles', () => {
  it('a multi-line file whose first line is a finished sentence keeps it in the text and is named by it', async () => {
    const draft = onlyDraft(await txtImporter.parse(textInput('ghi-chu.txt', 'Sáng nay họp giao ban với ban biên tập.\nCần gọi lại cho phóng viên ở Đà Nẵng.\n')));
    expect(draft.title).toBe('Sáng nay họp giao ban với ban biên tập');
    expect(blockTexts(draft).map(([, text]) => text)).toEqual(['Sáng nay họp giao ban với ban biên tập.', 'Cần gọi lại cho phóng viên ở Đà Nẵng.']);
  });

  it('a headline line is the title and leaves the text', async () => {
    const draft = onlyDraft(await txtImporter.parse(textInput('bai.txt', 'Cảng biển mở rộng bến container\n\nBan quản lý cảng vừa khởi công bến thứ hai.\n')));
    expect(draft.title).toBe('Cảng biển mở rộng bến container');
    expect(draft.body).toBe('Ban quản lý cảng vừa khởi công bến thứ hai.');
  });

  it('a dateline first is no title: the first sentence of the prose names the article', async () => {
    const draft = onlyDraft(await txtImporter.parse(textInput('bai.txt', 'Thứ Hai, 4/3/2024, 15:05 (GMT+7)  Giá xăng tăng. Dầu cũng tăng.')));
    expect(draft.title).toBe('Giá xăng tăng');
    expect(draft.publishedAt).toBe('2024-03-04T08:05:00.000Z');
  });
});
