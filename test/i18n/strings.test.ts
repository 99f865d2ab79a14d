import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, formatText, resolveLocale, strings } from '../../src/i18n/strings';

const enUSFolder = path.resolve(__dirname, '../../src/i18n/en-US');
const featureFiles = readdirSync(enUSFolder).filter((file) => file.endsWith('.json'));
const resourcesOf = (file: string) =>
  JSON.parse(readFileSync(path.join(enUSFolder, file), 'utf8')) as Record<string, unknown>;

describe('string resources', () => {
  it.each(featureFiles)('%s is a flat map of dotted keys to non-empty text', (file) => {
    for (const [key, value] of Object.entries(resourcesOf(file))) {
      expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+$/);
      expect(typeof value).toBe('string');
      expect((value as string).trim()).not.toBe('');
    }
  });

  it('never defines a key in two feature files (one would silently win)', () => {
    const owners = new Map<string, string>();
    for (const file of featureFiles) {
      for (const key of Object.keys(resourcesOf(file))) {
        expect([key, owners.get(key)]).toEqual([key, undefined]);
        owners.set(key, file);
      }
    }
  });
});

describe('resolveLocale', () => {
  it('matches an available locale whatever its case', () => {
    expect(resolveLocale('en-us')).toBe('en-US');
  });

  it('falls back to a locale of the same language, then to en-US', () => {
    expect(resolveLocale('en-GB')).toBe('en-US');
    expect(resolveLocale('fr-FR')).toBe(defaultLocale);
    expect(resolveLocale('zh-CN')).toBe(defaultLocale);
    expect(resolveLocale(undefined)).toBe(defaultLocale);
    expect(resolveLocale('')).toBe(defaultLocale);
  });
});

describe('strings', () => {
  it('gives en-US text for any locale until other resources exist', () => {
    expect(strings('fr-FR').t('help.title')).toBe('What you can do');
    expect(strings('fr-FR').locale).toBe('en-US');
    expect(strings().t('whoami.noRole')).toBe('No role');
  });

  it('fills placeholders from parameters', () => {
    expect(strings('en-US').t('customerList.shown', { count: 3 })).toBe('Showing 3.');
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
});
