import lunr from 'lunr';
import type { SearchDocument } from './search-document.ts';
import { CandidateSet } from './candidate-set.ts';
import { buildCompactIndex, deserializeCompactIndex, firstSortedAtOrAfter, searchable, serializeCompactIndex, type CompactIndex, type SearchableIndex } from './compact-index.ts';
import { FIELD_NAMES, FIELDS, type FieldName } from './index-fields.ts';
import { ExactForms, hasExact } from './accent-restoration.ts';
import type { PostingReader } from './posting-readers.ts';
import { gallopTo, walkSequence } from './sequence-walk.ts';
import { PairCache, QueryPair, TIER_EXACT } from './proximity-ranking.ts';
import type { ParsedQuery, QueryWord } from './query-parser.ts';
import { buildQuery, type Clause } from './query-clauses.ts';
import { allowsConfusions, type TypoCorrection } from './typo-model.ts';
import { CONTEXT_CLAUSE, TypoCorrector } from './typo-corrector.ts';
import { allowedDocs, type AllowedDocs } from './allowed-docs.ts';

const POSITIONAL_FIELDS: FieldName[] = ['titleFolded', 'bodyFolded'];
// BM25, per field.
const K1 = 1.2;
const B = 0.75;
// A one-letter prefix could expand to thousands of terms; the most frequent ones are what a reader means.
const MAX_PREFIX_TERMS = 100;
// While the last word is still being typed, its most frequent completions are checked for standing
// right after the word before ("dam pha" → đàm phán): such a completion counts as the word itself.
const PREFIX_ADJACENCY_CHECKED = 4;

// @types/lunr omits TokenSet's static constructors.
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(sortedWords: string[]): lunr.TokenSet;
};

interface Scratch {
  score: Float64Array;
  wordMask: Uint32Array;
  /** Words matched by the term itself, not only by a prefix expansion or a typo. */
  strictMask: Uint32Array;
  requiredSeen: Uint32Array;
  requiredHits: Uint16Array;
  excluded: Uint8Array;
  seen: Uint8Array;
  touched: Uint32Array;
}

/**
 * Vietnamese-aware full-text search. Queries are lunr queries (lunr.Query clauses with fields,
 * boosts, presence, trailing wildcards and edit distance) and typos expand through a lunr TokenSet;
 * postings live in the compact typed-array index, scored with BM25 per field.
 */
export class SearchEngine {
  readonly #index: SearchableIndex;
  /** The title's and the body's folded fields, in the order of their bits (1, 2) in sequence walks. */
  readonly #positionalFields: readonly PostingReader[];
  /** What serialize() gives: the built index, or the bytes it was loaded from. */
  readonly #source: CompactIndex | Uint8Array;
  /** Built on first use: only a newer segment is asked, to shadow older ones, and at 100,000 ids it costs load time. */
  #idSet: Set<string> | null = null;
  /** Document number of each id, made on first use by a search narrowed to named ids. */
  #docOf: Map<string, number> | null = null;
  #fuzzyTerms: lunr.TokenSet | null = null;
  #typos: TypoCorrector | null = null;
  #scratch: Scratch | null = null;
  #exactForms: ExactForms | null = null;
  readonly #pairs = new PairCache();
  #lastPrefix: { prefix: string; terms: readonly number[] } | null = null;
  readonly #lengthNorms = new Map<FieldName, Float32Array>();

  private constructor(index: SearchableIndex, source: CompactIndex | Uint8Array) {
    this.#index = index;
    this.#source = source;
    this.#positionalFields = POSITIONAL_FIELDS.map((name) => index.fields[name]);
  }

  static build(docs: Iterable<SearchDocument>): SearchEngine {
    const built = buildCompactIndex(docs);
    return new SearchEngine(searchable(built), built);
  }

  static deserialize(bytes: Uint8Array): SearchEngine {
    return new SearchEngine(deserializeCompactIndex(bytes), bytes);
  }

  serialize(): Uint8Array {
    return this.#source instanceof Uint8Array ? this.#source : serializeCompactIndex(this.#source);
  }

  get size(): number {
    return this.#index.ids.length;
  }

  has(id: string): boolean {
    this.#idSet ??= new Set(this.#index.ids);
    return this.#idSet.has(id);
  }

  ids(): string[] {
    return [...this.#index.ids];
  }

  /** Whether a folded term is in this segment's vocabulary: the query parser leaves such words undecoded. */
  hasTerm(term: string): boolean {
    return this.#index.termIds.has(term);
  }

  /**
   * Every document the query matches, with how many query words it has, adjacency and score; quoted
   * phrases are verified here, against the positions of every syllable. Unsorted: the caller merges
   * segments and selects only the page it shows.
   */
  /**
   * The documents matching a query, scored and graded. `only` narrows them to some ids before anything
   * is graded for proximity (a saved search counting its new articles, a filtered search): what it
   * leaves out costs nothing beyond its postings. `rank` false (a count) skips grading by proximity,
   * which orders candidates but never changes which match.
   */
  candidates(query: ParsedQuery, only: ((id: string) => boolean) | null = null, rank = true, onlyIds: ReadonlySet<string> | null = null): CandidateSet {
    const n = this.#index.ids.length;
    // Named ids (a saved search's new articles): the documents outside them are skipped as their
    // postings are read, before anything is scored; a segment holding none of them is not searched.
    const allowed = onlyIds ? this.#docsOf(onlyIds) : null;
    if (allowed === undefined) return new CandidateSet(this.#index.ids, this.#index.dates, new Uint32Array(0), new Uint8Array(0), new Uint8Array(0), new Float64Array(0));
    const { query: lunrQuery, clauseWords, clauseLoose } = buildQuery(query);
    const scratch = this.#scratchBuffers();
    // Taken for this query and given back clean at its end; if anything throws, the next query starts afresh.
    this.#scratch = null;
    const { score, wordMask, strictMask, requiredSeen, requiredHits, excluded, seen, touched } = scratch;
    let touchedCount = 0;
    let requiredCount = 0;
    let anyExcluded = false;

    // A plain loop, not forEach: the counters it updates per posting stay locals of this function.
    const clauses = lunrQuery.clauses as Clause[];
    for (let c = 0; c < clauses.length; c++) {
      const clause = clauses[c]!;
      const required = clause.presence === lunr.Query.presence.REQUIRED;
      const prohibited = clause.presence === lunr.Query.presence.PROHIBITED;
      if (required) requiredCount++;
      const word = clauseWords[c] ?? null;
      const bit = word === null ? 0 : 1 << word;
      const strictBit = clauseLoose[c] ? 0 : bit;
      const boost = clause.boost ?? 1;
      for (const term of this.#expand(clause, query.words, word)) {
        for (const name of (clause.fields ?? FIELD_NAMES) as FieldName[]) {
          const field = this.#index.fields[name];
          const count = field.count(term);
          if (count === 0) continue;
          const { docs, tf: tfs } = field.postings(term);
          if (prohibited) {
            for (let p = 0; p < count; p++) excluded[docs[p]!] = 1;
            anyExcluded = true;
            continue;
          }
          const df = documentFrequency(this.#index, name, term, count);
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          const weight = boost * FIELDS[name].boost * idf * (K1 + 1);
          const lengthNorm = this.#lengthNorm(name);
          // Postings are in document order: with named ids, only the stretch between the first and last of them is read.
          const from = allowed === null ? 0 : gallopTo(docs, 0, allowed.first);
          const to = allowed === null ? count : gallopTo(docs, from, allowed.last + 1);
          for (let p = from; p < to; p++) {
            const d = docs[p]!;
            if (allowed !== null && allowed.marks[d] === 0) continue;
            if (!seen[d]) {
              seen[d] = 1;
              touched[touchedCount++] = d;
            }
            const tf = tfs[p]!;
            score[d]! += (weight * tf) / (tf + lengthNorm[d]!);
            wordMask[d]! |= bit;
            strictMask[d]! |= strictBit;
            if (required && requiredSeen[d] !== c + 1) {
              requiredSeen[d] = c + 1;
              requiredHits[d]!++;
            }
          }
        }
      }
    }

    const alsoAdjacent = this.#prefixAdjacency(query, seen, strictMask);
    const docs = new Uint32Array(touchedCount);
    const words = new Uint8Array(touchedCount);
    const strictWords = new Uint8Array(touchedCount);
    const scores = new Float64Array(touchedCount);
    let count = 0;
    const needsWords = query.words.length > 0 && query.phrases.length === 0;
    const phrases = query.phrases.map((phrase) => this.#docsWithSequence(this.#termIdsOf(phrase)));
    const excludedPhrases = query.excludedPhrases.map((phrase) => this.#docsWithSequence(this.#termIdsOf(phrase)));
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t]!;
      const matched = popcount(wordMask[d]!);
      const keep =
        !excluded[d] &&
        requiredHits[d]! >= requiredCount &&
        (!needsWords || matched > 0) &&
        (phrases.length === 0 || phrases.every((docs) => docs[d] !== 0)) &&
        (excludedPhrases.length === 0 || !excludedPhrases.some((docs) => docs[d] !== 0)) &&
        (only === null || only(this.#index.ids[d]!));
      if (keep) {
        docs[count] = d;
        words[count] = matched;
        strictWords[count] = popcount(strictMask[d]!);
        scores[count] = score[d]!;
        count++;
      }
      seen[d] = 0;
      score[d] = 0;
      wordMask[d] = 0;
      strictMask[d] = 0;
      requiredSeen[d] = 0;
      requiredHits[d] = 0;
    }
    if (anyExcluded) excluded.fill(0);
    this.#scratch = scratch;
    const kept = docs.subarray(0, count);
    const proximity = new Uint8Array(count);
    if (rank && query.words.length >= 2) this.#rankProximity(query.words, kept, words, scores, proximity, alsoAdjacent);
    if (rank) query.phrases.forEach((phrase, i) => this.#rankPhraseTones(phrase, phrases[i]!, kept, proximity));
    return new CandidateSet(this.#index.ids, this.#index.dates, docs.slice(0, count), words.slice(0, count), proximity, scores.slice(0, count), strictWords.slice(0, count));
  }

  /** The documents of this segment among `ids`; undefined when none of them is here. */
  #docsOf(ids: ReadonlySet<string>): AllowedDocs | undefined {
    if (!this.#docOf) {
      this.#docOf = new Map();
      this.#index.ids.forEach((id, d) => this.#docOf!.set(id, d));
    }
    return allowedDocs(ids, this.#docOf, this.#index.ids.length);
  }

  /**
   * Per-query working arrays, one slot per document, kept between queries and reset through the
   * touched list: at 100,000 articles, fresh ones were megabytes of garbage per keystroke.
   */
  #scratchBuffers(): Scratch {
    const n = this.#index.ids.length;
    this.#scratch ??= {
      score: new Float64Array(n),
      wordMask: new Uint32Array(n),
      strictMask: new Uint32Array(n),
      requiredSeen: new Uint32Array(n),
      requiredHits: new Uint16Array(n),
      excluded: new Uint8Array(n),
      seen: new Uint8Array(n),
      touched: new Uint32Array(n),
    };
    return this.#scratch;
  }

  /** BM25's K1 · (1 − B + B · length / average) per document, computed once per field. */
  #lengthNorm(name: FieldName): Float32Array {
    let norms = this.#lengthNorms.get(name);
    if (!norms) {
      const field = this.#index.fields[name];
      norms = new Float32Array(field.lengths.length);
      for (let d = 0; d < norms.length; d++) norms[d] = K1 * (1 - B + (B * field.lengths[d]!) / (field.averageLength || 1));
      this.#lengthNorms.set(name, norms);
    }
    return norms;
  }

  /**
   * Grades every candidate by how its query words stand together (proximity-ranking.ts): one walk
   * along the posting lists of each consecutive pair, not a look-up per document.
   */
  #rankProximity(queryWords: readonly QueryWord[], docs: Uint32Array, words: Uint8Array, scores: Float64Array, proximity: Uint8Array, alsoAdjacent: Uint8Array | null): void {
    this.#exactForms ??= new ExactForms(this.#index);
    const forms = this.#exactForms;
    const last = Math.min(queryWords.length, 32) - 1;
    const spellings = queryWords.slice(0, last + 1).map((_, i) => this.#spellingsOf(queryWords, i));
    const titleNorm = this.#lengthNorm('titleFolded');
    const bodyNorm = this.#lengthNorm('bodyFolded');
    for (let i = 1; i <= last; i++) {
      const pairs = spellings[i - 1]!.flatMap((a) => spellings[i]!.map((b) => new QueryPair(this.#index, forms, a, b, i === last ? alsoAdjacent : null, this.#pairs)));
      // The pair weighs like a word typed without marks, in the same fields (query-clauses.ts).
      const pairBoost = queryWords[i - 1]!.accented || queryWords[i]!.accented ? 1 : 2;
      const weights = { title: pairBoost * FIELDS.titleFolded.boost, body: pairBoost * FIELDS.bodyFolded.boost, k1: K1 };
      for (let c = 0; c < docs.length; c++) {
        // Only a document with every word is graded: one missing a rare word ("GDP") is ranked by BM25
        // among its like, not below every document with the common pair beside each other.
        if (words[c]! <= last) continue;
        const d = docs[c]!;
        let tier = 0;
        let boost = 1;
        let together = 0;
        for (const pair of pairs) {
          if (!pair.touches(d)) continue;
          tier = Math.max(tier, pair.tier(d));
          boost = Math.max(boost, pair.boost(d));
          together = Math.max(together, pair.occurrenceScore(d, titleNorm, bodyNorm, weights));
        }
        proximity[c] = Math.min(255, proximity[c]! + tier);
        scores[c] = (scores[c]! + together) * boost;
      }
    }
  }

  /**
   * The query word as typed and, where the typo model stands in for it, its corrections: a confusion
   * the neighbours call for (lãi xuất → suất), or any correction of a word the library lacks (tuonh).
   * A corrected pair standing together ranks like the typed pair would.
   */
  #spellingsOf(queryWords: readonly QueryWord[], i: number): QueryWord[] {
    const word = queryWords[i]!;
    if (!allowsConfusions(word.folded)) return [word];
    const unknown = !this.#index.termIds.has(word.folded);
    const corrected = this.typoCorrections(queryWords, i).filter((correction) => correction.kind !== 'tone' && (correction.context === true || unknown));
    return [word, ...corrected.map((correction) => ({ exact: correction.term, folded: correction.term, accented: false }))];
  }

  /**
   * A quoted phrase with marks ranks the documents holding its typed forms, in the field where the
   * syllables stand in sequence, strictly above those holding other tones ("ban hành" above "văn bản
   * hành chính"). Exact fields keep no positions, so the typed forms' presence in that field stands in.
   */
  #rankPhraseTones(phrase: readonly QueryWord[], sequence: Uint8Array, docs: Uint32Array, proximity: Uint8Array): void {
    // Quoted with marks, the phrase's unmarked syllables are level tones typed as such: "ban" in "ban hành".
    if (!phrase.some((word) => word.accented)) return;
    const typed = phrase.map((word) => this.#index.termIds.get(word.exact));
    if (typed.some((term) => term === undefined)) return;
    for (let c = 0; c < docs.length; c++) {
      const d = docs[c]!;
      const inField = (bit: number, field: 'title' | 'body'): boolean => (sequence[d]! & bit) !== 0 && typed.every((term) => hasExact(this.#index, field, term!, d));
      if (inField(1, 'title') || inField(2, 'body')) proximity[c] = Math.min(255, proximity[c]! + TIER_EXACT);
    }
  }

  /**
   * For a last word still being typed: the documents where one of its most frequent completions
   * stands right after the word before. Those count the last word as matched strictly.
   */
  #prefixAdjacency(query: ParsedQuery, seen: Uint8Array, strictMask: Uint32Array): Uint8Array | null {
    const n = query.words.length;
    if (!query.prefix || n < 2 || n > 32) return null;
    const before = this.#index.termIds.get(query.words[n - 2]!.folded);
    const typed = query.words[n - 1]!.folded;
    if (before === undefined || typed.length > 40) return null;
    const typedId = this.#index.termIds.get(typed);
    const completions = this.#prefixTerms(typed)
      .filter((term) => term !== typedId)
      .sort((a, b) => this.#frequency(b) - this.#frequency(a))
      .slice(0, PREFIX_ADJACENCY_CHECKED);
    if (completions.length === 0) return null;
    const found = new Uint8Array(this.#index.ids.length);
    const bit = 1 << (n - 1);
    // Only candidates that do not hold the last word as typed matter, and one completion beside the
    // word before is enough: positions are read for no other document.
    const open = (d: number): boolean => seen[d] === 1 && found[d] === 0 && (strictMask[d]! & bit) === 0;
    for (const term of completions) {
      walkSequence(this.#positionalFields, [before, term], (d) => ((found[d] = 1), (strictMask[d]! |= bit), true), open);
    }
    return found;
  }

  /** Term ids a clause stands for: the term itself, its prefix expansions, or the typo model's corrections. */
  #expand(clause: Clause, words: readonly QueryWord[], word: number | null): readonly number[] {
    const { termIds } = this.#index;
    if (clause.wildcard && clause.wildcard & lunr.Query.wildcard.TRAILING) return this.#prefixTerms(clause.term.replace(/\*+$/u, ''));
    if (clause.editDistance) {
      if (word === null) return [];
      const wanted = (correction: TypoCorrection): boolean =>
        clause.fields?.includes('title') ? correction.kind === 'tone' : correction.kind !== 'tone' && (clause.editDistance === CONTEXT_CLAUSE) === (correction.context === true);
      return this.typoCorrections(words, word).flatMap((correction) => (wanted(correction) ? (termIds.get(correction.term) ?? []) : []));
    }
    const id = termIds.get(clause.term);
    return id === undefined ? [] : [id];
  }

  /** What the typo model searches for query word `index` besides the word itself (see TypoCorrector). */
  typoCorrections(words: readonly QueryWord[], index: number): TypoCorrection[] {
    this.#typos ??= new TypoCorrector({
      termIds: this.#index.termIds,
      frequency: (term) => this.#frequency(term),
      exactFrequency: (term) => this.#index.fields.title.count(term) + this.#index.fields.body.count(term),
      sequenceCount: (terms, atMost) => this.#countSequence(terms, atMost),
      vocabulary: () => this.#typoVocabulary(),
    });
    return this.#typos.corrections(words, index);
  }

  #prefixTerms(prefix: string): readonly number[] {
    // Asked twice per query (the prefix clause, then adjacency of its completions): the second is free.
    if (this.#lastPrefix?.prefix === prefix) return this.#lastPrefix.terms;
    const terms = this.#findPrefixTerms(prefix);
    this.#lastPrefix = { prefix, terms };
    return terms;
  }

  #findPrefixTerms(prefix: string): number[] {
    const { terms, sortedTerms } = this.#index;
    const found: number[] = [];
    for (let i = firstSortedAtOrAfter(this.#index, prefix); i < sortedTerms.length && terms[sortedTerms[i]!]!.startsWith(prefix); i++) found.push(sortedTerms[i]!);
    if (found.length <= MAX_PREFIX_TERMS) return found;
    // Each term's frequency once, not once per comparison; the sort is stable, so ties keep the same order.
    const frequency = new Map(found.map((term) => [term, this.#frequency(term)]));
    return found.sort((a, b) => frequency.get(b)! - frequency.get(a)!).slice(0, MAX_PREFIX_TERMS);
  }

  /** In how many articles' titles or bodies the folded term occurs (at most; a title and body may overlap). */
  #frequency(term: number): number {
    const { bodyFolded, titleFolded } = this.#index.fields;
    return bodyFolded.count(term) + titleFolded.count(term);
  }

  /** Built on the first typo: the syllable-like terms, as a lunr TokenSet to intersect edit automata with. */
  #typoVocabulary(): lunr.TokenSet {
    if (!this.#fuzzyTerms) {
      const words = this.#index.terms.filter((term) => /^\p{L}{3,13}$/u.test(term)).sort();
      this.#fuzzyTerms = TokenSets.fromArray(words);
    }
    return this.#fuzzyTerms!;
  }

  /** The folded term ids of a run of words, or null when one of them is in no document at all. */
  #termIdsOf(words: readonly QueryWord[]): number[] | null {
    const terms: number[] = [];
    for (const word of words) {
      const id = this.#index.termIds.get(word.folded);
      if (id === undefined) return null;
      terms.push(id);
    }
    return terms;
  }

  /**
   * Which documents hold the terms side by side, in order, in the title (bit 1) or the body (bit 2): one walk along
   * the terms' posting lists together. A common phrase ("có thể") is in most articles, and looking
   * each one up separately was the slowest part of a phrase query.
   */
  #docsWithSequence(terms: readonly number[] | null): Uint8Array {
    const found = new Uint8Array(this.#index.ids.length);
    if (terms) walkSequence(this.#positionalFields, terms, (doc, bit) => ((found[doc]! |= bit), true));
    return found;
  }

  /**
   * In how many articles the terms stand side by side, counted up to `atMost`: the typo model asks
   * whether a pair is scarce, and for a common pair the walk stops after a few documents.
   */
  #countSequence(terms: readonly number[], atMost: number): number {
    const seen = new Set<number>();
    walkSequence(this.#positionalFields, terms, (doc) => (seen.add(doc), seen.size < atMost));
    return seen.size;
  }

}

const TEXT_PARTNER: Partial<Record<FieldName, FieldName>> = { title: 'body', body: 'title', titleFolded: 'bodyFolded', bodyFolded: 'titleFolded' };

/**
 * In how many articles a term of the title or the body occurs (at least: the larger of its two
 * fields' counts), for its idf. Each field's own count made a syllable in nearly every body ("đầu",
 * "từ") rare among titles, so a title holding it outweighed everything else about the article
 * (BM25F's argument, Robertson, Zaragoza and Taylor 2004: idf is a property of the term in the
 * document, not of one field).
 */
function documentFrequency(index: SearchableIndex, name: FieldName, term: number, count: number): number {
  const partner = TEXT_PARTNER[name];
  return partner ? Math.max(count, index.fields[partner].count(term)) : count;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}
