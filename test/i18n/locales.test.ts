import { resolveLocale, supportedLocales } from '../../src/i18n/locales';

describe('locale choice', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['en', 'en-US'],
    ['EN-au', 'en-US'],
    ['en_IN', 'en-US'],
    ['fr-FR', 'fr-FR'],
    ['fr', 'fr-FR'],
    ['fr-CA', 'fr-FR'],
    ['fr_BE', 'fr-FR'],
    ['FR-ch', 'fr-FR'],
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-hant-hk', 'zh-TW'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['de-DE', 'en-US'],
    ['ja-JP', 'en-US'],
    ['pt-BR', 'en-US'],
    ['frisian', 'en-US'],
    ['', 'en-US'],
    ['  ', 'en-US'],
    [undefined, 'en-US'],
  ])('reads %p as %s', (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected);
  });

  it('trims what Teams sends', () => {
    expect(resolveLocale(' fr-FR ')).toBe('fr-FR');
  });

  it('answers only with the supported locales, whatever it is given', () => {
    for (const requested of ['zh-yue', 'zh-Latn', 'x-klingon', 'en-US\r\nX-Evil: 1', '💥'])
      expect(supportedLocales).toContain(resolveLocale(requested));
  });
});
