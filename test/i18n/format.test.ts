import {
  canonicalTimeZone,
  formatDate,
  formatDateTime,
  formatNumber,
  timeZoneOrUtc,
} from '../../src/i18n/format';

/** Intl separates with no-break spaces in some locales (fr-FR digits, en-US "AM"); compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const at = new Date('2024-05-01T10:20:30.456Z');

describe('date and time of a moment', () => {
  it.each([
    ['en-US', 'America/New_York', 'May 1, 2024, 6:20 AM'],
    ['fr-FR', 'Europe/Paris', '1 mai 2024, 12:20'],
    ['zh-TW', 'Asia/Taipei', '2024年5月1日 下午6:20'],
    ['zh-CN', 'Asia/Shanghai', '2024年5月1日 18:20'],
  ])('reads as %s expects in %s', (locale, timeZone, expected) => {
    expect(plain(formatDateTime(at, locale, timeZone))).toBe(expected);
  });

  it('names the zone when it is UTC, so nobody takes it for their local time', () => {
    expect(plain(formatDateTime(at, 'en-US', 'UTC'))).toBe('May 1, 2024, 10:20 AM UTC');
    expect(plain(formatDateTime(at, 'fr-FR', 'UTC'))).toBe('1 mai 2024, 10:20 UTC');
    expect(plain(formatDateTime(at, 'zh-CN', 'UTC'))).toContain('UTC');
    expect(plain(formatDateTime(at, 'zh-TW', 'UTC'))).toContain('UTC');
  });

  it('names any zone when asked, for text that readers in other zones see too', () => {
    expect(plain(formatDateTime(at, 'en-US', 'America/New_York', true))).toBe('May 1, 2024, 6:20 AM EDT');
    expect(plain(formatDateTime(at, 'fr-FR', 'Europe/Paris', true))).toBe('1 mai 2024, 12:20 UTC+2');
  });

  it('shows an unknown zone as UTC, named', () => {
    expect(plain(formatDateTime(at, 'en-US', 'Mars/Olympus_Mons'))).toBe('May 1, 2024, 10:20 AM UTC');
    expect(plain(formatDateTime(at, 'fr-FR', ''))).toBe('1 mai 2024, 10:20 UTC');
  });

  it('crosses the date line with the zone', () => {
    const lateEvening = new Date('2024-05-01T23:30:00Z');
    expect(plain(formatDateTime(lateEvening, 'en-US', 'America/New_York'))).toBe('May 1, 2024, 7:30 PM');
    expect(plain(formatDateTime(lateEvening, 'zh-TW', 'Asia/Taipei'))).toBe('2024年5月2日 上午7:30');
  });

  it('takes ISO 8601 text with or without milliseconds, and shows text that is no date as given', () => {
    expect(formatDateTime('2024-05-01T10:20:30.456Z', 'en-US', 'Europe/Paris')).toBe(
      formatDateTime('2024-05-01T10:20:30Z', 'en-US', 'Europe/Paris'),
    );
    expect(formatDateTime('not a date', 'en-US', 'UTC')).toBe('not a date');
  });
});

describe('calendar day', () => {
  it.each([
    ['en-US', 'Dec 31, 2026'],
    ['fr-FR', '31 déc. 2026'],
    ['zh-TW', '2026年12月31日'],
    ['zh-CN', '2026年12月31日'],
  ])('reads as %s expects', (locale, expected) => {
    expect(plain(formatDate('2026-12-31', locale))).toBe(expected);
  });

  it('is the day as written, never moved by a zone', () => {
    expect(plain(formatDate('2026-12-31T00:00:00Z', 'en-US'))).toBe('Dec 31, 2026');
    expect(plain(formatDate('2026-12-31T23:59:59-08:00', 'en-US'))).toBe('Dec 31, 2026');
  });

  it('shows text that is no date as given', () => {
    expect(formatDate('someday', 'en-US')).toBe('someday');
  });
});

describe('numbers', () => {
  it.each([
    ['en-US', '1,234,567'],
    ['fr-FR', '1 234 567'],
    ['zh-TW', '1,234,567'],
    ['zh-CN', '1,234,567'],
  ])('group digits as %s does', (locale, expected) => {
    expect(plain(formatNumber(1234567, locale))).toBe(expected);
  });

  it('keeps small counts as they are and decimals in the locale’s form', () => {
    expect(formatNumber(3, 'fr-FR')).toBe('3');
    expect(formatNumber(2.5, 'fr-FR')).toBe('2,5');
  });
});

describe('time zone names', () => {
  it('accepts IANA names in any case and gives the canonical one', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('gmt')).toBe('UTC');
  });

  it('refuses what Intl does not know', () => {
    for (const name of ['Mars/Olympus_Mons', '+05:30', 'Europe/Paris\r\nX: 1', '', '   ', undefined])
      expect(canonicalTimeZone(name)).toBeUndefined();
  });

  it('falls back to UTC', () => {
    expect(timeZoneOrUtc('Nowhere/Special')).toBe('UTC');
    expect(timeZoneOrUtc(undefined)).toBe('UTC');
    expect(timeZoneOrUtc('Asia/Taipei')).toBe('Asia/Taipei');
  });
});
