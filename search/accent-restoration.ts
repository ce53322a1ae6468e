// Accents restored on an unaccented query from the library's own pair statistics: "dau tu" is most
// often written "đầu tư" where its folded syllables stand side by side, so đầu tư ranks first, while
// "đấu tù" is still found (a preference, not a filter).
import type { SearchableIndex } from './compact-index.ts';
import { postingOf } from './position-runs.ts';
import { foldCharacters } from './vietnamese-text.ts';

/** The exact (marked) forms of each folded term, found by folding the vocabulary once. */
export class ExactForms {
  readonly #index: SearchableIndex;
  #forms: Map<number, number[]> | null = null;

  constructor(index: SearchableIndex) {
    this.#index = index;
  }

  /** Exact term ids in the title or body that fold to the folded term, itself included when written so. */
  of(folded: number): number[] {
    if (!this.#forms) {
      const forms = new Map<number, number[]>();
      const { terms, termIds } = this.#index;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t]!;
        const foldedTerm = foldCharacters(term);
        const f = foldedTerm === term ? t : termIds.get(foldedTerm);
        if (f === undefined || !this.#inExactFields(t)) continue;
        const list = forms.get(f);
        if (list) list.push(t);
        else forms.set(f, [t]);
      }
      this.#forms = forms;
    }
    return this.#forms.get(folded) ?? [];
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
  /** The pair's share of the votes, 0 to 1: how sure the library is that the reader means it. */
  share: number;
  /** Its votes over the runner-up pair's (Infinity when alone). */
  lead: number;
}

/**
 * The exact pair most often written where the folded pair stands side by side: each document with the
 * folded pair adjacent (`adjacentDocs`, ascending) gives one vote, shared among the exact forms of
 * each syllable it holds (a document holding only "đầu" and "tư" votes wholly for đầu tư). Exact
 * fields keep no positions (index format 4), so which marked form stands at the adjacent position is
 * inferred from which forms the document holds. Null when no document holds a form of each.
 */
export function restoreAccents(index: SearchableIndex, forms: ExactForms, a: number, b: number, adjacentDocs: Uint32Array): RestoredPair | null {
  const formsA = forms.of(a);
  const formsB = forms.of(b);
  if (formsA.length === 0 || formsB.length === 0 || adjacentDocs.length === 0) return null;
  const presence = (form: number): Uint8Array => {
    const present = new Uint8Array(adjacentDocs.length);
    for (const field of ['title', 'body'] as const) {
      const reader = index.fields[field];
      if (reader.count(form) === 0) continue;
      const docs = reader.postings(form).docs;
      // Few documents against a long list: a binary search each; else a merge of the two ascending lists.
      if (adjacentDocs.length * 16 < docs.length) {
        for (let i = 0; i < adjacentDocs.length; i++) if (postingOf(docs, adjacentDocs[i]!) >= 0) present[i] = 1;
        continue;
      }
      let j = 0;
      for (let i = 0; i < adjacentDocs.length && j < docs.length; i++) {
        const d = adjacentDocs[i]!;
        while (j < docs.length && docs[j]! < d) j++;
        if (docs[j] === d) present[i] = 1;
      }
    }
    return present;
  };
  const presentA = formsA.map(presence);
  const presentB = formsB.map(presence);
  const votes = new Float64Array(formsA.length * formsB.length);
  for (let i = 0; i < adjacentDocs.length; i++) {
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
  let best = -1;
  let total = 0;
  for (let v = 0; v < votes.length; v++) {
    total += votes[v]!;
    if (votes[v]! > 0 && (best < 0 || votes[v]! > votes[best]!)) best = v;
  }
  if (best < 0) return null;
  let runnerUp = 0;
  for (let v = 0; v < votes.length; v++) if (v !== best) runnerUp = Math.max(runnerUp, votes[v]!);
  return { a: formsA[Math.floor(best / formsB.length)]!, b: formsB[best % formsB.length]!, share: votes[best]! / total, lead: runnerUp ? votes[best]! / runnerUp : Infinity };
}
