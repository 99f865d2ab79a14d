import { readdirSync } from 'node:fs';
import path from 'node:path';
import { enUS, resources } from '../../src/i18n/resources';
import {
  type StringKey,
  type StringParams,
  type Strings,
  strings,
  supportedLocales,
} from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { allNodes } from './card-tree';
import { type CardName, everyCard } from './sample-cards';

/**
 * Every card, built in each language the bot speaks (and the reader's time zone): it parses, shows no raw
 * string key and no unfilled `{placeholder}`, and, outside en-US, none of the English texts of the keys it used
 * — unless the translation is the same text by design (command words, product names), as the resource files
 * themselves say.
 */

const timeZones = {
  'en-US': 'America/New_York',
  'fr-FR': 'Europe/Paris',
  'zh-TW': 'Asia/Taipei',
  'zh-CN': 'Asia/Shanghai',
} as const;

interface Use {
  key: StringKey;
  params?: StringParams;
}

/** The reader's Strings, recording each key asked for and its parameters. */
function recording(text: Strings): { text: Strings; uses: Use[] } {
  const uses: Use[] = [];
  return {
    uses,
    text: {
      ...text,
      t: (key, params) => {
        uses.push({ key, params });
        return text.t(key, params);
      },
    },
  };
}

/** Every string a reader sees in a card. */
function visibleTexts(card: object): string[] {
  const properties = ['text', 'title', 'label', 'placeholder', 'altText', 'errorMessage', 'value'];
  return allNodes(card).flatMap((node) =>
    properties
      .map((property) => node[property])
      .filter((value): value is string => typeof value === 'string'),
  );
}

const keys = new Set(Object.keys(enUS));
const dottedWord = /[a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)+/g;
const english = strings('en-US');
const hasLetters = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));

describe.each(supportedLocales)('cards in %s', (locale) => {
  const { text, uses } = recording(strings(locale, timeZones[locale]));
  const cards = everyCard('Contoso Ltd', text);
  const names = Object.keys(cards) as CardName[];

  it.each(names)('%s parses with the official Adaptive Cards library without warnings', (name) => {
    expect(adaptiveCardProblems(cards[name])).toEqual([]);
  });

  it.each(names)('%s shows no raw string key and no unfilled placeholder', (name) => {
    for (const shown of visibleTexts(cards[name])) {
      expect((shown.match(dottedWord) ?? []).filter((word) => keys.has(word))).toEqual([]);
      expect(shown).not.toMatch(/\{\w+\}/);
    }
  });

  if (locale === 'en-US') return;

  /** The English a card could show by mistake: keys whose translation differs, as en-US would fill them. */
  const translated = resources[locale];
  const localizedTexts = uses.map((use) => text.t(use.key, use.params));
  const englishTexts = [
    ...new Set(
      uses
        .filter((use) => translated[use.key] !== enUS[use.key] && hasLetters(enUS[use.key]))
        .map((use) => english.t(use.key, use.params))
        // Contained in a translated text by chance (a product name inside a sentence): not a leak.
        .filter((leak) => !localizedTexts.some((localized) => localized.includes(leak))),
    ),
  ];

  it('used keys that differ from en-US (the check below has something to find)', () => {
    expect(englishTexts.length).toBeGreaterThan(100);
  });

  it.each(names)('%s shows none of the en-US texts of the keys it used', (name) => {
    const shown = visibleTexts(cards[name]).join('\n');
    expect(englishTexts.filter((leak) => shown.includes(leak))).toEqual([]);
  });
});

describe('the localized card fixture', () => {
  it('builds every card builder of src/cards', () => {
    const builders = readdirSync(path.resolve(__dirname, '../../src/cards'))
      .filter((file) => file.endsWith('-card.ts') && file !== 'render-card.ts')
      .map((file) =>
        file.replace(/-card\.ts$/, '').replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase()),
      )
      .sort();
    expect(Object.keys(everyCard('Contoso Ltd')).sort()).toEqual(builders);
  });
});
