/** The languages the bot speaks, each with one resource folder (src/i18n/<locale>/). */
export const supportedLocales = ['en-US', 'fr-FR', 'zh-TW', 'zh-CN'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

export const defaultLocale: SupportedLocale = 'en-US';

/** Chinese written in Traditional characters by default (Unicode CLDR likely subtags: TW, HK, MO). */
function chineseLocale(tag: string): SupportedLocale {
  try {
    return new Intl.Locale(tag).maximize().script === 'Hant' ? 'zh-TW' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * The supported locale for a requested one (Teams' `activity.locale`, a `clientInfo` locale, a stored one):
 * any English → en-US, any French → fr-FR, Chinese by script — Traditional (zh-Hant, zh-TW, zh-HK, zh-MO) →
 * zh-TW, Simplified (zh-Hans, zh-CN, zh-SG, plain zh) → zh-CN — and anything else → en-US. Case-insensitive;
 * `_` separators (en_GB, as some clients send) are read as `-`.
 */
export function resolveLocale(requested: string | undefined): SupportedLocale {
  const tag = (requested ?? '').trim().replace(/_/g, '-');
  const language = tag.split('-')[0]?.toLowerCase();
  switch (language) {
    case 'en':
      return 'en-US';
    case 'fr':
      return 'fr-FR';
    case 'zh':
      return chineseLocale(tag);
    default:
      return defaultLocale;
  }
}
