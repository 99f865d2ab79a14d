/**
 * Dates, times and numbers as a reader expects them, by `Intl`: in their locale and, for moments, in their time
 * zone (Teams tells it in the `clientInfo` entity). Cards get these as finished text: the Adaptive Cards
 * `{{DATE()}}`/`{{TIME()}}` functions are not formatted by every host, and a bot message has no client to do it.
 */

export const utcTimeZone = 'UTC';

/** Canonical zone names met so far (a bounded set: IANA's), so that checking one again costs nothing. */
const canonicalZones = new Set<string>([utcTimeZone]);

/** The names of UTC itself (newer V8 versions keep an alias such as `Etc/UTC` rather than canonicalize it). */
const utcAliases = /^(Etc\/)?(UTC|UCT|GMT([+-]?0)?|Universal|Zulu|Greenwich)$/i;

/** The shape of an IANA zone name (`Area/Location`, `UTC`); Node 22's Intl also takes offsets such as `+05:30`. */
const ianaName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The canonical IANA name of a time zone (`europe/paris` → `Europe/Paris`, `Etc/GMT` → `UTC`), or undefined
 * when it is not an IANA name `Intl` knows (a missing, misspelt or made-up zone, or a bare UTC offset, which
 * Teams never sends and which Node versions disagree on).
 */
export function canonicalTimeZone(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || !ianaName.test(trimmed)) return undefined;
  if (utcAliases.test(trimmed)) return utcTimeZone;
  if (canonicalZones.has(trimmed)) return trimmed;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
    if (canonical === trimmed) canonicalZones.add(canonical);
    return canonical;
  } catch {
    return undefined;
  }
}

/** A time zone to format in: the canonical name, UTC when it is missing or unknown. */
export function timeZoneOrUtc(name: string | undefined): string {
  return canonicalTimeZone(name) ?? utcTimeZone;
}

type FormatKind = 'dateTime' | 'dateTimeWithZone' | 'date';

const formatOptions: Readonly<Record<FormatKind, Intl.DateTimeFormatOptions>> = {
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  dateTimeWithZone: {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
};

/** Formatters are costly to build: one per locale, zone and kind (zones are canonical names, a bounded set). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<string, Intl.NumberFormat>();

function dateFormatter(locale: string, timeZone: string, kind: FormatKind): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${kind}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...formatOptions[kind], timeZone });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** An ISO 8601 text or a Date as a Date; undefined when it names no moment. */
function toDate(at: Date | string): Date | undefined {
  const date = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A moment as date and time in the reader's zone: "May 1, 2024, 6:20 AM", "1 mai 2024, 12:20",
 * "2024年5月1日 下午6:20". In UTC (the zone was not known) the zone's name follows, so that nobody reads it as
 * their local time: "May 1, 2024, 10:20 AM UTC"; `nameZone` names any zone ("6:20 AM EDT"), for text that
 * readers in other zones see too. An unreadable value is shown as it was given.
 */
export function formatDateTime(
  at: Date | string,
  locale: string,
  timeZone: string,
  nameZone = false,
): string {
  const date = toDate(at);
  if (!date) return String(at);
  const zone = timeZoneOrUtc(timeZone);
  const named = nameZone || zone === utcTimeZone;
  return dateFormatter(locale, zone, named ? 'dateTimeWithZone' : 'dateTime').format(date);
}

/**
 * A calendar day (`2026-12-31`, or the date part of an ISO timestamp, as written: a commitment end date is the
 * same day everywhere) in the reader's locale: "Dec 31, 2026", "31 déc. 2026", "2026年12月31日".
 */
export function formatDate(day: Date | string, locale: string): string {
  const match = typeof day === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : undefined;
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : toDate(day);
  if (!date) return String(day);
  return dateFormatter(locale, utcTimeZone, 'date').format(date);
}

/** A count or quantity with the locale's digits and grouping: "1,234", "1 234", "1,234". */
export function formatNumber(value: number, locale: string): string {
  let formatter = numberFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormatters.set(locale, formatter);
  }
  return formatter.format(value);
}
