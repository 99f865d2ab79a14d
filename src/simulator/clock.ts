/**
 * The simulator's notion of "now". It is injectable so that tests can move time: the 30-day restore
 * window of deleted users and the provisioning delay of subscriptions both read this clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** "Not set" in service-request dates (reference §2.5). */
export const UNSET_DATE = '0001-01-01T00:00:00';

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** ISO-8601 UTC without milliseconds, the form of most documented timestamps (`2017-01-20T00:33:34Z`). */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
