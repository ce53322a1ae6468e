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
  /** Likely next syllables, learned from real text when available. */
  next: Map<string, string[]>;
}

const SYLLABLE = /[\p{L}\p{M}]+/gu;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/u;

/** Learns syllable and bigram frequencies from real Vietnamese prose when `corpusDir` exists. */
export function syllableModel(corpusDir?: string): SyllableModel {
  let words: string[] = [];
  if (corpusDir && existsSync(corpusDir)) {
    for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(corpusDir, name), 'utf8').normalize('NFC').toLowerCase();
      words.push(...(text.match(SYLLABLE) ?? []).filter((w) => w.length <= 7 && (VIETNAMESE.test(w) || w.length <= 4)));
    }
  }
  if (words.length < 1000) words = FALLBACK_SYLLABLES.split(/\s+/).flatMap((w, i) => Array<string>(Math.max(1, 40 - (i % 40))).fill(w));
  const counts = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (let i = 0; i < words.length; i++) {
    counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1);
    if (i > 0) {
      const list = next.get(words[i - 1]!) ?? [];
      if (list.length < 64) list.push(words[i]!);
      next.set(words[i - 1]!, list);
    }
  }
  const syllables = [...counts.keys()];
  return { syllables, weights: syllables.map((s) => counts.get(s)!), next };
}

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

/** ~600-syllable articles shaped like scraped news: paragraphs, numbers like 30.410, dates like 3.3. */
export function* generateArticles(count: number, model: SyllableModel, seed = 42): Generator<GeneratedArticle> {
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
      if (random() < 0.02) out.push(`${Math.floor(random() * 90 + 10)}.${String(Math.floor(random() * 1000)).padStart(3, '0')}`);
      if (random() < 0.01) out.push(`${Math.floor(random() * 28 + 1)}.${Math.floor(random() * 12 + 1)}`);
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
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    yield {
      title: sentence(8 + Math.floor(random() * 6)).slice(0, -1),
      body: paragraphs.join('\n\n').normalize('NFC'),
      publishedAt: new Date(Date.UTC(2020 + Math.floor(random() * 5), month - 1, day)).toISOString(),
      source: SOURCES[Math.floor(random() * SOURCES.length)]!,
    };
  }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function table(log: (line: string) => void, header: string[], rows: (string | number)[][]): void {
  log(`| ${header.join(' | ')} |`);
  log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) log(`| ${row.join(' | ')} |`);
}
