import type { SearchDocument } from './search-document.ts';
import type { ParsedQuery, QueryWord } from './query-parser.ts';
import { FoldedTokens } from './folded-tokens.ts';
import type { SnippetFocus } from './snippet.ts';
import { exactSyllable } from './tokenizer.ts';
import type { TypoCorrection } from './typo-model.ts';
import type { MatchRange } from './types.ts';

/** A marked span; `typo` when it stands only for a typo correction the engine searched. */
export type MarkRange = { start: number; end: number; typo?: true };

/** The typo model's corrections per query word index, as the engine searched them. */
export type WordCorrections = readonly (readonly TypoCorrection[] | undefined)[];

/** Where each phrase occurs: runs of adjacent whole tokens matching its syllables in order. */
function phraseRanges(tokens: FoldedTokens, phrase: readonly QueryWord[], ranges: MarkRange[], focus: SnippetFocus | null): void {
  const { whole } = tokens;
  for (let i = 0; i + phrase.length <= whole.length; i++) {
    if (phrase.every((word, k) => tokens.is(whole[i + k]!, word.folded))) {
      const range = { start: tokens.start(whole[i]!), end: tokens.end(whole[i + phrase.length - 1]!) };
      ranges.push(range);
      focus?.runs.push({ ...range, length: phrase.length, exact: false });
    }
  }
}

/** Per token, bit i for query word i: how the token matches it. */
interface TokenMatches {
  tokens: FoldedTokens;
  /** Folded form is the word's (any tones). */
  folded: Uint32Array;
  /** Written with the tones typed (accented words only). */
  exact: Uint32Array;
  /** The hỏi/ngã swap of the typed form, when the engine searched it. */
  tone: Uint32Array;
  /** A spelling correction the engine searched for the word. */
  typo: Uint32Array;
  /** Begins with the last word, being typed: 1 folded, 2 also with the tones typed. */
  prefix: Uint8Array;
  /** A title: filter word. */
  other: Uint8Array;
}

function tokenMatches(text: string, tokens: FoldedTokens, query: ParsedQuery, corrections: WordCorrections, includeTitleFilter: boolean): TokenMatches {
  const n = tokens.count;
  const m: TokenMatches = { tokens, folded: new Uint32Array(n), exact: new Uint32Array(n), tone: new Uint32Array(n), typo: new Uint32Array(n), prefix: new Uint8Array(n), other: new Uint8Array(n) };
  const words = query.words.slice(0, 32);
  const filterWords = includeTitleFilter ? query.filters.filter((f) => f.field === 'title').flatMap((f) => f.words.map((w) => w.folded)) : [];
  const last = query.prefix ? words[words.length - 1] : undefined;
  const spelling = words.map((_, i) => (corrections[i] ?? []).filter((c) => c.kind !== 'tone').map((c) => c.term));
  const tones = words.map((_, i) => (corrections[i] ?? []).filter((c) => c.kind === 'tone').map((c) => c.term));
  // A token can match only if it starts like some word, correction, prefix or filter word: most
  // tokens of an article are ruled out by their first letter before any comparison.
  const wanted = [...words.map((word) => word.folded), ...spelling.flat(), ...filterWords];
  const firstUnits = wanted.every((text) => text.length > 0) ? new Set(wanted.map((text) => text.charCodeAt(0))) : null;
  // Token k's exact syllable, computed once for the token asked about (one function, not one closure per token).
  let exactToken = -1;
  let exactForm = '';
  let k = 0;
  const exactOf = (): string => {
    if (exactToken !== k) {
      exactToken = k;
      exactForm = exactSyllable(text.slice(tokens.start(k), tokens.end(k)));
    }
    return exactForm;
  };
  for (; k < n; k++) {
    if (firstUnits) {
      const first = tokens.firstUnit(k);
      if (first >= 0 && !firstUnits.has(first)) continue;
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const bit = 1 << i;
      if (tokens.is(k, word.folded)) {
        m.folded[k]! |= bit;
        if (word.accented && exactOf() === word.exact) m.exact[k]! |= bit;
        else if (word.accented && tones[i]!.includes(exactOf())) m.tone[k]! |= bit;
      } else if (spelling[i]!.some((term) => tokens.is(k, term))) m.typo[k]! |= bit;
    }
    // The word itself is matched above; a prefix mark is for the longer words it may be the start of.
    if (last && tokens.startsWith(k, last.folded) && !tokens.is(k, last.folded)) m.prefix[k] = last.accented && exactOf().startsWith(last.exact) ? 2 : 1;
    if (filterWords.some((folded) => tokens.is(k, folded))) m.other[k] = 1;
  }
  return m;
}

/**
 * Which matches are marked, per token: for an accented word, an article holding the form typed (or
 * the hỏi/ngã swap the engine searched) marks only those; one that does not was found through the
 * folded form, so its folded forms are what matched and are marked. Typo corrections are marked as such.
 */
function keptMatches(fields: readonly TokenMatches[], words: readonly QueryWord[]): { plain: Uint32Array[]; typo: Uint32Array[]; other: Uint8Array[] } {
  let accented = 0;
  words.slice(0, 32).forEach((word, i) => (accented |= word.accented ? 1 << i : 0));
  let typedHere = 0;
  for (const f of fields) for (let k = 0; k < f.tokens.count; k++) typedHere |= (f.exact[k]! | f.tone[k]!) & accented;
  const byForm = typedHere;
  // The same for the word being typed, as a prefix: its completions with the tones typed, if any.
  const prefixByForm = fields.some((f) => f.prefix.includes(2));
  const prefixAbove = prefixByForm ? 1 : 0;
  const other: Uint8Array[] = [];
  const plain: Uint32Array[] = [];
  const typo: Uint32Array[] = [];
  // Plain loops: a callback per token (typed arrays' map) was a tenth of marking a page.
  for (const f of fields) {
    const n = f.tokens.count;
    const o = new Uint8Array(n);
    const p = new Uint32Array(n);
    const t = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      o[k] = f.other[k] || f.prefix[k]! > prefixAbove ? 1 : 0;
      p[k] = (f.folded[k]! & ~byForm) | (f.exact[k]! & byForm);
      t[k] = f.typo[k]! | (f.tone[k]! & byForm);
    }
    other.push(o);
    plain.push(p);
    typo.push(t);
  }
  return { other, plain, typo };
}

/** The forms marked as typo corrections, per query word: what a "did you mean" notice shows. */
export type CorrectedForms = Map<number, Map<string, number>>;

function fieldRanges(
  text: string,
  f: TokenMatches,
  plain: Uint32Array,
  typo: Uint32Array,
  other: Uint8Array,
  words: readonly QueryWord[],
  exactWords: number,
  corrected: CorrectedForms,
  focus: SnippetFocus | null,
): MarkRange[] {
  const { tokens } = f;
  const ranges: MarkRange[] = [];
  const kept = new Uint32Array(plain.length);
  for (let k = 0; k < kept.length; k++) kept[k] = plain[k]! | typo[k]!;
  for (let k = 0; k < tokens.count; k++) {
    if (kept[k] === 0 && other[k] === 0) continue;
    const range: MarkRange = { start: tokens.start(k), end: tokens.end(k) };
    if (plain[k] === 0 && other[k] === 0) range.typo = true;
    for (let i = 0; typo[k] && i < 32; i++) {
      if (!(typo[k]! & (1 << i))) continue;
      const forms = corrected.get(i) ?? new Map<string, number>();
      const form = text.slice(range.start, range.end).toLowerCase();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      corrected.set(i, forms);
    }
    ranges.push(range);
    if (kept[k] !== 0) focus?.words.push({ start: range.start, end: range.end, mask: kept[k]! });
  }
  // Consecutive query words found side by side are one mark ("dam phan" marks "đàm phán" whole), and
  // runs of them in query order are what a snippet centres on.
  const { whole } = tokens;
  for (let w = 0; w + 1 < whole.length; w++) {
    const first = kept[whole[w]!]!;
    if (first === 0) continue;
    for (let i = 0; i + 1 < words.length && i < 31; i++) {
      if (!(first & (1 << i))) continue;
      let length = 1;
      let exact = (f.exact[whole[w]!]! & (1 << i)) !== 0 || !(exactWords & (1 << i));
      while (w + length < whole.length && i + length < Math.min(words.length, 32) && kept[whole[w + length]!]! & (1 << (i + length))) {
        const bit = 1 << (i + length);
        exact &&= (f.exact[whole[w + length]!]! & bit) !== 0 || !(exactWords & bit);
        length++;
      }
      if (length < 2) continue;
      focus?.runs.push({ start: tokens.start(whole[w]!), end: tokens.end(whole[w + length - 1]!), length, exact });
      for (let p = 0; p + 1 < length; p++) {
        const a = whole[w + p]!;
        const b = whole[w + p + 1]!;
        // A typo correction keeps its own mark, so the word typed right beside it does not look corrected.
        if (plain[a]! & (1 << (i + p)) && plain[b]! & (1 << (i + p + 1))) ranges.push({ start: tokens.start(a), end: tokens.end(b) });
      }
    }
  }
  return ranges;
}

/** Merges overlapping ranges (a compound and its parts, a word inside a phrase) into one mark each. */
function merge(ranges: MarkRange[]): MarkRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MarkRange[] = [];
  for (const range of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && range.start < previous.end) {
      previous.end = Math.max(previous.end, range.end);
      if (previous.typo && !range.typo) delete previous.typo;
    } else merged.push({ ...range });
  }
  return merged;
}

export interface DocumentMatches {
  matches: MatchRange[];
  bodyRanges: MarkRange[];
  /** Where the query's words stand in the body, for the snippet to centre on. */
  bodyFocus: SnippetFocus;
  /** Per query word, the forms marked as its typo corrections, with how often. */
  corrected: CorrectedForms;
  exactHits: number;
}

// Typing a query re-highlights the same top articles at every keystroke; their tokens are kept.
const TOKEN_CACHE_SIZE = 128;
const tokenCache = new Map<string, FoldedTokens>();

function cachedTokens(normalized: string): FoldedTokens {
  let tokens = tokenCache.get(normalized);
  if (tokens) tokenCache.delete(normalized);
  else tokens = FoldedTokens.of(normalized);
  tokenCache.set(normalized, tokens);
  if (tokenCache.size > TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  return tokens;
}

/** How many tokens are written exactly as an accented query word (the "ranks above folded" part of the score). */
function countExact(f: TokenMatches): number {
  let count = 0;
  for (let k = 0; k < f.exact.length; k++) if (f.exact[k]) count++;
  return count;
}

/** The marks of one article for a query, given the typo corrections the engine searched for each word. */
export function matchDocument(doc: SearchDocument, query: ParsedQuery, corrections: WordCorrections = []): DocumentMatches {
  const title = doc.title.normalize('NFC');
  const body = doc.body.normalize('NFC');
  const titleMatches = tokenMatches(title, cachedTokens(title), query, corrections, true);
  const bodyMatches = tokenMatches(body, cachedTokens(body), query, corrections, false);
  const { plain, typo, other } = keptMatches([titleMatches, bodyMatches], query.words);
  let exactWords = 0;
  query.words.slice(0, 32).forEach((word, i) => (exactWords |= word.accented ? 1 << i : 0));
  const bodyFocus: SnippetFocus = { words: [], runs: [] };
  const corrected: CorrectedForms = new Map();
  const titleMarks = fieldRanges(title, titleMatches, plain[0]!, typo[0]!, other[0]!, query.words, exactWords, corrected, null);
  const bodyMarks = fieldRanges(body, bodyMatches, plain[1]!, typo[1]!, other[1]!, query.words, exactWords, corrected, bodyFocus);
  for (const phrase of query.phrases) {
    phraseRanges(titleMatches.tokens, phrase, titleMarks, null);
    phraseRanges(bodyMatches.tokens, phrase, bodyMarks, bodyFocus);
  }
  const titleRanges = merge(titleMarks);
  const bodyRanges = merge(bodyMarks);
  return {
    matches: [...titleRanges.map((r) => ({ field: 'title' as const, ...r })), ...bodyRanges.map((r) => ({ field: 'body' as const, ...r }))],
    bodyRanges,
    bodyFocus,
    corrected,
    exactHits: countExact(titleMatches) + countExact(bodyMatches),
  };
}
