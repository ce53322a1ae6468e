// The seeded generator of Vietnamese news articles the benches measure: syllables and bigrams from
// real prose (bench/syllable-model.ts), with people, places, figures and dates sprinkled in.
import { date, entityPhrase, place, type AvoidPhrase } from './news-entities.ts';
import type { SyllableModel } from './syllable-model.ts';

export { syllableModel, type SyllableModel } from './syllable-model.ts';
export { nearestRank as percentile, table } from './measure.ts';

/** Deterministic PRNG (mulberry32), so every run measures the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedArticle {
  title: string;
  body: string;
  publishedAt: string;
  source: string;
}

const SOURCES = ['VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'Dân Trí', 'Vietnamnet', 'Reuters'];

/** ~600-syllable articles shaped like scraped news: paragraphs, names, places, 30.410, 7,4%, 3.3. */
export function* generateArticles(count: number, model: SyllableModel, seed = 42, avoid?: AvoidPhrase): Generator<GeneratedArticle> {
  const random = seededRandom(seed);
  const total = model.weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const w of model.weights) cumulative.push((running += w));
  const pick = (): string => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return model.syllables[lo]!;
  };
  const sentence = (length: number): string => {
    const out: string[] = [];
    let word = pick();
    for (let i = 0; i < length; i++) {
      out.push(word);
      const followers = model.next.get(word);
      word = followers && random() < 0.6 ? followers[Math.floor(random() * followers.length)]! : pick();
      if (random() < 0.04) out.push(entityPhrase(random, avoid));
    }
    const text = out.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    let syllables = 0;
    while (syllables < 600) {
      const sentences: string[] = [];
      for (let s = 0; s < 3; s++) {
        const length = 10 + Math.floor(random() * 16);
        sentences.push(sentence(length));
        syllables += length;
      }
      paragraphs.push(sentences.join(' '));
    }
    // A dateline opens most stories: "TP.HCM - Sáng 3.3, …".
    paragraphs[0] = `${place(random, avoid)} - ${date(random)}, ${paragraphs[0]![0]!.toLowerCase()}${paragraphs[0]!.slice(1)}`;
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const headline = sentence(6 + Math.floor(random() * 5)).slice(0, -1);
    yield {
      title: random() < 0.4 ? `${place(random, avoid)}: ${headline}` : headline,
      body: paragraphs.join('\n\n').normalize('NFC'),
      publishedAt: new Date(Date.UTC(2020 + Math.floor(random() * 5), month - 1, day)).toISOString(),
      source: SOURCES[Math.floor(random() * SOURCES.length)]!,
    };
  }
}
