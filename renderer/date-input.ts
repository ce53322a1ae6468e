// Dates typed in the UI's language instead of the browser's native date input (whose format follows
// the browser, not the app): Vietnamese dd/mm/yyyy, English yyyy-mm-dd (which no reader misreads).

export type DateInputLanguage = 'vi' | 'en';

export type ParsedDate = { ok: true; iso: string | null } | { ok: false; problem: 'format' | 'no-such-day' };

/** The pattern shown as a hint and accepted: the order of day, month and year. */
export function datePattern(language: DateInputLanguage): string {
  return language === 'vi' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A typed date as YYYY-MM-DD (null for an empty field). Vietnamese takes d/m/yyyy with / . or -
 * between the parts; English takes yyyy-mm-dd. Either also takes the ISO form, so a pasted date works.
 */
export function parseDateInput(text: string, language: DateInputLanguage): ParsedDate {
  const typed = text.trim();
  if (typed === '') return { ok: true, iso: null };
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(typed);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(typed);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst && language === 'vi') parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  if (!parts) return { ok: false, problem: 'format' };
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, problem: 'no-such-day' };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** YYYY-MM-DD as the UI's language writes it in the field. */
export function formatDateInput(iso: string | undefined | null, language: DateInputLanguage): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-');
  return language === 'vi' ? `${day}/${month}/${year}` : iso;
}
