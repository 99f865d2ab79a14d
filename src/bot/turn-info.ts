import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../api/agent-identity';
import type { CallContext } from '../api/partner-center';
import type { Caller } from '../auth/authorizer';
import type { CustomerAccess } from '../auth/customer-scope';
import { timeZoneOrUtc } from '../i18n/format';
import { resolveLocale, type SupportedLocale } from '../i18n/locales';

/**
 * What every handler knows about the current turn: who is asking (from the validated activity,
 * never from card data), in which language, and the correlation id that ties logs, audit rows
 * and Partner Center calls together.
 */
export interface TurnInfo {
  correlationId: string;
  /** The supported locale the caller reads (`resolveLocale` of Teams' locale): text, formats, X-Locale. */
  locale: string;
  /**
   * The caller's IANA time zone (canonical name) from Teams' `clientInfo` entity, UTC when it is missing or
   * unknown. Always set by `turnInfo`; an info built by hand without it reads as UTC.
   */
  timeZone?: string;
  caller: Caller;
  /** Identity mode `agent`: the caller as the agent Partner Center calls are made for (set by the router). */
  agent?: AgentIdentity;
  /** The customers the caller's role covers for the route being run (set by the router when authorized). */
  customerAccess?: CustomerAccess;
}

const TURN_INFO = Symbol('turnInfo');

export function callerOf(activity: Partial<Activity>): Caller {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    aadObjectId: activity.from?.aadObjectId,
    name: activity.from?.name,
    tenantId: channelData.tenant?.id ?? activity.conversation?.tenantId,
    channelId: activity.channelId ?? 'unknown',
  };
}

/** What the Teams client says about itself in every activity's `clientInfo` entity. */
export interface ClientInfo {
  locale?: string;
  /** IANA name, e.g. 'Europe/Paris'. */
  timezone?: string;
  country?: string;
  platform?: string;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function clientInfoOf(activity: Partial<Activity>): ClientInfo {
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  const entity = entities.find(
    (candidate) => (candidate as { type?: unknown } | null)?.type === 'clientInfo',
  ) as Record<string, unknown> | undefined;
  if (!entity) return {};
  return {
    locale: asString(entity.locale),
    timezone: asString(entity.timezone),
    country: asString(entity.country),
    platform: asString(entity.platform),
  };
}

function wellFormedLocale(value: string | undefined): string | undefined {
  const locale = value?.trim();
  return locale && /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(locale) ? locale : undefined;
}

/**
 * The supported locale the caller reads: from `activity.locale`, else the `clientInfo` entity's, resolved
 * (fr-CA → fr-FR, zh-HK → zh-TW, de-DE → en-US). The resolved one also goes to Partner Center (X-Locale and
 * a service request's agent locale), so its texts come back in the language of the bot's own.
 */
export function localeOf(activity: Partial<Activity>): SupportedLocale {
  return resolveLocale(wellFormedLocale(activity.locale) ?? wellFormedLocale(clientInfoOf(activity).locale));
}

/** The caller's time zone from the `clientInfo` entity, canonical; UTC when missing or unknown to `Intl`. */
export function timeZoneOf(activity: Partial<Activity>): string {
  return timeZoneOrUtc(clientInfoOf(activity).timezone);
}

/** The turn's info, created once per turn on first use. */
export function turnInfo(context: TurnContext): TurnInfo {
  const existing = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (existing) return existing;
  const info: TurnInfo = {
    correlationId: randomUUID(),
    locale: localeOf(context.activity),
    timeZone: timeZoneOf(context.activity),
    caller: callerOf(context.activity),
  };
  context.turnState.set(TURN_INFO, info);
  return info;
}

/** The Teams user id of the person in this turn (none or one), for a card that should refresh itself for them. */
export function teamsUserIdsOf(context: TurnContext): string[] {
  const id = context.activity.from?.id;
  return id ? [id] : [];
}

export function callContextOf(info: TurnInfo): CallContext {
  return {
    correlationId: info.correlationId,
    locale: info.locale,
    ...(info.agent ? { agent: info.agent } : {}),
    ...(info.customerAccess ? { customerAccess: info.customerAccess } : {}),
  };
}
