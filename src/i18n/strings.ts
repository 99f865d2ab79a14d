import approvals from './en-US/approvals.json';
import core from './en-US/core.json';
import identity from './en-US/identity.json';
import resilience from './en-US/resilience.json';
import subscriptions from './en-US/subscriptions.json';
import teams from './en-US/teams.json';
import tickets from './en-US/tickets.json';
import users from './en-US/users.json';

/** en-US text, one resource file per feature (core, users, tickets, subscriptions, approvals). */
const enUS = {
  ...core,
  ...users,
  ...tickets,
  ...subscriptions,
  ...approvals,
  ...teams,
  ...resilience,
  ...identity,
};

/**
 * User-visible text. Every static string lives in a resource file per language and feature (`en-US/core.json`, …)
 * under a flat dotted key; code asks for text by key and never spells English itself.
 */

export type StringKey = keyof typeof enUS;
export type StringParams = Readonly<Record<string, string | number>>;

/** A locale's resources may lag behind en-US: a missing key falls back to the en-US text. */
const resources: Readonly<Record<string, Readonly<Partial<Record<StringKey, string>>>>> = { 'en-US': enUS };

export const defaultLocale = 'en-US';

export interface Strings {
  /** The locale the text is actually in (after fallback). */
  readonly locale: string;
  t(key: StringKey, params?: StringParams): string;
}

/**
 * Picks the best available locale for a requested one (e.g. Teams' `activity.locale`): an exact match
 * (case-insensitive), else the first locale of the same language, else en-US.
 */
export function resolveLocale(requested: string | undefined): string {
  const available = Object.keys(resources);
  const wanted = (requested ?? '').trim().toLowerCase();
  const exact = available.find((locale) => locale.toLowerCase() === wanted);
  const language = wanted.split('-')[0];
  const sameLanguage = available.find((locale) => locale.toLowerCase().split('-')[0] === language);
  return exact ?? sameLanguage ?? defaultLocale;
}

/**
 * Replaces `{name}` placeholders in one pass, so text inserted from a parameter is never scanned again.
 * A placeholder without a parameter stays visible rather than failing the turn.
 */
export function formatText(template: string, params: StringParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

export function strings(locale?: string): Strings {
  const resolved = resolveLocale(locale);
  const texts = resources[resolved];
  return {
    locale: resolved,
    t: (key, params) => formatText(texts?.[key] ?? enUS[key], params),
  };
}
