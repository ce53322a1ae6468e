import { describe, expect, it } from 'vitest';
import { anchor, describeRange, findQuote, locateQuote } from '../../../annotations/anchoring.ts';
import type { AnchorResult } from '../../../annotations/model.ts';
import { BODY, BODY_NEW_TONE_STYLE, PARAGRAPHS, rangeOf } from './annotation-fixtures.ts';

function selectorsFor(body: string, text: string, fromIndex = 0) {
  const { start, end } = rangeOf(body, text, fromIndex);
  return describeRange(body, start, end);
}

function anchoredText(body: string, result: AnchorResult): string {
  if (result.status !== 'anchored') throw new Error('expected the annotation to be anchored');
  return body.slice(result.start, result.end);
}

describe('describeRange', () => {
  it('records the exact text with up to 32 characters of context on each side', () => {
    const { quote, position } = selectorsFor(BODY, 'hoà bình là ưu tiên hàng đầu');
    expect(quote.exact).toBe('hoà bình là ưu tiên hàng đầu');
    expect(quote.prefix).toHaveLength(32);
    expect(BODY.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
    expect(BODY.slice(position.end).startsWith(quote.suffix)).toBe(true);
    expect(quote.suffix).toHaveLength(32);
  });

  it('keeps shorter context at the edges of the body and never splits a surrogate pair', () => {
    expect(describeRange(BODY, 0, 8).quote.prefix).toBe('');
    // 32 code units before the quote falls inside the emoji's surrogate pair.
    const emoji = `😀${'x'.repeat(31)}quote`;
    expect(describeRange(emoji, 33, 38).quote.prefix).toBe('x'.repeat(31));
    expect(describeRange(emoji, 32, 38).quote.prefix).toBe(`😀${'x'.repeat(30)}`);
  });

  it('rejects empty and out-of-range ranges', () => {
    expect(() => describeRange(BODY, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(BODY, 0, BODY.length + 1)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('uses the stored position when it still holds the quote', () => {
    const selectors = selectorsFor(BODY, 'lộ trình rút quân');
    const result = anchor(BODY, selectors);
    expect(result).toEqual({ status: 'anchored', ...rangeOf(BODY, 'lộ trình rút quân'), method: 'position', score: 1 });
  });

  it('finds moved text by its quote', () => {
    const selectors = selectorsFor(BODY, 'phái đoàn hai bên đã gặp nhau');
    const moved = `Cập nhật lúc 9 giờ sáng.\n\n${BODY}`;
    const result = anchor(moved, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(anchoredText(moved, result)).toBe('phái đoàn hai bên đã gặp nhau');
  });

  it('finds the quote when the text around it was edited', () => {
    const selectors = selectorsFor(BODY, 'hơn 12 giờ liên tục');
    const edited = BODY.replace('Theo nguồn tin của phóng viên, phái đoàn', 'Theo thông tin mới nhất, hai phái đoàn').replace(
      'Một quan chức giấu tên',
      'Một nhà ngoại giao',
    );
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(anchoredText(edited, result)).toBe('hơn 12 giờ liên tục');
  });

  it('fuzzy-matches a quote whose own text was edited', () => {
    const selectors = selectorsFor(BODY, 'các bên vẫn chưa thống nhất được lộ trình rút quân');
    const edited = BODY.replace('vẫn chưa thống nhất được', 'vẫn chưa thống nhất về');
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    const text = anchoredText(edited, result);
    expect(text).toContain('thống nhất về lộ trình');
    expect(text).toMatch(/^các bên/);
    expect(text).toMatch(/rút quân$/);
    if (result.status === 'anchored') expect(result.score).toBeLessThan(1);
  });

  it('normalises NFD quotes and bodies to NFC before matching', () => {
    const selectors = selectorsFor(BODY, 'Người dân Hà Nội theo dõi sát sao');
    const nfdSelectors = {
      quote: { ...selectors.quote, exact: selectors.quote.exact.normalize('NFD'), prefix: selectors.quote.prefix.normalize('NFD') },
      position: null,
    };
    expect(nfdSelectors.quote.exact).not.toBe(selectors.quote.exact);
    const nfdBody = BODY.normalize('NFD');
    const result = anchor(nfdBody, nfdSelectors);
    // Offsets index the NFC body, which is what the library stores.
    expect(result).toMatchObject({ status: 'anchored', method: 'quote', ...rangeOf(BODY, 'Người dân Hà Nội theo dõi sát sao') });
  });

  it('uses prefix and suffix to choose between two occurrences, and the position while it is valid', () => {
    const second = rangeOf(BODY, 'Hà Nội', rangeOf(BODY, 'Hà Nội').end);
    const selectors = describeRange(BODY, second.start, second.end);
    expect(anchor(BODY, selectors)).toMatchObject({ status: 'anchored', method: 'position', ...second });

    const shifted = `Tin nóng.\n\n${BODY}`;
    const result = anchor(shifted, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'quote' });
    if (result.status === 'anchored') {
      expect(result.start).toBe(second.start + 'Tin nóng.\n\n'.length);
      expect(shifted.slice(result.start - 10, result.start)).toBe('Người dân ');
    }
  });

  it('prefers the occurrence nearer the old position when the context cannot tell', () => {
    const body = 'AAAA quote BBBB\n\nAAAA quote BBBB';
    const first = anchor(`x${body}`, { quote: { type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 22, end: 27 } });
    expect(first).toMatchObject({ status: 'anchored', start: 23 });
  });

  it('orphans an annotation whose passage was deleted', () => {
    const selectors = selectorsFor(BODY, 'Một quan chức giấu tên cho biết "mọi thứ vẫn còn trên bàn".');
    const without = [PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[3]].join('\n\n');
    expect(anchor(without, selectors)).toEqual({ status: 'orphan' });
  });

  it('lets the prefix decide between identical quotes even against the old position', () => {
    const minister = 'Bộ trưởng Quốc phòng nói: đồng ý.';
    const deputy = 'Thứ trưởng Ngoại giao nói: đồng ý.';
    const old = `${'Bối cảnh. '.repeat(20)}\n\n${minister}\n\n${deputy}`;
    const selectors = describeRange(old, old.lastIndexOf('đồng ý'), old.lastIndexOf('đồng ý') + 'đồng ý'.length);
    // Paragraphs swapped and the introduction cut: the minister's "đồng ý" is now nearer the old position.
    const edited = `${deputy}\n\n${minister}\n\n${'Phụ lục. '.repeat(40)}`;
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'quote', start: deputy.indexOf('đồng ý') });
  });

  it('does not fuzzy-match a short quote into a sentence with different context', () => {
    const old = 'Cuộc họp bắt đầu lúc 9 giờ sáng tại trụ sở Bộ.';
    const selectors = selectorsFor(old, '9 giờ sáng');
    const unrelated = 'Tin tức khác: lịch làm việc của phái đoàn được dời từ 9 giờ sang 10 giờ vì thời tiết xấu.';
    expect(anchor(unrelated, selectors)).toEqual({ status: 'orphan' });
    // With its context intact, the same one-letter edit is accepted.
    expect(anchor(old.replace('sáng', 'sang'), selectors)).toMatchObject({ status: 'anchored', method: 'fuzzy' });
  });

  it('orphans a short quote rather than guess it into unrelated text', () => {
    const selectors = selectorsFor(BODY, 'rút quân');
    const without = BODY.replace('lộ trình rút quân', 'thời hạn ký kết');
    expect(anchor(without, selectors)).toEqual({ status: 'orphan' });
  });

  it('orphans a quote edited beyond the error budget', () => {
    const selectors = selectorsFor(BODY, 'kêu gọi cộng đồng quốc tế hỗ trợ');
    // Context untouched, but more than a quarter of the quote rewritten.
    const rewritten = BODY.replace('cộng đồng quốc tế', 'các nước bạn bè');
    expect(anchor(rewritten, selectors)).toEqual({ status: 'orphan' });
  });

  it('re-anchors Vietnamese text re-imported with the new tone style (hoà → hòa, khoẻ → khỏe, thuỷ → thủy)', () => {
    const selectors = selectorsFor(BODY, 'hoà bình là ưu tiên hàng đầu, đồng thời kêu gọi cộng đồng quốc tế hỗ trợ khoẻ mạnh');
    const result = anchor(BODY_NEW_TONE_STYLE, selectors);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(anchoredText(BODY_NEW_TONE_STYLE, result)).toBe('hòa bình là ưu tiên hàng đầu, đồng thời kêu gọi cộng đồng quốc tế hỗ trợ khỏe mạnh');
  });

  it('orphans an empty quote', () => {
    expect(anchor(BODY, { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } })).toEqual({ status: 'orphan' });
  });
});

describe('findQuote', () => {
  it('returns the first occurrence without context', () => {
    expect(findQuote(BODY, 'Hà Nội')).toEqual(rangeOf(BODY, 'Hà Nội'));
  });

  it('returns the occurrence the prefix or suffix single out', () => {
    const second = rangeOf(BODY, 'Hà Nội', rangeOf(BODY, 'Hà Nội').end);
    expect(findQuote(BODY, 'Hà Nội', { prefix: 'Người dân ' })).toEqual(second);
    expect(findQuote(BODY, 'Hà Nội', { suffix: ' theo dõi' })).toEqual(second);
  });

  it('matches NFD input against the NFC body', () => {
    expect(findQuote(BODY, 'ngừng bắn'.normalize('NFD'))).toEqual(rangeOf(BODY, 'ngừng bắn'));
  });

  it('says why a quote was not found', () => {
    expect(findQuote(BODY, 'Sài Gòn')).toBeNull();
    expect(locateQuote(BODY, 'Sài Gòn')).toEqual({ status: 'not-found' });
    expect(locateQuote(BODY, 'Hà Nội', { prefix: 'TP. ' })).toEqual({ status: 'context-mismatch', occurrences: 2 });
  });
});
