// How long the search box waits after a keystroke before it searches, and whether it searches at all.

/**
 * The pause after the last key: long enough that a word typed at a normal pace is sent once, not once
 * per letter (issue 16 asks 120–150 ms), short enough that results follow the typing.
 */
export const TYPING_PAUSE_MS = 120;

/** A lone accented letter (ở, ý, à) is a word of its own, but usually the start of one: it waits longer. */
export const ONE_LETTER_PAUSE_MS = 400;

/**
 * The delay before `query` is searched while typing, or null when it should not be searched until the
 * reader presses Enter: a lone unaccented letter ("d") is the first letter of a word on its way, and
 * its results (thousands of articles) would only flash by; the results shown stay until the next query.
 */
export function typingDelay(query: string): number | null {
  const letters = [...query.trim()];
  if (letters.length !== 1) return TYPING_PAUSE_MS;
  const letter = letters[0]!;
  const plain = letter.normalize('NFD').replace(/\p{M}/gu, '');
  return plain === letter && !/^[đĐ]$/u.test(letter) ? null : ONE_LETTER_PAUSE_MS;
}
