// The press writes some names in several ways: TP.HCM, TP. HCM, TP HCM, TPHCM, Tp.HCM and "Thành phố
// Hồ Chí Minh". Each entry lists the spellings as runs of folded tokens; wherever a run occurs, its
// one term is indexed at the run's first position, and a query that spells the run is searched as
// that term, so every spelling finds every other.

export interface PressAbbreviation {
  /** The term indexed and searched: the compact abbreviation, folded. */
  term: string;
  /** The term as the exact (accented) form, for the exact fields. */
  exact: string;
  /** Spellings of two tokens or more, as folded tokens (the compact spelling is the term itself). */
  spellings: readonly (readonly string[])[];
  meaning: string;
}

export const PRESS_ABBREVIATIONS: readonly PressAbbreviation[] = [
  { term: 'tphcm', exact: 'tphcm', spellings: [['tp', 'hcm'], ['thanh', 'pho', 'ho', 'chi', 'minh']], meaning: 'Thành phố Hồ Chí Minh' },
  { term: 'tphn', exact: 'tphn', spellings: [['tp', 'hn'], ['thanh', 'pho', 'ha', 'noi']], meaning: 'Thành phố Hà Nội' },
  { term: 'ubnd', exact: 'ubnd', spellings: [['ub', 'nd'], ['uy', 'ban', 'nhan', 'dan']], meaning: 'Ủy ban nhân dân' },
  { term: 'hdnd', exact: 'hđnd', spellings: [['hd', 'nd'], ['hoi', 'dong', 'nhan', 'dan']], meaning: 'Hội đồng nhân dân' },
  { term: 'bhxh', exact: 'bhxh', spellings: [['bao', 'hiem', 'xa', 'hoi']], meaning: 'Bảo hiểm xã hội' },
  { term: 'bhyt', exact: 'bhyt', spellings: [['bao', 'hiem', 'y', 'te']], meaning: 'Bảo hiểm y tế' },
  { term: 'thpt', exact: 'thpt', spellings: [['trung', 'hoc', 'pho', 'thong']], meaning: 'Trung học phổ thông' },
  { term: 'thcs', exact: 'thcs', spellings: [['trung', 'hoc', 'co', 'so']], meaning: 'Trung học cơ sở' },
  { term: 'dbscl', exact: 'đbscl', spellings: [['dong', 'bang', 'song', 'cuu', 'long']], meaning: 'Đồng bằng sông Cửu Long' },
  { term: 'csgt', exact: 'csgt', spellings: [['canh', 'sat', 'giao', 'thong']], meaning: 'Cảnh sát giao thông' },
  { term: 'gsts', exact: 'gsts', spellings: [['gs', 'ts']], meaning: 'Giáo sư, Tiến sĩ' },
  { term: 'pgsts', exact: 'pgsts', spellings: [['pgs', 'ts']], meaning: 'Phó giáo sư, Tiến sĩ' },
  { term: 'ths', exact: 'ths', spellings: [['th', 's']], meaning: 'Thạc sĩ (Th.S)' },
  { term: 'lhq', exact: 'lhq', spellings: [['lien', 'hop', 'quoc']], meaning: 'Liên Hợp Quốc' },
];

interface Node {
  next: Map<string, Node>;
  abbreviation: PressAbbreviation | null;
}

const root: Node = { next: new Map(), abbreviation: null };
for (const abbreviation of PRESS_ABBREVIATIONS) {
  for (const spelling of abbreviation.spellings) {
    let node = root;
    for (const token of spelling) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map(), abbreviation: null }));
      node = child;
    }
    node.abbreviation = abbreviation;
  }
}

/**
 * The longest spelling starting at token `first` of a run of folded tokens, with how many tokens it
 * takes; `joinable(k)` says whether token k follows token k − 1 closely enough (a space, or one dot
 * for dotted spellings, not a sentence's end).
 */
export function abbreviationAt(
  count: number,
  first: number,
  foldedAt: (k: number) => string,
  joinable: (k: number) => boolean,
): { abbreviation: PressAbbreviation; length: number } | null {
  let node = root.next.get(foldedAt(first));
  let found: { abbreviation: PressAbbreviation; length: number } | null = null;
  for (let k = first + 1; node && k < count && joinable(k); k++) {
    node = node.next.get(foldedAt(k));
    if (node?.abbreviation) found = { abbreviation: node.abbreviation, length: k - first + 1 };
  }
  return found;
}

// Every spelling as a pattern over folded text, so highlighting looks only where one may be.
const SPELLINGS = new RegExp(
  PRESS_ABBREVIATIONS.flatMap((a) => a.spellings.map((spelling) => spelling.join('[ \\t\\u00a0.]{1,3}'))).join('|'),
  'gu',
);

/** Where a spelling of an abbreviation may start in a lowercased, folded text (the caller checks it starts a token). */
export function abbreviationCandidates(folded: string): number[] {
  return Array.from(folded.matchAll(SPELLINGS), (match) => match.index);
}

/** Whether a folded token can start a spelling: a cheap test before looking further. */
export function startsAbbreviation(folded: string): boolean {
  return root.next.has(folded);
}

// A period after these is an abbreviation's, not a sentence's end (TP. Hồ Chí Minh, GS. Ngô Bảo Châu).
export const DOTTED_PREFIXES = new Set(['tp', 'tx', 'tt', 'q', 'p', 'h', 'gs', 'pgs', 'ts', 'ths', 'th', 'bs', 'ks', 'ls', 'ns', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'vs', 'u']);

export function isDottedPrefix(folded: string): boolean {
  return folded.length === 1 || DOTTED_PREFIXES.has(folded);
}
