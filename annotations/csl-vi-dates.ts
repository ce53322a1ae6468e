// Vietnamese dates for the CSL styles. The CSL project's vi-VN locale (csl-vi-locale.ts, kept as
// shipped) names the Gregorian months with the lunar calendar's names ("Tháng Giêng", "Tháng Chạp")
// and writes a text date "4 Tháng Ba 2024"; APA's own date layout puts the month before the day, so a
// Vietnamese APA reference read "(2024, Tháng Ba 4)". Vietnamese writes "ngày 4 tháng 3 năm 2024",
// and Vietnamese APA guides "(2024, ngày 4 tháng 3)" and "Truy cập ngày 27 tháng 11 năm 2026, từ …".
// The changes are made as replacements of the shipped text, each checked, so an updated locale or
// style that no longer holds what is replaced fails loudly instead of quietly citing the old way.

/** Replaces `from` by `to` in `text`, and throws when `from` is not there. */
function replaceExactly(text: string, from: string, to: string, what: string): string {
  if (!text.includes(from)) throw new Error(`The CSL ${what} no longer contains ${from}; update annotations/csl-vi-dates.ts.`);
  return text.replaceAll(from, to);
}

const LOCALE_TEXT_DATE =
  '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>';
/** "ngày 4 tháng 3 năm 2024"; without a day "tháng 3 năm 2024". */
const VIETNAMESE_TEXT_DATE =
  '<date form="text" delimiter=" "><date-part name="day" prefix="ngày "/><date-part name="month"/><date-part name="year" prefix="năm "/></date>';

/** The locale with Vietnamese text dates, numbered months and "truy cập" for "retrieved". */
export function vietnameseLocale(shipped: string): string {
  let locale = replaceExactly(shipped, LOCALE_TEXT_DATE, VIETNAMESE_TEXT_DATE, 'vi-VN locale');
  // The locale's "retrieved" is "truy vấn" ("queried"); Vietnamese APA guides write "Truy cập … từ".
  locale = replaceExactly(locale, '<term name="retrieved">truy vấn</term>', '<term name="retrieved">truy cập</term>', 'vi-VN locale');
  for (let month = 1; month <= 12; month++) {
    const name = `month-${String(month).padStart(2, '0')}`;
    const long = new RegExp(`<term name="${name}">[^<]*</term>`, 'u');
    if (!long.test(locale)) throw new Error(`The CSL vi-VN locale has no ${name} term; update annotations/csl-vi-dates.ts.`);
    locale = locale.replace(long, `<term name="${name}">tháng ${month}</term>`);
  }
  return locale;
}

/** APA's month and day of an issued date, as the style ships them: "March 4". */
const APA_MONTH_DAY = '<date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date>';
/** The same in Vietnamese order: "ngày 4 tháng 3", and "tháng 3" without a day. */
const APA_DAY_MONTH_VI = '<date variable="issued" delimiter=" "><date-part name="day" prefix="ngày "/><date-part name="month"/></date>';

/** APA with the issued date's day before its month, for Vietnamese references: "(2024, ngày 4 tháng 3)". */
export function vietnameseApa(apa: string): string {
  return replaceExactly(apa, APA_MONTH_DAY, APA_DAY_MONTH_VI, 'APA style');
}
