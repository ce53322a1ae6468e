// Accents restored on an unaccented query from the library's own pair statistics: "dau tu" is most
// often written "đầu tư" where its folded syllables stand side by side, so đầu tư ranks first, while
// "đấu tù" is still found (a preference, not a filter).
import { firstSortedAtOrAfter, type SearchableIndex } from './compact-index.ts';
import { postingOf } from './position-runs.ts';
import { GALLOP_RATIO, gallopTo } from './sequence-walk.ts';
import { foldCharacters } from './vietnamese-text.ts';

/**
 * The exact (marked) forms of each folded term. Folding maps one UTF-16 unit to one, so the forms of
 * "truong" are spelt letter by letter from the units that fold to each of its letters, and a spelling
 * is followed only while some vocabulary term begins with it: a few dozen look-ups in the sorted
 * vocabulary per syllable, where folding the whole vocabulary of a large library was most of the
 * first query's set-up.
 */
export class ExactForms {
  readonly #index: SearchableIndex;
  /** For each folded unit, the units of the vocabulary that fold to it, itself first. */
  #sources: Map<number, number[]> | null = null;
  readonly #forms = new Map<number, number[]>();

  constructor(index: SearchableIndex) {
    this.#index = index;
  }

  /** Exact term ids in the title or body that fold to the folded term, itself included when written so (ascending). */
  of(folded: number): number[] {
    let forms = this.#forms.get(folded);
    if (!forms) {
      forms = [];
      const target = this.#index.terms[folded]!;
      // Only a folded term has forms; a marked one is no term's fold.
      if (foldCharacters(target) === target) this.#spell(target, '', forms);
      forms.sort((a, b) => a - b);
      this.#forms.set(folded, forms);
    }
    return forms;
  }

  #spell(target: string, prefix: string, out: number[]): void {
    if (prefix.length === target.length) {
      const id = this.#index.termIds.get(prefix);
      if (id !== undefined && this.#inExactFields(id)) out.push(id);
      return;
    }
    const unit = target.charCodeAt(prefix.length);
    for (const source of this.#sourcesOf(unit)) {
      const spelt = prefix + String.fromCharCode(source);
      if (spelt.length === target.length || this.#begins(spelt)) this.#spell(target, spelt, out);
    }
  }

  #sourcesOf(unit: number): readonly number[] {
    if (!this.#sources) {
      // Only units the vocabulary holds can spell a form of it.
      const seen = new Uint8Array(0x10000);
      for (const term of this.#index.terms) for (let i = 0; i < term.length; i++) seen[term.charCodeAt(i)] = 1;
      const sources = new Map<number, number[]>();
      for (let u = 0xc0; u < 0x10000; u++) {
        if (!seen[u]) continue;
        const to = foldCharacters(String.fromCharCode(u)).charCodeAt(0);
        if (to === u) continue;
        const list = sources.get(to);
        if (list) list.push(u);
        else sources.set(to, [to, u]);
      }
      this.#sources = sources;
    }
    return this.#sources.get(unit) ?? [unit];
  }

  /** Whether some vocabulary term begins with `prefix`: the first term at or after it in sorted order. */
  #begins(prefix: string): boolean {
    const { terms, sortedTerms } = this.#index;
    const at = firstSortedAtOrAfter(this.#index, prefix);
    return at < sortedTerms.length && terms[sortedTerms[at]!]!.startsWith(prefix);
  }

  #inExactFields(term: number): boolean {
    const { title, body } = this.#index.fields;
    return title.count(term) > 0 || body.count(term) > 0;
  }
}

/** Whether the exact term is in the document's exact field (title or body, as asked). */
export function hasExact(index: SearchableIndex, field: 'title' | 'body', term: number, doc: number): boolean {
  const reader = index.fields[field];
  return reader.count(term) > 0 && postingOf(reader.postings(term).docs, doc) >= 0;
}

export interface RestoredPair {
  a: number;
  b: number;
  /** The pair's share of the evidence beyond chance, 0 to 1: how sure the library is that the reader means it. */
  share: number;
  /** Its evidence over the runner-up pair's (Infinity when alone). */
  lead: number;
}

/**
 * Documents holding both folded syllables without standing side by side, as a sample of at most this
 * many: which marked forms such documents hold anyway is the chance level a vote must beat.
 */
const CHANCE_SAMPLE = 512;
/**
 * Pseudo-documents holding no form, added to the chance sample: a library with only a handful of such
 * documents (a small news library, where "đầu" and "tư" apart are rare) says little about chance.
 */
const CHANCE_PRIOR = 8;
/**
 * How far beyond chance the winning pair's votes must be, in standard deviations (of the observed count
 * and of the chance level's estimate): with a few documents a stray form ("hốc phí" beside "học phí")
 * can lead by one vote, and then the library has not said which marks it means. Pairs are compared by
 * this evidence, not by raw votes.
 */
const SIGNIFICANCE = 2;

/**
 * The exact pair the library writes where the folded pair stands side by side, beyond what chance
 * gives. Each document with the folded pair adjacent (`adjacentDocs`, ascending) gives one vote,
 * shared among the exact forms of each syllable it holds (a document holding only "đầu" and "tư" votes
 * wholly for đầu tư). Exact fields keep no positions, so which marked form stands at the adjacent
 * position is inferred from which forms the document holds; a long document holds most forms of a
 * common syllable anyway ("đầu", "từ", "tự" are everywhere), so its vote says little. That is
 * measured: the same votes are counted over documents holding both folded syllables apart, and each
 * pair keeps only its votes beyond that chance level, the way a collocation test keeps a word that
 * stands together more often than its syllables would by chance ("chứng khoán", not "chúng khoản"),
 * measured in standard deviations so that a pair of two everyday forms with many votes near chance
 * does not beat a rarer pair that is always written together.
 * Null when no pair stands out beyond chance (SIGNIFICANCE).
 */
export function restoreAccents(index: SearchableIndex, forms: ExactForms, a: number, b: number, adjacentDocs: Uint32Array, bodyBoth = bodyDocsWithBoth(index, a, b)): RestoredPair | null {
  const formsA = forms.of(a);
  const formsB = forms.of(b);
  if (formsA.length === 0 || formsB.length === 0 || adjacentDocs.length === 0) return null;
  const observed = formVotes(index, formsA, formsB, adjacentDocs);
  const apart = docsApart(bodyBoth, adjacentDocs);
  const chance = formVotes(index, formsA, formsB, apart);
  const scale = adjacentDocs.length / (apart.length + CHANCE_PRIOR);
  // Each pair's votes beyond chance, in standard deviations: the most surprising pair wins. Both counts
  // vary like Poisson counts, and the chance level is scaled up from a smaller sample, so its variance
  // is the expected count times the scale (E = scale · C, Var E ≈ scale² · C).
  const evidence = observed.map((v, i) => {
    const expected = chance[i]! * scale;
    return Math.max(0, (v - expected) / Math.sqrt(expected * (1 + scale) + 1));
  });
  let best = -1;
  let total = 0;
  for (let v = 0; v < evidence.length; v++) {
    total += evidence[v]!;
    if (evidence[v]! > 0 && (best < 0 || evidence[v]! > evidence[best]!)) best = v;
  }
  if (best < 0 || evidence[best]! < SIGNIFICANCE) return null;
  let runnerUp = 0;
  for (let v = 0; v < evidence.length; v++) if (v !== best) runnerUp = Math.max(runnerUp, evidence[v]!);
  return { a: formsA[Math.floor(best / formsB.length)]!, b: formsB[best % formsB.length]!, share: evidence[best]! / total, lead: runnerUp ? evidence[best]! / runnerUp : Infinity };
}

/** Per exact pair (formsA × formsB), the votes of `docs` (ascending): one per document, shared among the forms it holds. */
function formVotes(index: SearchableIndex, formsA: readonly number[], formsB: readonly number[], docs: Uint32Array): Float64Array {
  const presentA = formsA.map((form) => presence(index, form, docs));
  const presentB = formsB.map((form) => presence(index, form, docs));
  const votes = new Float64Array(formsA.length * formsB.length);
  for (let i = 0; i < docs.length; i++) {
    let na = 0;
    let nb = 0;
    for (const p of presentA) na += p[i]!;
    for (const p of presentB) nb += p[i]!;
    if (na === 0 || nb === 0) continue;
    const share = 1 / (na * nb);
    for (let x = 0; x < formsA.length; x++) {
      if (!presentA[x]![i]) continue;
      for (let y = 0; y < formsB.length; y++) if (presentB[y]![i]) votes[x * formsB.length + y]! += share;
    }
  }
  return votes;
}

/** Which of `docs` (ascending) hold the exact form in the title or the body. */
function presence(index: SearchableIndex, form: number, docs: Uint32Array): Uint8Array {
  const present = new Uint8Array(docs.length);
  for (const field of ['title', 'body'] as const) {
    const reader = index.fields[field];
    if (reader.count(form) === 0) continue;
    const list = reader.postings(form).docs;
    // Both ascending: a much longer list is searched forward by galloping, so a few documents against
    // it cost a few short searches; lists of like length are merged step by step, cheaper there.
    let j = 0;
    if (docs.length > GALLOP_RATIO * list.length) {
      // A rare form (most marked forms of a syllable): its few documents are looked for among `docs`.
      let i = 0;
      for (let l = 0; l < list.length; l++) {
        i = gallopTo(docs, i, list[l]!);
        if (i === docs.length) break;
        if (docs[i] === list[l]) present[i] = 1;
      }
    } else if (list.length > GALLOP_RATIO * docs.length) {
      for (let i = 0; i < docs.length; i++) {
        j = gallopTo(list, j, docs[i]!);
        if (j === list.length) break;
        if (list[j] === docs[i]) present[i] = 1;
      }
    } else {
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        while (j < list.length && list[j]! < d) j++;
        if (j === list.length) break;
        if (list[j] === d) present[i] = 1;
      }
    }
  }
  return present;
}

/** Documents whose body holds both folded terms, anywhere, ascending (walkPair gives the same list as it walks). */
export function bodyDocsWithBoth(index: SearchableIndex, a: number, b: number): Uint32Array {
  const body = index.fields.bodyFolded;
  if (body.count(a) === 0 || body.count(b) === 0) return new Uint32Array(0);
  const docsA = body.postings(a).docs;
  const docsB = body.postings(b).docs;
  const both: number[] = [];
  const [leading, other] = docsA.length <= docsB.length ? [docsA, docsB] : [docsB, docsA];
  let j = 0;
  for (let i = 0; i < leading.length; i++) {
    const d = leading[i]!;
    j = gallopTo(other, j, d);
    if (j === other.length) break;
    if (other[j] === d) both.push(d);
  }
  return Uint32Array.from(both);
}

/**
 * Of the documents whose body holds both folded terms (`bodyBoth`), those where they do not stand
 * side by side (not in `adjacentDocs`), ascending: an even sample of at most CHANCE_SAMPLE.
 */
function docsApart(bodyBoth: Uint32Array, adjacentDocs: Uint32Array): Uint32Array {
  const both: number[] = [];
  let k = 0;
  for (let i = 0; i < bodyBoth.length; i++) {
    const d = bodyBoth[i]!;
    while (k < adjacentDocs.length && adjacentDocs[k]! < d) k++;
    if (adjacentDocs[k] !== d) both.push(d);
  }
  if (both.length <= CHANCE_SAMPLE) return Uint32Array.from(both);
  const sample = new Uint32Array(CHANCE_SAMPLE);
  for (let i = 0; i < CHANCE_SAMPLE; i++) sample[i] = both[Math.floor((i * both.length) / CHANCE_SAMPLE)]!;
  return sample;
}
