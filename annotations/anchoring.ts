// Placing an annotation in (possibly edited) article text. The order follows Hypothesis: trust
// the stored position if it still holds the quote, else look for the exact quote using its context,
// else look for an approximate match; anything left over is an orphan, never a wrong guess.
import search from 'approx-string-match';
import type { AnchorResult, AnnotationSelectors, TextQuoteSelector } from './model.ts';
import { CONTEXT_LENGTH, prefixSimilarity, suffixSimilarity } from './quote-context.ts';

export { describeRange } from './quote-context.ts';

// Weights of the evidence for a candidate match. The quote itself dominates; position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * A short quote with a quarter of its characters wrong matches plenty of unrelated text, so an
 * approximate match of a quote shorter than the context must also be backed by its context.
 */
const MIN_SHORT_FUZZY_SCORE = 0.7;

const ORPHAN: AnchorResult = { status: 'orphan' };

interface Candidate {
  start: number;
  end: number;
  score: number;
}

/** Places the selectors in `body`. Offsets in the result index the NFC form of `body`. */
export function anchor(body: string, selectors: AnnotationSelectors): AnchorResult {
  const text = body.normalize('NFC');
  const quote = normaliseQuote(selectors.quote);
  if (quote.exact === '') return ORPHAN;

  const position = selectors.position ?? null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { status: 'anchored', start: position.start, end: position.end, method: 'position', score: 1 };
  }

  const hint = position?.start ?? null;
  const exact = best(occurrences(text, quote.exact).map((start) => scoreCandidate(text, quote, hint, start, start + quote.exact.length, 0)));
  if (exact) return { status: 'anchored', start: exact.start, end: exact.end, method: 'quote', score: exact.score };

  const fuzzy = fuzzyMatch(text, quote, hint);
  if (fuzzy) return { status: 'anchored', start: fuzzy.start, end: fuzzy.end, method: 'fuzzy', score: fuzzy.score };
  return ORPHAN;
}

function fuzzyMatch(text: string, quote: TextQuoteSelector, hint: number | null): Candidate | null {
  const maxErrors = Math.min(32, Math.floor(quote.exact.length / 4));
  if (maxErrors === 0) return null;
  const candidates = search(text, quote.exact, maxErrors).map((match) =>
    scoreCandidate(text, quote, hint, match.start, match.end, match.errors),
  );
  const found = best(candidates);
  if (!found) return null;
  if (quote.exact.length < CONTEXT_LENGTH && found.score < MIN_SHORT_FUZZY_SCORE) return null;
  return found;
}

function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  hint: number | null,
  start: number,
  end: number,
  errors: number,
): Candidate {
  const quoteScore = 1 - errors / quote.exact.length;
  const closeness = hint === null ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  const weighted =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixSimilarity(text, start, quote.prefix) +
    SUFFIX_WEIGHT * suffixSimilarity(text, end, quote.suffix) +
    POSITION_WEIGHT * closeness;
  return { start, end, score: weighted / TOTAL_WEIGHT };
}

/** Highest score wins; on a tie, the earlier match (reading order). */
function best(candidates: Candidate[]): Candidate | null {
  let winner: Candidate | null = null;
  for (const candidate of candidates) {
    if (!winner || candidate.score > winner.score) winner = candidate;
  }
  return winner;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function normaliseQuote(quote: TextQuoteSelector): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: quote.exact.normalize('NFC'),
    prefix: (quote.prefix ?? '').normalize('NFC'),
    suffix: (quote.suffix ?? '').normalize('NFC'),
  };
}

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

/** Why a quote could or could not be located; lets callers give a precise error. */
export type QuoteLookup =
  | { status: 'found'; start: number; end: number; occurrences: number }
  | { status: 'not-found' }
  /** The quote occurs, but never with the given prefix/suffix around it. */
  | { status: 'context-mismatch'; occurrences: number };

/**
 * Exact lookup for a user-typed quote (the CLI's `annotate --quote`): the first occurrence, or the
 * first one the prefix/suffix agree with. Offsets index the NFC form of `body`.
 */
export function locateQuote(body: string, quote: string, context: QuoteContext = {}): QuoteLookup {
  const text = body.normalize('NFC');
  const exact = quote.normalize('NFC');
  if (exact === '') return { status: 'not-found' };
  const prefix = (context.prefix ?? '').normalize('NFC');
  const suffix = (context.suffix ?? '').normalize('NFC');
  const all = occurrences(text, exact);
  if (all.length === 0) return { status: 'not-found' };
  const start = all.find((at) => text.slice(0, at).endsWith(prefix) && text.startsWith(suffix, at + exact.length));
  if (start === undefined) return { status: 'context-mismatch', occurrences: all.length };
  return { status: 'found', start, end: start + exact.length, occurrences: all.length };
}

/** {start, end} of the first occurrence of `quote`, or of the one prefix/suffix single out; null if none. */
export function findQuote(body: string, quote: string, context: QuoteContext = {}): { start: number; end: number } | null {
  const lookup = locateQuote(body, quote, context);
  return lookup.status === 'found' ? { start: lookup.start, end: lookup.end } : null;
}
