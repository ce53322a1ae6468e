import { GrowableUint32 } from './growable-array.ts';
import { forEachPart, scanTokens } from './token-scanner.ts';
import { tokenize } from './tokenizer.ts';
import { foldCharacters } from './vietnamese-text.ts';

/**
 * A text's tokens, the same as tokenize's, for marking matches: the text is lowercased and folded
 * once, and each token is a span of that folded text in flat arrays. A results page marks twenty
 * whole articles at every keystroke; an object and a string per token was most of that work.
 */
export class FoldedTokens {
  /** The whole text, lowercased and folded one UTF-16 unit for one, so spans are offsets into the original. */
  readonly #folded: string;
  /** Set only for texts whose lowercase changes length (İ → i̇): each token's folded form, as tokenize gives it. */
  readonly #forms: string[] | null;
  readonly #start: Uint32Array;
  readonly #end: Uint32Array;
  readonly #part: Uint8Array;
  /** Indices of the whole tokens (no compound parts), whose neighbours are adjacent syllables. */
  readonly whole: Uint32Array;

  private constructor(folded: string, forms: string[] | null, start: Uint32Array, end: Uint32Array, part: Uint8Array) {
    this.#folded = folded;
    this.#forms = forms;
    this.#start = start;
    this.#end = end;
    this.#part = part;
    const whole = new GrowableUint32(start.length || 1);
    for (let k = 0; k < part.length; k++) if (!part[k]) whole.push(k);
    this.whole = whole.toArray();
  }

  static of(text: string): FoldedTokens {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) {
      const tokens = tokenize(text);
      return new FoldedTokens(
        '',
        tokens.map((token) => token.folded),
        Uint32Array.from(tokens, (token) => token.start),
        Uint32Array.from(tokens, (token) => token.end),
        Uint8Array.from(tokens, (token) => (token.part ? 1 : 0)),
      );
    }
    const folded = foldCharacters(lower);
    const starts = new GrowableUint32(256);
    const ends = new GrowableUint32(256);
    const parts: number[] = [];
    const add = (start: number, end: number, part: boolean): void => {
      starts.push(start);
      ends.push(end);
      parts.push(part ? 1 : 0);
    };
    scanTokens(folded, (start, end, joined) => {
      add(start, end, false);
      if (joined) forEachPart(folded, start, end, (partStart, partEnd) => add(partStart, partEnd, true));
    });
    return new FoldedTokens(folded, null, starts.toArray(), ends.toArray(), Uint8Array.from(parts));
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
    return this.#part[k] === 1;
  }

  /** Whether token k's folded form is exactly `folded`. */
  is(k: number, folded: string): boolean {
    if (this.#forms) return this.#forms[k] === folded;
    const start = this.#start[k]!;
    return this.#end[k]! - start === folded.length && this.#folded.startsWith(folded, start);
  }

  /** Whether token k's folded form begins with `prefix`. */
  startsWith(k: number, prefix: string): boolean {
    if (this.#forms) return this.#forms[k]!.startsWith(prefix);
    const start = this.#start[k]!;
    return this.#end[k]! - start >= prefix.length && this.#folded.startsWith(prefix, start);
  }

  /** Token k's folded form, as a string of its own. */
  folded(k: number): string {
    return this.#forms ? this.#forms[k]! : this.#folded.slice(this.#start[k]!, this.#end[k]!);
  }
}
