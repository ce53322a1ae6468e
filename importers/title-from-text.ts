// Titles for text that has no title of its own.

export const MAX_TITLE_LENGTH = 160;

// A sentence ends at . ! ? … (plus closing quotes/brackets) followed by whitespace and a capital or opening
// quote. Periods inside numbers ("3.3", "30.410") and abbreviations like "TP.HCM" are not followed by space.
const SENTENCE_END = /[.!?…]+["”’»)]*(?=\s+["“‘«(]?[\p{Lu}\p{N}])/u;

/** Shortens at a word boundary, adding an ellipsis, when longer than max. */
export function shortenAtWord(text: string, max = MAX_TITLE_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** The first sentence of a paragraph, at most max characters. */
export function firstSentence(text: string, max = MAX_TITLE_LENGTH): string {
  const match = SENTENCE_END.exec(text);
  const sentence = match ? text.slice(0, match.index + match[0].length) : text;
  return shortenAtWord(sentence.trim(), max);
}

/** True when the text ends like a sentence rather than like a headline or a caption. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;]["”’»)]*$/u.test(text.trim());
}
