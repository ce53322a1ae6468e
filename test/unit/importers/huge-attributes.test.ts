import { describe, expect, it } from 'vitest';
import { emptyHugeAttributes, MAX_ATTRIBUTE_CHARS } from '../../../importers/huge-attributes.ts';

describe('emptyHugeAttributes', () => {
  it('empties every quoted attribute value over the limit, in any tag, and leaves the rest alone', () => {
    const huge = 'x'.repeat(MAX_ATTRIBUTE_CHARS + 1);
    const page = `<p class="${huge}" id="giu">chữ</p><img alt='${huge}' title="ảnh" src="data:${huge}">`;
    expect(emptyHugeAttributes(page)).toBe(`<p class="" id="giu">chữ</p><img alt="" title="ảnh" src="">`);
  });

  it('never touches text between tags, however long and however quoted', () => {
    const text = `<p>${'a'.repeat(MAX_ATTRIBUTE_CHARS)} x="${'b'.repeat(MAX_ATTRIBUTE_CHARS + 10)}"</p>`;
    expect(emptyHugeAttributes(text)).toBe(text);
    const normal = `<div class="bai-viet">${'<p title="t">đoạn</p>'.repeat(5000)}</div>`;
    expect(emptyHugeAttributes(normal)).toBe(normal);
  });
});
