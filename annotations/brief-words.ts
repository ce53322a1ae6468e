// The words of a brief in the reader's UI language, and its times in the reader's time zone. The brief
// is written in the core (Markdown and DOCX alike), so its words live here rather than in the
// renderer's catalogue; the UI passes its language and time zone with the request.
import { DEFAULT_COLOR_LABELS, type AnnotationColor, type BriefLanguage, type ColorLabels } from '../contract/index.ts';

/** The default colour labels as the UI words them (the library stores them as English keys: 'verify'). */
const DEFAULT_LABEL_WORDS: Record<BriefLanguage, ColorLabels> = {
  vi: { yellow: 'Trích dẫn', green: 'Kiểm chứng', blue: 'Số liệu', pink: 'Ý tưởng' },
  en: { yellow: 'Quote', green: 'Verify', blue: 'Figure', pink: 'Idea' },
};

/** A colour's label in the brief: the reader's own name for it, or the default one in the brief's language. */
export function colorLabelIn(labels: ColorLabels, color: AnnotationColor, language: BriefLanguage): string {
  return labels[color] === DEFAULT_COLOR_LABELS[color] ? DEFAULT_LABEL_WORDS[language][color] : labels[color];
}

export interface BriefWords {
  heading: string;
  made: string;
  counts: (articles: number, quotes: number) => string;
  filter: string;
  noFilter: string;
  author: string;
  source: string;
  published: string;
  undated: (imported: string) => string;
  link: string;
  note: string;
  citation: string;
  orphan: string;
  empty: string;
}

export const BRIEF_WORDS: Record<BriefLanguage, BriefWords> = {
  vi: {
    heading: 'Tập hợp trích dẫn',
    made: 'Lập lúc',
    counts: (articles, quotes) => `${articles} bài · ${quotes} trích đoạn`,
    filter: 'Bộ lọc',
    noFilter: 'mọi ghi chú',
    author: 'Tác giả',
    source: 'Nguồn',
    published: 'Xuất bản',
    undated: (imported) => `không rõ ngày xuất bản (lưu lúc ${imported})`,
    link: 'Liên kết',
    note: 'Ghi chú',
    citation: 'Trích nguồn',
    orphan: 'không còn tìm thấy trong bài',
    empty: 'Không có ghi chú nào khớp bộ lọc.',
  },
  en: {
    heading: 'Brief',
    made: 'Made',
    counts: (articles, quotes) => `${articles} ${articles === 1 ? 'article' : 'articles'} · ${quotes} ${quotes === 1 ? 'passage' : 'passages'}`,
    filter: 'Filter',
    noFilter: 'every annotation',
    author: 'Author',
    source: 'Source',
    published: 'Published',
    undated: (imported) => `publication date unknown (saved ${imported})`,
    link: 'Link',
    note: 'Note',
    citation: 'Citation',
    orphan: 'no longer found in the article',
    empty: 'No annotation matches the filter.',
  },
};

/**
 * A time as the reader's clock showed it, with its offset so the brief stays unambiguous when shared:
 * Vietnamese "08:30, 04/03/2024 (GMT+7)", English "4 March 2024, 08:30 (GMT+7)".
 */
export function localTime(iso: string, language: BriefLanguage, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  const zone = part('timeZoneName') === 'GMT' ? 'GMT+0' : part('timeZoneName');
  if (language === 'vi') return `${time}, ${part('day')}/${part('month')}/${part('year')} (${zone})`;
  const month = new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long' }).format(date);
  return `${Number(part('day'))} ${month} ${part('year')}, ${time} (${zone})`;
}

/** What a filter selected, one phrase per part, for the brief's "Filter" line. */
export function describeFilter(
  filter: { colorLabel?: string; articleTitle?: string; articleTag?: string; source?: string; from?: string; to?: string; text?: string },
  language: BriefLanguage,
): string[] {
  const vi = language === 'vi';
  const day = (iso: string): string => (vi ? iso.split('-').reverse().join('/') : iso);
  const parts: string[] = [];
  if (filter.colorLabel) parts.push(vi ? `nhãn “${filter.colorLabel}”` : `label “${filter.colorLabel}”`);
  if (filter.articleTitle) parts.push(vi ? `bài “${filter.articleTitle}”` : `article “${filter.articleTitle}”`);
  if (filter.articleTag) parts.push(vi ? `thẻ “${filter.articleTag}”` : `tag “${filter.articleTag}”`);
  if (filter.source) parts.push(vi ? `nguồn ${filter.source}` : `source ${filter.source}`);
  if (filter.from) parts.push(vi ? `từ ${day(filter.from)}` : `from ${day(filter.from)}`);
  if (filter.to) parts.push(vi ? `đến ${day(filter.to)}` : `to ${day(filter.to)}`);
  if (filter.text) parts.push(vi ? `chữ “${filter.text}”` : `text “${filter.text}”`);
  return parts;
}
