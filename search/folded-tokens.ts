import { GrowableUint32 } from './growable-array.ts';
import { abbreviationAt, abbreviationCandidates } from './press-abbreviations.ts';
import { forEachPart, scanTokens } from './token-scanner.ts';
import { breaksSentence, joinsAbbreviation, tokenize, type TokenKind } from './tokenizer.ts';
import { iyCanonical, isSeparatedNumber, numberTerms } from './term-forms.ts';
import { foldCharacters } from './vietnamese-text.ts';

const KIND_CODES: Record<TokenKind, number> = { word: 0, compound: 1, part: 2, alias: 3 };
const WORD = 0;
const COMPOUND = 1;
const PART = 2;
const ALIAS = 3;

/**
 * A text's tokens, the same as tokenize's, for marking matches: the text is lowercased and folded
 * once, and each token is a span of that folded text in flat arrays. A results page marks twenty
 * whole articles at every keystroke; an object and a string per token was most of that work. The
 * few tokens whose term is not their folded span (1.000 → 1000, kỉ → ky, TP.HCM → tphcm) keep
 * their term aside.
 */
export class FoldedTokens {
  /** The whole text, lowercased and folded one UTF-16 unit for one, so spans are offsets into the original. */
  readonly #folded: string;
  /** Each token's term where it is not its folded span (all of them for texts whose lowercase changes length, İ → i̇). */
  readonly #forms: Map<number, string>;
  /** 1 for a token with a term of its own in #forms: the Map is asked only for those. */
  readonly #hasForm: Uint8Array;
  readonly #start: Uint32Array;
  readonly #end: Uint32Array;
  readonly #kind: Uint8Array;
  /** Indices of the tokens of the syllable sequence (words and compound parts), whose neighbours are adjacent syllables. */
  readonly whole: Uint32Array;

  private constructor(folded: string, forms: Map<number, string>, start: Uint32Array, end: Uint32Array, kind: Uint8Array) {
    this.#folded = folded;
    this.#forms = forms;
    this.#start = start;
    this.#end = end;
    this.#kind = kind;
    this.#hasForm = new Uint8Array(start.length);
    for (const k of forms.keys()) this.#hasForm[k] = 1;
    const whole = new GrowableUint32(start.length || 1);
    for (let k = 0; k < kind.length; k++) if (kind[k] === WORD || kind[k] === PART) whole.push(k);
    this.whole = whole.toArray();
  }

  static of(text: string): FoldedTokens {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) {
      const tokens = tokenize(text);
      return new FoldedTokens(
        '',
        new Map(tokens.map((token, k) => [k, token.folded])),
        Uint32Array.from(tokens, (token) => token.start),
        Uint32Array.from(tokens, (token) => token.end),
        Uint8Array.from(tokens, (token) => KIND_CODES[token.kind]),
      );
    }
    const folded = foldCharacters(lower);
    const starts: number[] = [];
    const ends: number[] = [];
    const kinds: number[] = [];
    const forms = new Map<number, string>();
    const add = (start: number, end: number, kind: number, form: string | null): void => {
      if (form !== null) forms.set(starts.length, form);
      starts.push(start);
      ends.push(end);
      kinds.push(kind);
    };
    // Only numbers and two- or three-letter syllables ending in i can have a term other than their span.
    const syllableAt = (start: number, end: number): string | null =>
      end - start <= 3 && folded.charCodeAt(end - 1) === 0x69 ? syllableForm(folded.slice(start, end)) : null;
    scanTokens(folded, (start, end, joined) => {
      const first = folded.charCodeAt(start);
      if (first >= 0x30 && first <= 0x39 && end - start >= 3) {
        const span = folded.slice(start, end);
        if (isSeparatedNumber(span)) {
          // The same readings as tokenize's (otherNumberReading), without its cache look-up.
          const [term, other] = numberTerms(span);
          add(start, end, WORD, term === span ? null : term);
          if (other !== null) add(start, end, ALIAS, other);
          return;
        }
      }
      add(start, end, joined ? COMPOUND : WORD, joined ? null : syllableAt(start, end));
      if (joined) forEachPart(folded, start, end, (partStart, partEnd) => add(partStart, partEnd, PART, syllableAt(partStart, partEnd)));
    });
    const candidates = abbreviationCandidates(folded);
    const spans: Spans = candidates.length > 0 ? withAbbreviations(text, folded, candidates, { starts, ends, kinds, forms }) : { starts, ends, kinds, forms };
    return new FoldedTokens(folded, spans.forms, Uint32Array.from(spans.starts), Uint32Array.from(spans.ends), Uint8Array.from(spans.kinds));
  }

  get count(): number {
    return this.#start.length;
  }

  start(k: number): number {
    return this.#start[k]!;
  }

  end(k: number): number {
    return this.#end[k]!;
  }

  isPart(k: number): boolean {
    return this.#kind[k] === PART;
  }

  /**
   * The first UTF-16 unit of token k's folded form, or -1 when the token has a term of its own (a
   * number, an abbreviation, the i/y spelling): marking skips a token no query word can start like.
   */
  firstUnit(k: number): number {
    return this.#hasForm[k] ? -1 : this.#folded.charCodeAt(this.#start[k]!);
  }

  /** Whether token k's folded form is exactly `folded`. */
  is(k: number, folded: string): boolean {
    if (this.#hasForm[k]) return this.#forms.get(k) === folded;
    const start = this.#start[k]!;
    return this.#end[k]! - start === folded.length && this.#folded.startsWith(folded, start);
  }

  /** Whether token k's folded form begins with `prefix`. */
  startsWith(k: number, prefix: string): boolean {
    if (this.#hasForm[k]) return this.#forms.get(k)!.startsWith(prefix);
    const start = this.#start[k]!;
    return this.#end[k]! - start >= prefix.length && this.#folded.startsWith(prefix, start);
  }

  /** Token k's folded form, as a string of its own. */
  folded(k: number): string {
    return this.#forms.get(k) ?? this.#folded.slice(this.#start[k]!, this.#end[k]!);
  }
}

/** A folded syllable's term where it differs from the syllable (the i/y spelling), else null. */
function syllableForm(span: string): string | null {
  if (span.length > 3) return null;
  const canonical = iyCanonical(span);
  return canonical === span ? null : canonical;
}

/** The tokens with each spelt-out abbreviation's compact term added, spanning its spelling. */
interface Spans {
  starts: number[];
  ends: number[];
  kinds: number[];
  forms: Map<number, string>;
}

function withAbbreviations(text: string, folded: string, candidates: readonly number[], { starts, ends, kinds, forms }: Spans): Spans {
  const formOf = (k: number): string => forms.get(k) ?? folded.slice(starts[k]!, ends[k]!);
  const inserted = new Map<number, { end: number; term: string }>();
  let k = 0;
  for (const at of candidates) {
    while (k < starts.length && (starts[k]! < at || kinds[k] !== WORD)) k++;
    if (k === starts.length) break;
    if (starts[k] !== at) continue;
    // The words from k on, as tokenize sees them: the longest spelling has five.
    const words: number[] = [k];
    for (let j = k + 1; j < kinds.length && words.length < 6; j++) if (kinds[j] === WORD) words.push(j);
    const match = abbreviationAt(
      words.length,
      0,
      (w) => formOf(words[w]!),
      (w) => {
        // Adjacent words, as tokenize sees them: no compound or sentence mark between.
        const previous = words[w - 1]!;
        const current = words[w]!;
        if (current !== previous + 1 && !(current === previous + 2 && kinds[previous + 1] === ALIAS)) return false;
        const between = text.slice(ends[previous]!, starts[current]!);
        return !breaksSentence(between, text.slice(starts[previous]!, ends[previous]!), formOf(previous)) && joinsAbbreviation(between);
      },
    );
    if (match) inserted.set(k, { end: ends[words[match.length - 1]!]!, term: match.abbreviation.term });
  }
  // Appended, not in text order: marking looks at every token and merges its ranges anyway.
  for (const [k, alias] of inserted) {
    forms.set(starts.length, alias.term);
    starts.push(starts[k]!);
    ends.push(alias.end);
    kinds.push(ALIAS);
  }
  const out: Spans = { starts, ends, kinds, forms };
  return out;
}
