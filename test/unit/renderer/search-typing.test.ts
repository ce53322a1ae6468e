import { describe, expect, it } from 'vitest';
import { ONE_LETTER_PAUSE_MS, TYPING_PAUSE_MS, typingDelay } from '../../../renderer/search-typing.ts';

describe('when the search box searches while typing', () => {
  it('waits the typing pause (120–150 ms) after a word', () => {
    expect(TYPING_PAUSE_MS).toBeGreaterThanOrEqual(120);
    expect(TYPING_PAUSE_MS).toBeLessThanOrEqual(150);
    expect(typingDelay('da')).toBe(TYPING_PAUSE_MS);
    expect(typingDelay('dam phan')).toBe(TYPING_PAUSE_MS);
  });

  it('does not search a lone unaccented letter while a word is being typed', () => {
    expect(typingDelay('d')).toBeNull();
    expect(typingDelay(' d ')).toBeNull();
  });

  it('searches a lone accented letter (ở, ý, đ), a word of its own, after a longer pause', () => {
    expect(typingDelay('ở')).toBe(ONE_LETTER_PAUSE_MS);
    expect(typingDelay('ý')).toBe(ONE_LETTER_PAUSE_MS);
    expect(typingDelay('đ')).toBe(ONE_LETTER_PAUSE_MS);
  });
});
