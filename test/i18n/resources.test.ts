import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorCatalog } from '../../src/errors';
import { type StringKey, strings, supportedLocales } from '../../src/i18n/strings';

/**
 * The resource files themselves, read from disk: en-US defines the keys, and every other locale must have the
 * same files, keys and placeholders. A missing translation fails here (at run time it would quietly show the
 * en-US text).
 */

const i18nFolder = path.resolve(__dirname, '../../src/i18n');
const filesOf = (locale: string) =>
  readdirSync(path.join(i18nFolder, locale))
    .filter((file) => file.endsWith('.json'))
    .sort();
const resourcesOf = (locale: string, file: string) =>
  JSON.parse(readFileSync(path.join(i18nFolder, locale, file), 'utf8')) as Record<string, unknown>;
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

const featureFiles = filesOf('en-US');
const otherLocales = supportedLocales.filter((locale) => locale !== 'en-US');
const localeFiles = supportedLocales.flatMap((locale) => featureFiles.map((file) => [locale, file] as const));

describe('string resources', () => {
  it('have a folder per supported locale and nothing else', () => {
    const folders = readdirSync(i18nFolder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...supportedLocales].sort());
  });

  it.each(otherLocales)('%s has the same feature files as en-US', (locale) => {
    expect(filesOf(locale)).toEqual(featureFiles);
  });

  it.each(localeFiles)('%s/%s is a flat map of dotted keys to non-empty text', (locale, file) => {
    for (const [key, value] of Object.entries(resourcesOf(locale, file))) {
      expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+$/);
      expect(typeof value).toBe('string');
      expect((value as string).trim()).not.toBe('');
    }
  });

  it.each(supportedLocales)(
    '%s never defines a key in two feature files (one would silently win)',
    (locale) => {
      const owners = new Map<string, string>();
      for (const file of featureFiles) {
        for (const key of Object.keys(resourcesOf(locale, file))) {
          expect([key, owners.get(key)]).toEqual([key, undefined]);
          owners.set(key, file);
        }
      }
    },
  );

  const otherLocaleFiles = otherLocales.flatMap((locale) =>
    featureFiles.map((file) => [locale, file] as const),
  );

  it.each(otherLocaleFiles)('%s/%s has every key of en-US, and no other', (locale, file) => {
    const english = Object.keys(resourcesOf('en-US', file)).sort();
    const translated = Object.keys(resourcesOf(locale, file)).sort();
    expect({ missing: english.filter((key) => !translated.includes(key)) }).toEqual({ missing: [] });
    expect({ unknown: translated.filter((key) => !english.includes(key)) }).toEqual({ unknown: [] });
  });

  it.each(otherLocaleFiles)('%s/%s keeps the placeholders of each en-US text', (locale, file) => {
    const english = resourcesOf('en-US', file) as Record<string, string>;
    const translated = resourcesOf(locale, file) as Record<string, string>;
    for (const key of Object.keys(english).filter((candidate) => candidate in translated)) {
      expect([key, placeholders(translated[key] as string)]).toEqual([
        key,
        placeholders(english[key] as string),
      ]);
    }
  });
});

describe('registered resources', () => {
  it.each(localeFiles)('%s: strings() gives the text of %s for each of its keys', (locale, file) => {
    const text = strings(locale);
    expect(text.locale).toBe(locale);
    for (const [key, value] of Object.entries(resourcesOf(locale, file))) {
      expect([key, text.t(key as StringKey)]).toEqual([key, value]);
    }
  });

  it.each(supportedLocales)('%s has a user message for every code of the error catalog', (locale) => {
    const keys = new Set(featureFiles.flatMap((file) => Object.keys(resourcesOf(locale, file))));
    for (const code of Object.keys(errorCatalog)) expect(keys).toContain(`errorCode.${code}`);
  });
});
