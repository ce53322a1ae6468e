// Issue 16 §5: citation styles from CSL (APA, Chicago author-date, the Vietnamese press style), for an
// article with and without an author, in the reader's time zone, with an optional page.
import { describe, expect, it } from 'vitest';
import { citeArticle, type CitationSource } from '../../../annotations/citation-styles.ts';

const ARTICLE: CitationSource = {
  title: 'Giá điện tăng từ tháng sau',
  author: 'Nguyễn Văn An',
  source: 'VnExpress',
  url: 'https://vnexpress.net/gia-dien-tang-4720001.html',
  // 01:30 on 4 March in Hà Nội, still 3 March in UTC.
  publishedAt: '2024-03-03T18:30:00.000Z',
  importedAt: '2026-11-27T10:00:00.000Z',
  language: 'vi',
};
const HANOI = { timeZone: 'Asia/Ho_Chi_Minh' };

describe('APA', () => {
  it('names the author first, then the date, title, outlet and URL', () => {
    expect(citeArticle(ARTICLE, 'apa', HANOI)).toBe('Nguyễn Văn An. (2024, March 4). Giá điện tăng từ tháng sau. VnExpress. https://vnexpress.net/gia-dien-tang-4720001.html');
  });
  it('opens with the title when the author is unknown', () => {
    expect(citeArticle({ ...ARTICLE, author: null }, 'apa', HANOI)).toBe('Giá điện tăng từ tháng sau. (2024, March 4). VnExpress. https://vnexpress.net/gia-dien-tang-4720001.html');
  });
});

describe('Chicago author-date', () => {
  it('keeps a Vietnamese title in sentence case (title case is for English)', () => {
    expect(citeArticle(ARTICLE, 'chicago', HANOI)).toBe('Nguyễn Văn An. 2024. “Giá điện tăng từ tháng sau.” VnExpress, March 4, 2024. https://vnexpress.net/gia-dien-tang-4720001.html.');
  });
  it('opens with the outlet when the author is unknown', () => {
    expect(citeArticle({ ...ARTICLE, author: null }, 'chicago', HANOI)).toMatch(/^VnExpress\. 2024\. “Giá điện tăng từ tháng sau,” March 4, 2024\./u);
  });
});

describe('the Vietnamese press style', () => {
  it('author, quoted title, outlet, dd/mm/yyyy, URL', () => {
    expect(citeArticle(ARTICLE, 'vi-press', HANOI)).toBe('Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024. https://vnexpress.net/gia-dien-tang-4720001.html');
  });
  it('without an author starts at the title, and the day is the reader’s (UTC: 03/03)', () => {
    expect(citeArticle({ ...ARTICLE, author: null }, 'vi-press', { timeZone: 'UTC' })).toBe('“Giá điện tăng từ tháng sau”, VnExpress, 03/03/2024. https://vnexpress.net/gia-dien-tang-4720001.html');
  });
  it('gives the page when the passage has one, and the access date for an undated article', () => {
    expect(citeArticle({ ...ARTICLE, page: '3', url: null }, 'vi-press', HANOI)).toBe('Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024, tr. 3.');
    expect(citeArticle({ ...ARTICLE, publishedAt: null, url: null }, 'vi-press', HANOI)).toBe('Nguyễn Văn An, “Giá điện tăng từ tháng sau”, VnExpress, truy cập 27/11/2026.');
  });
  it('lists several authors as written, never inverted', () => {
    expect(citeArticle({ ...ARTICLE, author: 'Minh Anh, Quốc Tuấn', url: null }, 'vi-press', HANOI)).toBe('Minh Anh, Quốc Tuấn, “Giá điện tăng từ tháng sau”, VnExpress, 04/03/2024.');
  });
});

describe('APA and Chicago in the brief’s language', () => {
  const UNDATED = { ...ARTICLE, author: null, publishedAt: null };
  it('an English brief uses English terms: n.d., Retrieved … from, Accessed, and', () => {
    const en = { ...HANOI, language: 'en' as const };
    expect(citeArticle(UNDATED, 'apa', en)).toBe('Giá điện tăng từ tháng sau. (n.d.). VnExpress. Retrieved November 27, 2026, from https://vnexpress.net/gia-dien-tang-4720001.html');
    expect(citeArticle(UNDATED, 'chicago', en)).toBe('VnExpress. n.d. “Giá điện tăng từ tháng sau.” Accessed November 27, 2026. https://vnexpress.net/gia-dien-tang-4720001.html.');
    expect(citeArticle({ ...ARTICLE, author: 'Minh Anh và Quốc Tuấn' }, 'chicago', en)).toMatch(/^Minh Anh and Quốc Tuấn\. 2024\./u);
  });
  it('a Vietnamese brief uses Vietnamese terms, from the CSL project’s vi-VN locale, and Vietnamese dates', () => {
    const vi = { ...HANOI, language: 'vi' as const };
    expect(citeArticle(UNDATED, 'apa', vi)).toBe('Giá điện tăng từ tháng sau. (không ngày). VnExpress. Truy cập ngày 27 tháng 11 năm 2026, từ https://vnexpress.net/gia-dien-tang-4720001.html');
    expect(citeArticle(UNDATED, 'chicago', vi)).toBe('VnExpress. không ngày. “Giá điện tăng từ tháng sau”. Truy cập ngày 27 tháng 11 năm 2026. https://vnexpress.net/gia-dien-tang-4720001.html.');
    expect(citeArticle({ ...ARTICLE, author: 'Minh Anh và Quốc Tuấn' }, 'chicago', vi)).toBe('Minh Anh và Quốc Tuấn. 2024. “Giá điện tăng từ tháng sau”. VnExpress, ngày 4 tháng 3 năm 2024. https://vnexpress.net/gia-dien-tang-4720001.html.');
    for (const style of ['apa', 'chicago'] as const) expect(citeArticle(UNDATED, style, vi), style).not.toMatch(/n\.d\.|Retrieved|Accessed|\band\b/u);
  });
  it('a Vietnamese APA reference puts the day before the numbered month, as Vietnamese APA guides do', () => {
    const vi = { ...HANOI, language: 'vi' as const };
    expect(citeArticle(ARTICLE, 'apa', vi)).toBe('Nguyễn Văn An. (2024, ngày 4 tháng 3). Giá điện tăng từ tháng sau. VnExpress. https://vnexpress.net/gia-dien-tang-4720001.html');
    expect(citeArticle({ ...ARTICLE, author: null, publishedAt: '2024-12-31T03:00:00.000Z' }, 'apa', vi)).toMatch(/^Giá điện tăng từ tháng sau\. \(2024, ngày 31 tháng 12\)\. VnExpress\./u);
    // Gregorian months are numbered in Vietnamese; the lunar calendar's names (Giêng, Chạp) never appear.
    for (const style of ['apa', 'chicago'] as const) expect(citeArticle({ ...ARTICLE, publishedAt: '2024-01-15T03:00:00.000Z' }, style, vi), style).not.toMatch(/Tháng|Giêng|Chạp/u);
    // The English brief keeps APA's own order.
    expect(citeArticle(ARTICLE, 'apa', { ...HANOI, language: 'en' })).toContain('(2024, March 4)');
  });
  it('the Vietnamese press style is the same in both', () => {
    expect(citeArticle(ARTICLE, 'vi-press', { ...HANOI, language: 'en' })).toBe(citeArticle(ARTICLE, 'vi-press', { ...HANOI, language: 'vi' }));
  });
});
