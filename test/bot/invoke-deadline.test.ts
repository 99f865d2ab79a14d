import { AppError } from '../../src/errors';
import { generatedCustomer } from '../../src/simulator/data/generator';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { cardActionActivity, users } from '../support/activities';
import { cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/**
 * Card buttons against Teams' invoke deadline: a fast action answers with its result, a slow one is
 * acknowledged at once and its result replaces the clicked card afterwards.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A customer of its own per click: a customer read is cached, and a cached read is never slow. */
const customer = (index: number) => generatedCustomer(index).profile;
const customerRoute = 'GET /v1/customers/{customer-tenant-id}';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ simulator: { extraCustomers: 10 } });
});
afterAll(async () => {
  await bot.close();
});
afterEach(() => {
  bot.simulator.faults.clear();
});

let conversation = 0;
async function clickRefresh(conversationType: 'personal' | 'channel' = 'personal') {
  const conversationId = `deadline-${++conversation}`;
  const started = Date.now();
  const response = await bot.post({
    ...cardActionActivity(
      'customer.refresh',
      { customerId: customer(conversation).id },
      { serviceUrl: bot.connector.serviceUrl, conversationId, conversationType, user: users.megan },
    ),
    replyToId: `customer-card-${conversation}`,
  });
  return {
    conversationId,
    cardActivityId: `customer-card-${conversation}`,
    companyName: customer(conversation).companyName,
    ms: Date.now() - started,
    status: response.status,
    body: response.body as { statusCode: number; type: string; value: unknown },
  };
}

describe('a card action and the invoke deadline', () => {
  it('answers a fast action with its result and sends nothing afterwards', async () => {
    const click = await clickRefresh();
    expect(click.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardTexts(click.body.value).join('\n')).toContain(click.companyName);
    expect(bot.connector.activities.filter((a) => a.conversationId === click.conversationId)).toEqual([]);
  });

  it('acknowledges a slow action within the deadline and replaces the clicked card with the result', async () => {
    bot.simulator.faults.add({ route: customerRoute, latencyMs: 1600, times: 1 });
    const click = await clickRefresh();
    expect(click.status).toBe(200);
    expect(click.ms).toBeLessThan(1500);
    expect(click.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(click.body.value).toMatch(/Working on it/);

    const [update] = await bot.connector.waitFor(1, click.conversationId);
    expect(update?.method).toBe('PUT');
    expect(update?.path).toBe(
      `/v3/conversations/${click.conversationId}/activities/${encodeURIComponent(click.cardActivityId)}`,
    );
    expect(cardTexts(cardOf(update as never)).join('\n')).toContain(click.companyName);
    expect(bot.simulator.calls.count(customerRoute)).toBeGreaterThanOrEqual(1);
  });

  it('records the late outcome in the audit log under the turn’s correlation id', async () => {
    bot.simulator.faults.add({ route: customerRoute, latencyMs: 1600, times: 1 });
    const click = await clickRefresh();
    expect(click.body.type).toBe('application/vnd.microsoft.activity.message');
    await bot.connector.waitFor(1, click.conversationId);
    const deferred = bot.logs.find(
      (line) => line.msg === 'card action acknowledged before it finished; its result follows as an update',
    );
    const rows = await bot.store.audit.query({ action: 'customer.refresh', limit: 10 });
    expect(rows.map((row) => [row.correlationId, row.outcome])).toContainEqual([
      deferred?.correlationId,
      'succeeded',
    ]);
  });

  it('replaces the clicked card with the error card when the late result is a failure', async () => {
    bot.simulator.faults.add({ route: customerRoute, latencyMs: 1200, status: 404 });
    const click = await clickRefresh();
    expect(click.body.type).toBe('application/vnd.microsoft.activity.message');
    const [update] = await bot.connector.waitFor(1, click.conversationId);
    expect(update?.method).toBe('PUT');
    expect(cardTexts(cardOf(update as never)).join('\n')).toMatch(/could not find/);
  });

  it('keeps the answer of a slow action in a channel, where a card update would show it to everyone', async () => {
    bot.simulator.faults.add({ route: customerRoute, latencyMs: 1600, times: 1 });
    const click = await clickRefresh('channel');
    expect(click.ms).toBeGreaterThanOrEqual(1500);
    expect(click.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardTexts(click.body.value).join('\n')).toContain(click.companyName);
    expect(bot.connector.activities.filter((a) => a.conversationId === click.conversationId)).toEqual([]);
  });
});

describe('a card action whose store fails after the acknowledgement', () => {
  it('replaces the clicked card with the error card, under the reference the log line carries', async () => {
    const store = await openStore({ dataDir: ':memory:' });
    const failingStore: Store = {
      ...store,
      audit: {
        ...store.audit,
        // The authorization record of a card action: slow, then the store is gone.
        append: async (entry) => {
          if (entry.action !== 'authorize:customer.refresh') return store.audit.append(entry);
          await sleep(1300);
          throw new AppError('STORE_UNAVAILABLE');
        },
      },
    };
    const failing = await startTestBot({ store: failingStore, simulator: { extraCustomers: 1 } });
    try {
      const response = await failing.post({
        ...cardActionActivity(
          'customer.refresh',
          { customerId: customer(0).id },
          { serviceUrl: failing.connector.serviceUrl, conversationId: 'store-gone', user: users.megan },
        ),
        replyToId: 'customer-card',
      });
      expect(response.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
      const [update] = await failing.connector.waitFor(1, 'store-gone');
      expect(update?.method).toBe('PUT');
      const texts = cardTexts(cardOf(update as never)).join('\n');
      expect(texts).toContain('The bot cannot reach its database right now');
      // The card is updated first, then the turn ends with the error, which the turn's error handler logs.
      const failed = () => failing.logs.filter((line) => line.code === 'STORE_UNAVAILABLE');
      for (let waited = 0; failed().length === 0 && waited < 2000; waited += 20) await sleep(20);
      const logged = failed();
      expect(logged).toHaveLength(1);
      expect(texts).toContain(String(logged[0]?.correlationId));
    } finally {
      await failing.close();
      await store.close();
    }
  });
});
