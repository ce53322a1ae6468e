// Syllable and bigram frequencies for the generated corpus, learned from real Vietnamese prose and
// widened with well-formed syllables built from the onsets and toned rhymes that prose uses, so the
// vocabulary is as large as a news archive's (several thousand distinct syllables), not ~1,900.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Common Vietnamese syllables, used when no real corpus is available to learn frequencies from.
const FALLBACK_SYLLABLES = `và của là có các những được cho trong không một người với đã này để khi đến từ về theo năm cũng như
nhiều sẽ ra tại làm phải bị vào nước đó họ nhà thì hơn sau mới đang rằng việc trên đi công ty thể lại ông bà chính phủ kinh tế
xã hội thành phố hà nội hồ chí minh việt nam đàm phán ngừng bắn con tin hòa bình hoà khỏe khoẻ thúy thuý quý giá vàng tăng giảm
thị trường chứng khoán ngân hàng lãi suất doanh nghiệp xuất khẩu nhập khẩu hàng không quân đội bộ trưởng thủ tướng quốc hội
giáo dục y tế bệnh viện học sinh sinh viên trường đại học thi cử điểm chuẩn bóng đá đội tuyển cầu thủ huấn luyện viên trận đấu
thời tiết mưa bão lũ lụt nắng nóng giao thông tai nạn xe máy ô tô đường cao tốc dự án đầu tư xây dựng nhà ở bất động sản
điện thoại công nghệ trí tuệ nhân tạo mạng xã hội an ninh cảnh sát điều tra bắt giữ tòa án xét xử đột phá khẩn cấp`;

export interface SyllableModel {
  syllables: string[];
  weights: number[];
  /** Likely next syllables (repeated by frequency), learned from real text when available. */
  next: Map<string, string[]>;
  /** How many of `syllables` were seen in real text; the rest are built from its onsets and rhymes. */
  learned: number;
}

const WORD = /[\p{L}\p{M}]+/gu;
const ONSET = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?/u;
// Every Vietnamese rhyme without its tone (the rhymes of the standard spelling tables).
const RHYMES = new Set(
  `a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây e eo ec em en eng ep et
  ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu o oa oac oach oai oam oan oang
  oanh oao oap oat oay oc oe oen oeo oet oi om on ong op ot oăc oăm oăn oăng oăt ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn
  ơp ơt u ua uân uâng uât uây uc ue uê uênh uêch ui um un ung uy uya uych uyên uyêt uyn uynh uyp uyt uyu up ut uơ
  uôc uôi uôm uôn uông uôt ư ưa ưc ưi ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêt yêu`.split(/\s+/u),
);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const FRONT = /^[ieêy]/u;
const TARGET_DISTINCT = 6500;
/** Share of running text given to syllables built rather than seen: the rare tail of an archive. */
const BUILT_MASS = 0.06;

const toneless = (text: string): string => text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');

/** Splits a syllable into onset and toned rhyme, or null when it is not shaped like Vietnamese. */
export function splitSyllable(word: string): { onset: string; rhyme: string } | null {
  if (word.length > 7) return null;
  let onset = ONSET.exec(word)?.[0] ?? '';
  // gì, gìn: the onset is g before an i rhyme.
  if (onset === 'gi' && /^i/u.test(toneless(word.slice(2)))) onset = 'g';
  const rhyme = word.slice(onset.length);
  if (!RHYMES.has(toneless(rhyme))) return null;
  if (onset === 'qu' && /^[uo]/u.test(toneless(rhyme))) return null;
  return { onset, rhyme };
}

/** Vietnamese spelling: k/gh/ngh before i, e, ê (and y for k); c/g/ng elsewhere. */
function spellable(onset: string, rhyme: string): boolean {
  const front = FRONT.test(toneless(rhyme));
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !front;
  if (onset === 'k') return front;
  if (onset === '' && toneless(rhyme).startsWith('iê')) return false;
  if (onset === 'gh' || onset === 'ngh') return front && !toneless(rhyme).startsWith('y');
  return splitSyllable(onset + rhyme) !== null;
}

function seededShuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  for (let i = items.length - 1; i > 0; i--) {
    a = (Math.imul(a ^ (a >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    const j = a % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function readWords(corpusDir?: string): string[] {
  const words: string[] = [];
  if (corpusDir && existsSync(corpusDir)) {
    for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(corpusDir, name), 'utf8').normalize('NFC').toLowerCase();
      for (const word of text.match(WORD) ?? []) if (splitSyllable(word)) words.push(word);
    }
  }
  if (words.length >= 1000) return words;
  return FALLBACK_SYLLABLES.split(/\s+/).flatMap((w, i) => Array<string>(Math.max(1, 40 - (i % 40))).fill(w));
}

/** Learns syllable and bigram frequencies from real Vietnamese prose when `corpusDir` exists. */
export function syllableModel(corpusDir?: string): SyllableModel {
  const words = readWords(corpusDir);
  const counts = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (i === 0) continue;
    const followers = pairs.get(words[i - 1]!) ?? new Map<string, number>();
    followers.set(word, (followers.get(word) ?? 0) + 1);
    pairs.set(words[i - 1]!, followers);
  }
  const next = new Map<string, string[]>();
  for (const [word, followers] of pairs) {
    const ranked = [...followers].sort((a, b) => b[1] - a[1]).slice(0, 40);
    next.set(word, ranked.flatMap(([follower, count]) => Array<string>(Math.min(count, 8)).fill(follower)));
  }
  const learned = [...counts.keys()];
  const onsets = new Set<string>();
  const rhymeCounts = new Map<string, number>();
  for (const word of learned) {
    const parts = splitSyllable(word)!;
    onsets.add(parts.onset);
    rhymeCounts.set(parts.rhyme, (rhymeCounts.get(parts.rhyme) ?? 0) + 1);
  }
  // A toned rhyme seen in three different syllables is no typo (its tone sits where writers put it).
  const rhymes = [...rhymeCounts].filter(([, count]) => count >= 3).map(([rhyme]) => rhyme);
  const built = seededShuffle(
    [...onsets].flatMap((onset) => rhymes.filter((rhyme) => spellable(onset, rhyme)).map((rhyme) => onset + rhyme)).filter((word) => !counts.has(word)),
    1234,
  ).slice(0, Math.max(0, TARGET_DISTINCT - learned.length));
  const learnedMass = words.length;
  // Zipf's law continued past the learned ranks: the built syllable at rank r weighs 1/r.
  const rank = (k: number): number => learned.length + k + 1;
  const harmonic = built.reduce((sum, _w, k) => sum + 1 / rank(k), 0);
  const builtWeights = built.map((_w, k) => ((BUILT_MASS / (1 - BUILT_MASS)) * learnedMass) / harmonic / rank(k));
  return {
    syllables: [...learned, ...built],
    weights: [...learned.map((w) => counts.get(w)!), ...builtWeights],
    next,
    learned: learned.length,
  };
}
