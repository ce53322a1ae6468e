import { describe, expect, it } from 'vitest';
import { extendSelection, moveSelection, selectedRange, unitSpans, type CaretSelection } from '../../../renderer/caret-movement.ts';

const FIRST = 'Giá điện tăng 4,5% từ 1.3. Theo EVN, TP.HCM chịu mức cao nhất! "Người dân" lo ngại.';
const SECOND = 'Đoạn hai ngắn.';
const body = `${FIRST}\n\n${SECOND}`;
const blocks = [
  { start: 0, end: FIRST.length },
  { start: FIRST.length + 2, end: body.length },
];
const text = (selection: CaretSelection) => {
  const { start, end } = selectedRange(selection);
  return body.slice(start, end);
};

describe('caret movement units', () => {
  it('words keep figures and abbreviations whole', () => {
    const words = unitSpans(body, blocks, 'word').map((span) => body.slice(span.start, span.end));
    expect(words.slice(0, 6)).toEqual(['Giá', 'điện', 'tăng', '4,5', 'từ', '1.3']);
    expect(words).toContain('TP.HCM');
    expect(words.at(-1)).toBe('ngắn');
  });

  it('sentences end at . ! ? before a capital or a quote, not inside 1.3 or TP.HCM, and never cross a paragraph', () => {
    const sentences = unitSpans(body, blocks, 'sentence').map((span) => body.slice(span.start, span.end));
    expect(sentences).toEqual(['Giá điện tăng 4,5% từ 1.3.', 'Theo EVN, TP.HCM chịu mức cao nhất!', '"Người dân" lo ngại.', SECOND]);
  });

  it('paragraphs are the blocks', () => {
    expect(unitSpans(body, blocks, 'paragraph')).toEqual(blocks);
  });
});

describe('moving and extending', () => {
  const words = unitSpans(body, blocks, 'word');
  const sentences = unitSpans(body, blocks, 'sentence');
  const paragraphs = unitSpans(body, blocks, 'paragraph');

  it('a caret selects the word it is in, then moves word by word both ways', () => {
    let selection = moveSelection({ anchor: 0, focus: 0 }, words, 1);
    expect(text(selection)).toBe('Giá');
    selection = moveSelection(selection, words, 1);
    expect(text(selection)).toBe('điện');
    selection = moveSelection(selection, words, -1);
    expect(text(selection)).toBe('Giá');
    // At the start there is nowhere further back.
    expect(moveSelection(selection, words, -1)).toEqual(selection);
  });

  it('by sentence, a word grows to its sentence, and the next press goes to the next one', () => {
    const evn = body.indexOf('EVN');
    let selection: CaretSelection = { anchor: evn, focus: evn + 3 };
    selection = moveSelection(selection, sentences, 1);
    expect(text(selection)).toBe('Theo EVN, TP.HCM chịu mức cao nhất!');
    selection = moveSelection(selection, sentences, 1);
    expect(text(selection)).toBe('"Người dân" lo ngại.');
    selection = moveSelection(selection, sentences, -1);
    expect(text(selection)).toBe('Theo EVN, TP.HCM chịu mức cao nhất!');
  });

  it('extending keeps the anchor and moves the focus, across paragraphs too', () => {
    let selection = moveSelection({ anchor: 0, focus: 0 }, words, 1);
    selection = extendSelection(selection, words, 1);
    selection = extendSelection(selection, words, 1);
    expect(text(selection)).toBe('Giá điện tăng');
    selection = extendSelection(selection, words, -1);
    expect(text(selection)).toBe('Giá điện');
    selection = extendSelection(selection, paragraphs, 1);
    expect(text(selection)).toBe(FIRST);
    selection = extendSelection(selection, paragraphs, 1);
    expect(text(selection)).toBe(body);
    expect(extendSelection(selection, paragraphs, 1)).toEqual(selection);
  });

  it('a backward move leaves the anchor at the end, so extending goes on backwards', () => {
    const start = body.indexOf('lo ngại');
    let selection = moveSelection({ anchor: start, focus: start }, words, -1);
    expect(text(selection)).toBe('dân');
    selection = extendSelection(selection, words, -1);
    expect(text(selection)).toBe('Người dân');
  });
});
