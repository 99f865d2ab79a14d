import { generatedCustomer } from '../src/simulator/data/generator';
import { cardActionActivity, messageActivity, users } from '../test/support/activities';
import type { Turn } from './load';

/**
 * The benchmark's turns: Teams-shaped activities (test/support/activities.ts) posted with
 * `deliveryMode: 'expectReplies'`, so the replies come back in the HTTP answer, and the checks that
 * tell an expected answer from an error card.
 */

export interface Scenario {
  name: string;
  /** One turn: a request (or a flow of them) and the check of every answer. */
  turn: Turn;
}

type Slot = { turn: number; worker: number; sequence: number };

/** A scenario of one request per turn. */
function single(
  name: string,
  activity: (slot: Slot) => object,
  accept: (status: number, body: string) => boolean,
): Scenario {
  return {
    name,
    turn: async (slot, post) => {
      const answer = await post(activity(slot));
      return accept(answer.status, answer.body) || `HTTP ${answer.status}: ${answer.body}`;
    },
  };
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Tenant ids of the simulator's generated customers; each cache-miss turn takes the next unused one. */
export class CustomerIds {
  private next = 0;

  constructor(private readonly count: number) {}

  take(): string {
    if (this.next >= this.count)
      throw new Error(`all ${this.count} generated customers used: raise BENCH_CUSTOMERS`);
    return generatedCustomer(this.next++).profile.id;
  }

  used(): number {
    return this.next;
  }
}

/** The reply activities of an expectReplies answer. */
function replies(body: string): { attachments?: { contentType: string; content: unknown }[] }[] {
  try {
    return (JSON.parse(body) as { activities?: [] }).activities ?? [];
  } catch {
    return [];
  }
}

/** One card reply that contains `marker` somewhere in its content. */
function cardReplyWith(body: string, marker: string): boolean {
  const [reply] = replies(body);
  const attachment = reply?.attachments?.[0];
  return attachment?.contentType === CARD && JSON.stringify(attachment.content).includes(marker);
}

/** A customer card (it carries the Refresh button's verb), not the error card. */
function isCustomerCard(body: string): boolean {
  return cardReplyWith(body, '"customer.refresh"') && !body.includes('"style":"attention"');
}

export function message(text: string, conversationId: string, serviceUrl: string) {
  return {
    ...messageActivity(text, { serviceUrl, conversationId, user: users.alex }),
    deliveryMode: 'expectReplies',
  };
}

/** Conversation of a worker's turn: `perWorker` conversations each, never shared between workers. */
export function conversationOf(
  prefix: string,
  slot: { worker: number; sequence: number },
  concurrency: number,
  perWorker = 1,
) {
  return `${prefix}-${slot.worker + concurrency * (slot.sequence % perWorker)}`;
}

export interface ScenarioContext {
  serviceUrl: string;
  concurrency: number;
  customers: CustomerIds;
}

/** The baseline's turn: `help` (any text) answered with its one card. */
export function baselineScenario(context: ScenarioContext, prefix: string): Scenario {
  return single(
    'baseline',
    (slot) => message('help', conversationOf(prefix, slot, context.concurrency), context.serviceUrl),
    (status, body) => status === 200 && cardReplyWith(body, 'Baseline'),
  );
}

export function helpScenario(context: ScenarioContext, prefix = 'help'): Scenario {
  return single(
    'help',
    (slot) => message('help', conversationOf(prefix, slot, context.concurrency), context.serviceUrl),
    (status, body) => status === 200 && cardReplyWith(body, 'lookup <name'),
  );
}

/** `lookup <tenant id>` of a customer nobody looked up before: one Partner Center call per turn. */
export function lookupMissScenario(context: ScenarioContext, prefix = 'miss'): Scenario {
  return single(
    'lookup (cache miss)',
    (slot) =>
      message(
        `lookup ${context.customers.take()}`,
        conversationOf(prefix, slot, context.concurrency),
        context.serviceUrl,
      ),
    (status, body) => status === 200 && isCustomerCard(body),
  );
}

/** `lookup <tenant id>` of a few customers read again and again: answered from the read cache. */
export function lookupHitScenario(
  context: ScenarioContext,
  ids: readonly string[],
  prefix = 'hit',
): Scenario {
  return single(
    'lookup (cache hit)',
    (slot) =>
      message(
        `lookup ${ids[slot.turn % ids.length]}`,
        conversationOf(prefix, slot, context.concurrency),
        context.serviceUrl,
      ),
    (status, body) => status === 200 && isCustomerCard(body),
  );
}

/**
 * The Refresh button of a customer card (an `adaptiveCard/action` invoke) for a customer not in the cache,
 * in a personal chat. The invoke answer is in the HTTP body whatever the delivery mode; a result that missed
 * the deadline arrives later at the connector as an update of the card (`replyToId`).
 */
export function refreshScenario(context: ScenarioContext, prefix = 'refresh'): Scenario {
  return single(
    'card action: customer.refresh',
    (slot) => ({
      ...cardActionActivity(
        'customer.refresh',
        { customerId: context.customers.take() },
        {
          serviceUrl: context.serviceUrl,
          conversationId: conversationOf(prefix, slot, context.concurrency),
          user: users.alex,
        },
      ),
      replyToId: `card-${slot.turn}`,
    }),
    (status, body) => status === 200 && /"statusCode":200/.test(body),
  );
}

/** `users <tenant id>`: the users list of one of a few customers (its customer read cached, the list not). */
export function usersListScenario(
  context: ScenarioContext,
  ids: readonly string[],
  prefix = 'users',
): Scenario {
  return single(
    'users list',
    (slot) =>
      message(
        `users ${ids[slot.turn % ids.length]}`,
        conversationOf(prefix, slot, context.concurrency),
        context.serviceUrl,
      ),
    (status, body) => status === 200 && cardReplyWith(body, '"user.resetPassword"'),
  );
}

/** Users of the generated customers that a reset may target: active, and without an administrator role. */
export function resettableUsers(customers: number): string[] {
  return Array.from({ length: customers }, (_, index) => generatedCustomer(index).content().users).flatMap(
    (users) =>
      users
        .filter((user) => user.deletedDaysAgo === undefined && (user.roleIds ?? []).length === 0)
        .map((user) => user.userPrincipalName),
  );
}

/**
 * A password reset end to end, as an agent does it: `reset password <upn>` (the confirmation card, with its
 * one-time operation id), then the Confirm button (an invoke whose answer carries the new password).
 */
export function resetPasswordScenario(
  context: ScenarioContext,
  upns: readonly string[],
  prefix = 'reset',
): Scenario {
  return {
    name: 'reset password (ask + confirm)',
    turn: async (slot, post) => {
      const conversationId = conversationOf(prefix, slot, context.concurrency);
      const asked = await post(
        message(`reset password ${upns[slot.turn % upns.length]}`, conversationId, context.serviceUrl),
      );
      const operationId = /"verb":"user\.confirmReset"[^}]*"data":\{"operationId":"([0-9a-f-]{36})"/.exec(
        asked.body,
      )?.[1];
      if (asked.status !== 200 || !operationId) return `no confirmation: HTTP ${asked.status}: ${asked.body}`;
      const confirmed = await post({
        ...cardActionActivity(
          'user.confirmReset',
          { operationId, forceChange: 'true' },
          { serviceUrl: context.serviceUrl, conversationId, user: users.alex },
        ),
        replyToId: `confirmation-${slot.turn}`,
      });
      return (
        (confirmed.status === 200 && confirmed.body.includes('"fontType":"Monospace","size":"Large"')) ||
        `confirm: HTTP ${confirmed.status}: ${confirmed.body}`
      );
    },
  };
}

/**
 * help, a cache miss and a cache hit in turn, over `perWorker` conversations per worker (memory and soak).
 * The misses cycle through `ids.misses`, more customers than the read cache holds, so every one misses.
 */
export function mixedScenario(
  context: ScenarioContext,
  ids: { hits: readonly string[]; misses: readonly string[] },
  perWorker: number,
  prefix: string,
): Scenario {
  let misses = 0;
  return single(
    'mixed (help, lookup miss, lookup hit)',
    (slot) => {
      const conversationId = conversationOf(prefix, slot, context.concurrency, perWorker);
      switch (slot.turn % 3) {
        case 0:
          return message('help', conversationId, context.serviceUrl);
        case 1:
          return message(
            `lookup ${ids.misses[misses++ % ids.misses.length]}`,
            conversationId,
            context.serviceUrl,
          );
        default:
          return message(
            `lookup ${ids.hits[slot.turn % ids.hits.length]}`,
            conversationId,
            context.serviceUrl,
          );
      }
    },
    (status, body) => status === 200 && cardReplyWith(body, '') && !body.includes('"style":"attention"'),
  );
}
