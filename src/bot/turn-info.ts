import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { AgentIdentity } from '../api/agent-identity';
import type { CallContext } from '../api/partner-center';
import type { Caller } from '../auth/authorizer';
import type { CustomerAccess } from '../auth/customer-scope';

/**
 * What every handler knows about the current turn: who is asking (from the validated activity,
 * never from card data), in which language, and the correlation id that ties logs, audit rows
 * and Partner Center calls together.
 */
export interface TurnInfo {
  correlationId: string;
  locale: string;
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

export function localeOf(activity: Partial<Activity>): string {
  const locale = activity.locale?.trim();
  return locale && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(locale) ? locale : 'en-US';
}

/** The turn's info, created once per turn on first use. */
export function turnInfo(context: TurnContext): TurnInfo {
  const existing = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (existing) return existing;
  const info: TurnInfo = {
    correlationId: randomUUID(),
    locale: localeOf(context.activity),
    caller: callerOf(context.activity),
  };
  context.turnState.set(TURN_INFO, info);
  return info;
}

export function callContextOf(info: TurnInfo): CallContext {
  return {
    correlationId: info.correlationId,
    locale: info.locale,
    ...(info.agent ? { agent: info.agent } : {}),
    ...(info.customerAccess ? { customerAccess: info.customerAccess } : {}),
  };
}
