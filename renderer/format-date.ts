/** Dates in the reader's locale style (Vietnamese: "Thứ Hai, 4/3/2024"). */
export function formatDate(iso: string | null, locale = 'vi-VN'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}
