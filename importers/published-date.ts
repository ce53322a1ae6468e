// Publication dates, from metadata strings and from the text of scraped articles.

const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2200;
}

function validDayMonth(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A metadata date (ISO 8601, RFC 822 from feeds) as ISO 8601: date-only input stays "YYYY-MM-DD",
 * anything with a time becomes UTC "YYYY-MM-DDTHH:MM:SS.sssZ". Null when unparseable or implausible.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const dateOnly = ISO_DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    return plausibleYear(year) && validDayMonth(year, month, day) ? value : null;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return plausibleYear(date.getUTCFullYear()) ? date.toISOString() : null;
}

// "Thứ Hai, 4/3/2024, 08:30 (GMT+7)" as Vietnamese news sites print it; day before month.
const VIETNAMESE_DATELINE =
  /(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|Chủ\s+[Nn]hật)\s*,?\s*(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*[,-]?\s*(\d{1,2})[:h](\d{2}))?(?:\s*\(?\s*GMT\s*([+-]\d{1,2})\s*\)?)?/u;
const ISO_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b/;

/** The first recognisable dateline in the text, as ISO 8601, or null. Deliberately narrow to avoid false hits. */
export function findPublishedDate(text: string): string | null {
  const head = text.slice(0, 4000);
  const vi = VIETNAMESE_DATELINE.exec(head);
  if (vi) {
    const [day, month, year] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
    if (plausibleYear(year) && validDayMonth(year, month, day)) {
      if (vi[4] === undefined) return `${year}-${pad(month)}-${pad(day)}`;
      const offset = vi[6] === undefined ? 7 : Number(vi[6]); // Vietnamese sites print local time, GMT+7.
      const utc = Date.UTC(year, month - 1, day, Number(vi[4]) - offset, Number(vi[5]));
      return new Date(utc).toISOString();
    }
  }
  const iso = ISO_IN_TEXT.exec(head);
  // Without a zone the time is ambiguous; the date alone is still right.
  if (iso) return toIsoDate(iso[7] === undefined ? `${iso[1]}-${iso[2]}-${iso[3]}` : iso[0].replace(' ', 'T'));
  return null;
}
