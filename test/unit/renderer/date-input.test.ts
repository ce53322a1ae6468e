import { describe, expect, it } from 'vitest';
import { datePattern, formatDateInput, parseDateInput } from '../../../renderer/date-input.ts';

describe('date filters in the UI language', () => {
  it('reads Vietnamese dates day first', () => {
    expect(datePattern('vi')).toBe('dd/mm/yyyy');
    expect(parseDateInput('04/03/2024', 'vi')).toEqual({ ok: true, iso: '2024-03-04' });
    expect(parseDateInput('4/3/2024', 'vi')).toEqual({ ok: true, iso: '2024-03-04' });
    expect(parseDateInput('4.3.2024', 'vi')).toEqual({ ok: true, iso: '2024-03-04' });
    expect(parseDateInput('2024-03-04', 'vi')).toEqual({ ok: true, iso: '2024-03-04' });
  });

  it('reads English dates as yyyy-mm-dd only (no day/month guessing)', () => {
    expect(parseDateInput('2024-03-04', 'en')).toEqual({ ok: true, iso: '2024-03-04' });
    expect(parseDateInput('04/03/2024', 'en')).toEqual({ ok: false, problem: 'format' });
  });

  it('says what is wrong: a format it cannot read, or a day that does not exist', () => {
    expect(parseDateInput('hôm qua', 'vi')).toEqual({ ok: false, problem: 'format' });
    expect(parseDateInput('31/02/2024', 'vi')).toEqual({ ok: false, problem: 'no-such-day' });
    expect(parseDateInput('29/02/2023', 'vi')).toEqual({ ok: false, problem: 'no-such-day' });
    expect(parseDateInput('29/02/2024', 'vi')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('treats an empty field as no filter, and writes dates back in the UI language', () => {
    expect(parseDateInput('  ', 'vi')).toEqual({ ok: true, iso: null });
    expect(formatDateInput('2024-03-04', 'vi')).toBe('04/03/2024');
    expect(formatDateInput('2024-03-04', 'en')).toBe('2024-03-04');
    expect(formatDateInput(undefined, 'vi')).toBe('');
  });
});
