// How long the search box waits after a keystroke before it shows results, and whether it searches at all.

/**
 * The pause after the last key before results are painted: long enough that results do not flash by
 * once per letter of a word typed at a normal pace (issue 16 asks 120–150 ms), short enough that they
 * follow the typing. The query itself is sent long before (SEND_AFTER_KEY_MS), so the host's answer is
 * usually in when the pause ends: last key → paint ≈ max(pause, query) + paint.
 */
export const TYPING_PAUSE_MS = 120;

/**
 * How soon after a key the text is sent to the host: just long enough to take the input events of one
 * gesture together (an input method replacing a letter with its accented form, a paste), far shorter
 * than the pause, so the answer is on its way while the pause runs. A newer text makes the host skip
 * an older one that has not started (commands/search-turns.ts).
 */
export const SEND_AFTER_KEY_MS = 20;

/** A lone accented letter (ở, ý, à) is a word of its own, but usually the start of one: it waits longer. */
export const ONE_LETTER_PAUSE_MS = 400;

/**
 * The pause before the results of `query` are painted while typing, or null when it should not be
 * searched at all until the reader presses Enter: a lone unaccented letter ("d") is the first letter
 * of a word on its way, and its results (thousands of articles) would only flash by; the results shown
 * stay until the next query.
 */
export function typingDelay(query: string): number | null {
  const letters = [...query.trim()];
  if (letters.length !== 1) return TYPING_PAUSE_MS;
  const letter = letters[0]!;
  const plain = letter.normalize('NFD').replace(/\p{M}/gu, '');
  return plain === letter && !/^[đĐ]$/u.test(letter) ? null : ONE_LETTER_PAUSE_MS;
}
