import { errorText, formatText, strings } from '../../src/i18n/strings';

/** Intl separates with no-break spaces in some locales (fr-FR digits, en-US "AM"); compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('strings', () => {
  it('speaks the supported locale Teams asked for', () => {
    expect(strings('fr-CA').locale).toBe('fr-FR');
    expect(strings('zh-HK').locale).toBe('zh-TW');
    expect(strings('zh-SG').locale).toBe('zh-CN');
    expect(strings('de-DE').locale).toBe('en-US');
    expect(strings().locale).toBe('en-US');
    expect(strings('fr-FR').t('help.title')).not.toBe(strings('en-US').t('help.title'));
    expect(strings().t('whoami.noRole')).toBe('No role');
  });

  it('fills placeholders from parameters', () => {
    expect(strings('en-US').t('customerList.shown', { count: 3 })).toBe('Showing 3.');
  });

  it('shows a number parameter as a count in the locale’s digits', () => {
    expect(strings('en-US').t('customerList.shown', { count: 12500 })).toBe('Showing 12,500.');
    expect(plain(strings('fr-FR').t('customerList.shown', { count: 12500 }))).toContain('12 500');
    expect(strings('zh-TW').t('customerList.shown', { count: 12500 })).toContain('12,500');
  });

  it('leaves a string parameter as it is, digits and all', () => {
    expect(strings('fr-FR').t('error.reference', { correlationId: '12500' })).toContain('12500');
  });

  it('formats moments in the reader’s time zone, and says UTC when it does not know it', () => {
    const at = new Date('2024-05-01T10:20:30.456Z');
    expect(plain(strings('fr-FR', 'Europe/Paris').dateTime(at))).toBe('1 mai 2024, 12:20');
    expect(plain(strings('en-US', 'Not/AZone').dateTime(at))).toBe('May 1, 2024, 10:20 AM UTC');
    expect(strings('en-US', 'Not/AZone').timeZone).toBe('UTC');
    expect(strings('zh-CN', 'asia/shanghai').timeZone).toBe('Asia/Shanghai');
  });

  it('names the time zone after every time when the text is for readers in other zones too', () => {
    const at = new Date('2024-05-01T10:20:30.456Z');
    expect(strings('zh-TW', 'Asia/Taipei', { nameTimeZone: true }).dateTime(at)).toContain('GMT+8');
  });

  it('formats calendar days and numbers in the reader’s locale', () => {
    expect(strings('zh-TW').date('2026-12-31')).toBe('2026年12月31日');
    expect(plain(strings('fr-FR').number(1234))).toBe('1 234');
  });
});

describe('error messages', () => {
  it('come from the resources, in the reader’s language', () => {
    expect(errorText('PC_THROTTLED', strings('en-US'))).toBe(
      'Partner Center is busy right now (throttled). Please try again in a minute.',
    );
    expect(errorText('PC_THROTTLED', strings('fr-FR'))).not.toBe(errorText('PC_THROTTLED', strings('en-US')));
  });
});

describe('formatText', () => {
  it('replaces every placeholder in one pass, never re-reading inserted text', () => {
    expect(formatText('{a} and {b}', { a: '{b}', b: '$&' })).toBe('{b} and $&');
  });

  it('leaves a placeholder without a parameter visible instead of failing', () => {
    expect(formatText('Hello {name}', {})).toBe('Hello {name}');
  });

  it('does not take parameters from the object prototype', () => {
    expect(formatText('{constructor}', {})).toBe('{constructor}');
  });

  it('formats number parameters with the function given', () => {
    expect(formatText('{n} of {m}', { n: 1, m: '2' }, (value) => `#${value}`)).toBe('#1 of 2');
  });
});
