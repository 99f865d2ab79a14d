import { generatedCustomer } from '../src/simulator/data/generator';
import { cardActionActivity, messageActivity, users } from '../test/support/activities';

/**
 * The benchmark's turns: Teams-shaped activities (test/support/activities.ts) posted with
 * `deliveryMode: 'expectReplies'`, so the replies come back in the HTTP answer, and the checks that
 * tell an expected answer from an error card.
 */

export interface Scenario {
  name: string;
  /** The activity a worker posts as its `sequence`-th turn, in a conversation of its own. */
  activity(slot: { turn: number; worker: number; sequence: number }): object;
  accept(status: number, body: string): boolean;
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

export function helpScenario(context: ScenarioContext, prefix = 'help'): Scenario {
  return {
    name: 'help',
    activity: (slot) =>
      message('help', conversationOf(prefix, slot, context.concurrency), context.serviceUrl),
    accept: (status, body) => status === 200 && cardReplyWith(body, 'lookup <name'),
  };
}

/** `lookup <tenant id>` of a customer nobody looked up before: one Partner Center call per turn. */
export function lookupMissScenario(context: ScenarioContext, prefix = 'miss'): Scenario {
  return {
    name: 'lookup (cache miss)',
    activity: (slot) =>
      message(
        `lookup ${context.customers.take()}`,
        conversationOf(prefix, slot, context.concurrency),
        context.serviceUrl,
      ),
    accept: (status, body) => status === 200 && isCustomerCard(body),
  };
}

/** `lookup <tenant id>` of a few customers read again and again: answered from the read cache. */
export function lookupHitScenario(
  context: ScenarioContext,
  ids: readonly string[],
  prefix = 'hit',
): Scenario {
  return {
    name: 'lookup (cache hit)',
    activity: (slot) =>
      message(
        `lookup ${ids[slot.turn % ids.length]}`,
        conversationOf(prefix, slot, context.concurrency),
        context.serviceUrl,
      ),
    accept: (status, body) => status === 200 && isCustomerCard(body),
  };
}

/**
 * The Refresh button of a customer card (an `adaptiveCard/action` invoke) for a customer not in the cache.
 * The invoke answer is in the HTTP body whatever the delivery mode; a deferred result arrives later at the
 * connector as an update of the card (`replyToId`).
 */
export function refreshScenario(context: ScenarioContext, prefix = 'refresh'): Scenario {
  return {
    name: 'card action: customer.refresh',
    activity: (slot) => ({
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
    accept: (status, body) => status === 200 && /"statusCode":200/.test(body),
  };
}

/**
 * help, a cache miss and a cache hit in turn, over `perWorker` conversations per worker (memory and soak).
 * The misses cycle through `missIds`, more customers than the read cache holds, so every one misses.
 */
export function mixedScenario(
  context: ScenarioContext,
  ids: { hits: readonly string[]; misses: readonly string[] },
  perWorker: number,
  prefix: string,
): Scenario {
  let misses = 0;
  return {
    name: 'mixed (help, lookup miss, lookup hit)',
    activity: (slot) => {
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
    accept: (status, body) =>
      status === 200 && cardReplyWith(body, '') && !body.includes('"style":"attention"'),
  };
}
