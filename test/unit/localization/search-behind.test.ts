// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { searchBehindText } from '../../../renderer/host-messages.ts';
import { setLocale } from '../../../renderer/localization/app-locale.ts';

afterEach(() => setLocale('vi'));

// search.status may say the index is behind the library (e.g. the disk was full when it was written);
// the UI says so, with the counts when the host gives them, in its own language.
describe('a search index that is behind the library', () => {
  it('is explained with its reason and counts, in Vietnamese and English', async () => {
    expect(searchBehindText({ reason: 'disk-full', indexed: 77, total: 200 })).toBe('Ổ đĩa đầy nên chỉ mục tìm kiếm chưa cập nhật: mới tìm được trong 77 trên 200 bài.');
    await setLocale('en');
    expect(searchBehindText({ reason: 'disk-full', indexed: 77, total: 200 })).toBe('The disk is full, so the search index is not up to date: searching 77 of 200 articles.');
    expect(searchBehindText({ reason: 'write-failed' })).toBe('The search index is not up to date; results may miss recent articles.');
  });
});
