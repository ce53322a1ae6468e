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

/**
 * Whether a first line reads like a headline: short, mostly words (not a dateline such as
 * "Thứ Hai, 4/3/2024, 15:05 (GMT+7)" or a link), not starting mid-sentence in lower case, and not
 * ending like a sentence — a first line that is a finished sentence is the text's opening, not its title.
 */
export function isPlausibleTitle(text: string): boolean {
  const line = text.trim();
  if (line.length < 3 || line.length > MAX_TITLE_LENGTH) return false;
  if (endsLikeSentence(line)) return false;
  if (/^(?:https?:\/\/|www\.)/iu.test(line) || /^\p{Ll}/u.test(line)) return false;
  if (line.split(/\s+/u).length > 30) return false;
  return isMostlyWords(line);
}

/** At least half of the visible characters are letters: prose or a headline, not a dateline or a figure. */
export function isMostlyWords(text: string): boolean {
  const visible = text.replace(/\s+/gu, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && letters * 2 >= visible.length;
}

/**
 * A title made from the text's first sentence: leading bullets and dashes and a lone opening quote
 * trimmed, and its final full stop dropped (a headline has none; "…", "?" and "!" stay).
 */
export function cleanFirstSentence(text: string, max = MAX_TITLE_LENGTH): string {
  let sentence = firstSentence(text.replace(/^[\s•*·–—-]+/u, ''), max);
  const opening = /^["“«‘]/u.exec(sentence)?.[0];
  const closing = { '"': '"', '“': '”', '«': '»', '‘': '’' }[opening ?? ''];
  if (opening && closing && !sentence.slice(1).includes(closing)) sentence = sentence.slice(1);
  return sentence.replace(/(?<!\.)\.$/u, '').trim();
}
