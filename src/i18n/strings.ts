import type { ErrorCode } from '../errors';
import { formatDate, formatDateTime, formatNumber, timeZoneOrUtc } from './format';
import { defaultLocale, resolveLocale, type SupportedLocale } from './locales';
import { enUS, resources, type StringKey } from './resources';

/**
 * User-visible text. Every static string lives in a resource file per language and feature (`en-US/core.json`, …)
 * under a flat dotted key; code asks for text by key and never spells English itself. Dates, times and numbers
 * are formatted here too, for the reader's locale and time zone, so that a card builder gets everything it
 * shows from the one `Strings` it is given.
 */

export { defaultLocale, resolveLocale, type SupportedLocale, supportedLocales } from './locales';
export type { StringKey } from './resources';

/** A number parameter is a count or quantity: it is shown with the locale's digits (ids and codes are strings). */
export type StringParams = Readonly<Record<string, string | number>>;

export interface Strings {
  /** The supported locale the reader asked for (text missing in it falls back to en-US). */
  readonly locale: SupportedLocale;
  /** The canonical IANA time zone moments are shown in: the reader's, or UTC when it is not known. */
  readonly timeZone: string;
  t(key: StringKey, params?: StringParams): string;
  /** A moment as date and time in the reader's zone; the zone's name is added when it is UTC (or always, if asked). */
  dateTime(at: Date | string): string;
  /** A calendar day (`yyyy-mm-dd…`, as written, whatever the zone). */
  date(day: Date | string): string;
  /** A count or quantity. */
  number(value: number): string;
}

/**
 * Replaces `{name}` placeholders in one pass, so text inserted from a parameter is never scanned again.
 * A placeholder without a parameter stays visible rather than failing the turn.
 */
export function formatText(
  template: string,
  params: StringParams = {},
  number: (value: number) => string = String,
): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(params, name)) return placeholder;
    const value = params[name];
    return typeof value === 'number' ? number(value) : String(value);
  });
}

/** The error catalog's user message for a code, in the reader's language (`<locale>/errors.json`). */
export function errorText(code: ErrorCode, text: Strings): string {
  return text.t(`errorCode.${code}`);
}

export interface StringsOptions {
  /**
   * Name the time zone after every time, whatever it is: for text that people in other zones read too (an
   * approval card in the approvals channel is in the requester's zone).
   */
  nameTimeZone?: boolean;
}

/**
 * The text and formats for a reader: `locale` as Teams or a stored record gives it (resolved to a supported
 * one), `timeZone` an IANA name (UTC when missing or unknown).
 */
export function strings(locale?: string, timeZone?: string, options: StringsOptions = {}): Strings {
  const resolved = resolveLocale(locale ?? defaultLocale);
  const texts = resources[resolved];
  const zone = timeZoneOrUtc(timeZone);
  const number = (value: number) => formatNumber(value, resolved);
  return {
    locale: resolved,
    timeZone: zone,
    t: (key, params) => formatText(texts?.[key] ?? enUS[key], params, number),
    dateTime: (at) => formatDateTime(at, resolved, zone, options.nameTimeZone),
    date: (day) => formatDate(day, resolved),
    number,
  };
}
