import { parseProvisioningArgument } from '../../../src/bot/routes/subscriptions';
import { silentLogger } from '../../../src/log';
import { type RunningSimulator, startSimulator } from '../../../src/simulator';
import { createSqlStore, openExecutor, openStore } from '../../../src/store/open-store';
import type { Store } from '../../../src/store/store';
import { manualClock } from '../../simulator/sim-client';
import { engines, inSchema, postgresUrl, uniquePrefix } from '../../store/engines';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { type Connector, startConnector } from '../../support/connector';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/**
 * Subscriptions, provisioning status and "Notify me when ready" over real HTTP, with one manual clock for
 * the simulator (provisioning completes 15 minutes after it starts) and the bot (watch polls and give-up).
 */

const MINUTE = 60_000;
const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const businessPremium = '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff';
const office365E3 = '0200cc91-da62-4023-b0d1-0e868c9492bc';
const wolframAndHart = '9f8a5686-b4e4-455a-acd6-4c3f9b1de284';
const teamsEssentials = '76855a86-0c4d-48a6-87fc-4c262f67a751';
const routes = {
  list: 'GET /v1/customers/{customer-tenant-id}/subscriptions',
  get: 'GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}',
  status: 'GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}/provisioningstatus',
  customer: 'GET /v1/customers/{customer-tenant-id}',
  search: 'GET /v1/customers',
};

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

function action(card: unknown, verb: string, index = 0) {
  const found = cardActions(card).filter((candidate) => candidate.verb === verb)[index];
  if (!found) throw new Error(`no ${verb} button`);
  return found;
}

/** A bot and the helpers to talk to it in one conversation. */
function chat(bot: TestBot, conversationId: string) {
  return {
    async say(text: string, user: TestUser = users.alex) {
      const before = bot.connector.activities.filter((a) => a.conversationId === conversationId).length;
      const response = await bot.post(
        messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
      );
      expect(response.status).toBe(200);
      const replies = await bot.connector.waitFor(before + 1, conversationId);
      return cardOf(replies[before] as never);
    },
    async click(verb: string, data: Record<string, unknown>, user: TestUser = users.alex) {
      const response = await bot.post(
        cardActionActivity(verb, data, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
      );
      expect(response.status).toBe(200);
      return response.body as InvokeAnswer;
    },
    sent: () => bot.connector.activities.filter((activity) => activity.conversationId === conversationId),
  };
}

describe('reading `provisioning <customer> <subscription id>`', () => {
  it('takes the last word as the subscription id and everything before as the customer', () => {
    expect(parseProvisioningArgument(`Wolfram & Hart {${teamsEssentials.toUpperCase()}}`)).toEqual({
      customer: 'Wolfram & Hart',
      subscriptionId: teamsEssentials.toUpperCase(),
    });
  });

  it.each(['', 'contoso190', teamsEssentials, `contoso190 ${teamsEssentials} extra`])(
    'refuses %j',
    (argument) => {
      expect(parseProvisioningArgument(argument)).toBeUndefined();
    },
  );
});

describe('subscriptions and provisioning', () => {
  let bot: TestBot;
  let conversation = 0;
  const next = () => chat(bot, `subscriptions-${++conversation}`);

  beforeAll(async () => {
    bot = await startTestBot({ env: { PROVISIONING_STATUS_CONCURRENCY: '2' } });
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.simulator.calls.reset();
    bot.simulator.faults.clear();
  });

  it('lists each subscription with offer, quantity, status, end date and provisioning; pending comes first and stands out', async () => {
    const card = await next().say('subscriptions contoso190');
    const texts = cardTexts(card);
    const joined = texts.join('\n');
    expect(joined).toContain('Subscriptions of Contoso190');
    expect(joined).toContain('2 subscriptions · 1 provisioning pending');
    const pending = joined.indexOf('Microsoft 365 Business Premium');
    const succeeded = joined.indexOf('Office 365 E3');
    expect(pending).toBeGreaterThan(-1);
    expect(succeeded).toBeGreaterThan(pending);
    expect(joined).toMatch(/10 Licenses/);
    expect(joined).toContain('Succeeded');
    const rows = (card.body as Record<string, unknown>[]).filter((element) => element.type === 'Container');
    expect(rows.map((row) => row.style)).toEqual(['warning', 'default']);
    expect(action(card, 'provisioning.watch').data).toEqual({
      customerId: contoso190,
      subscriptionId: businessPremium,
    });
    expect(cardActions(card).filter((button) => button.verb === 'provisioning.watch')).toHaveLength(1);
    expect(bot.simulator.calls.byRoute()).toEqual({
      [routes.search]: 1,
      [routes.customer]: 1,
      [routes.list]: 1,
      [routes.status]: 2,
    });
  });

  it('puts failed provisioning first, in the attention style', async () => {
    const card = await next().say('subscriptions contosocorpdemo.onmicrosoft.com');
    const rows = (card.body as Record<string, unknown>[]).filter((element) => element.type === 'Container');
    expect(rows[0]?.style).toBe('attention');
    expect(cardTexts(rows[0]).join('\n')).toContain('Failed');
    expect(cardTexts(card).join('\n')).toContain('1 provisioning failed');
  });

  it('shows a row as unavailable when delegated admin access is revoked, without failing the list', async () => {
    const card = await next().say('subscriptions c2b306bb-df8d-4ac7-87de-3adcbecdbbfd');
    expect(cardTexts(card).join('\n')).toContain('Unavailable: no delegated admin access to this customer');
  });

  it('opens the list from the customer card button', async () => {
    const talk = next();
    const answer = await talk.click('customer.subscriptions', { customerId: wolframAndHart });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    const texts = cardTexts(cardOf(talk.sent()[0] as never)).join('\n');
    expect(texts).toContain('Subscriptions of Wolfram & Hart');
    expect(texts).toContain('Microsoft Teams Essentials');
  });

  it('shows one subscription’s provisioning in detail, with "Notify me when ready" while pending', async () => {
    const card = await next().say(`provisioning contoso190 ${businessPremium.toUpperCase()}`);
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('Provisioning: Pending');
    expect(texts).toContain('refreshed about every 15 minutes');
    expect(action(card, 'provisioning.watch').data).toEqual({
      customerId: contoso190,
      subscriptionId: businessPremium,
    });
    // The customer was looked up by the first test: the client serves that from its cache.
    expect(bot.simulator.calls.byRoute()).toEqual({ [routes.get]: 1, [routes.status]: 1 });
    const done = await next().say(`provisioning contoso190 ${office365E3}`);
    expect(cardTexts(done).join('\n')).toContain('Provisioning: Succeeded');
    expect(cardActions(done).map((button) => button.verb)).toEqual(['provisioning.refresh']);
  });

  it('explains a malformed command and a subscription the customer does not have', async () => {
    expect(cardTexts(await next().say('provisioning contoso190')).join('\n')).toMatch(
      /Type the customer and the subscription id/,
    );
    expect(
      cardTexts(await next().say('provisioning contoso190 00000000-0000-4000-8000-000000000000')).join('\n'),
    ).toMatch(/Contoso190 has no subscription 00000000-0000-4000-8000-000000000000/);
  });

  it('refreshes the detail card in place', async () => {
    const talk = next();
    const answer = await talk.click('provisioning.refresh', {
      customerId: contoso190,
      subscriptionId: office365E3,
    });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(answer.value).join('\n')).toContain('Provisioning: Succeeded');
  });

  it('starts a watch once per agent and subscription, and the list then says so instead of offering it', async () => {
    const talk = next();
    const data = { customerId: wolframAndHart, subscriptionId: teamsEssentials };
    const started = await talk.click('provisioning.watch', data, users.isaiah);
    expect(started).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'I will let you know when it is ready.',
    });
    const confirmation = cardTexts(cardOf(talk.sent()[0] as never)).join('\n');
    expect(confirmation).toContain('I will let you know');
    expect(confirmation).toMatch(/every 5 minutes .* after 1 day/);
    const again = await talk.click('provisioning.watch', data, users.isaiah);
    expect(again.value).toBe('You are already watching this subscription.');

    const list = await talk.say('subscriptions wolfram', users.isaiah);
    expect(cardTexts(list).join('\n')).toContain(
      'You will be notified here when provisioning is no longer pending.',
    );
    expect(cardActions(list).map((button) => button.verb)).not.toContain('provisioning.watch');
    const [entry] = await bot.store.audit.query({
      actorId: users.isaiah.aadObjectId,
      action: 'provisioning.watch',
    });
    expect(entry).toMatchObject({
      outcome: 'succeeded',
      customerId: wolframAndHart,
      subscriptionId: teamsEssentials,
    });
  });

  it('does not watch a subscription whose provisioning is no longer pending', async () => {
    const talk = next();
    const answer = await talk.click('provisioning.watch', {
      customerId: contoso190,
      subscriptionId: office365E3,
    });
    expect(answer.value).toBe('Provisioning is no longer pending.');
    expect(cardTexts(cardOf(talk.sent()[0] as never)).join('\n')).toContain(
      'Provisioning is no longer pending: Succeeded',
    );
  });

  it('refuses callers without a role', async () => {
    const card = await next().say('subscriptions contoso190', users.patti);
    expect(cardTexts(card).join('\n')).toMatch(/You do not have a role yet/);
  });
});

/**
 * Two store instances over one database, as two bot instances have: on PostgreSQL two connection pools in a
 * schema of this test's own; on PGlite (one connection per database) the same store twice.
 */
async function twoStores(
  engine: 'pglite' | 'postgres',
  pglite: Store,
): Promise<[Store, Store, () => Promise<void>]> {
  const logger = silentLogger();
  if (engine === 'pglite') return [pglite, pglite, async () => {}];
  const url = postgresUrl ?? '';
  const schema = uniquePrefix('race').replace('-', '_');
  const admin = await openExecutor({ databaseUrl: url, logger });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const a = await createSqlStore(await openExecutor({ databaseUrl: inSchema(url, schema), logger }), logger);
  const b = await createSqlStore(await openExecutor({ databaseUrl: inSchema(url, schema), logger }), logger);
  return [
    a,
    b,
    async () => {
      await Promise.all([a.close(), b.close()]);
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  ];
}

describe('"Notify me when ready" watches', () => {
  const start = '2026-03-02T09:00:00Z';

  async function setUp() {
    const clock = manualClock(start);
    const simulator = await startSimulator({
      now: clock.now,
      logger: silentLogger(),
      provisioningFailures: [teamsEssentials],
    });
    const connector = await startConnector();
    return { clock, simulator, connector };
  }

  let clock: ReturnType<typeof manualClock>;
  let simulator: RunningSimulator;
  let connector: Connector;
  let store: Store;
  const bots: TestBot[] = [];

  const bot = async (env: Record<string, string> = {}, sharedStore = store) => {
    const started = await startTestBot({
      sharedSimulator: simulator,
      sharedConnector: connector,
      store: sharedStore,
      now: clock.now,
      env,
    });
    bots.push(started);
    return started;
  };

  beforeEach(async () => {
    ({ clock, simulator, connector } = await setUp());
    store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
  });
  afterEach(async () => {
    for (const running of bots.splice(0)) await running.close();
    await store.close();
    await connector.close();
    await simulator.close();
  });

  const notifications = (conversationId: string) =>
    connector.activities
      .filter((activity) => activity.conversationId === conversationId)
      .map((activity) => cardTexts(cardOf(activity as never)).join('\n'))
      .filter((text) => /Provisioning is done|Provisioning failed|I stopped watching/.test(text));

  it('tells the requester once, proactively, when the simulator completes provisioning', async () => {
    const first = await bot();
    const talk = chat(first, 'watch-fires');
    await talk.click('provisioning.watch', { customerId: contoso190, subscriptionId: businessPremium });

    clock.advance(5 * MINUTE);
    simulator.calls.reset();
    await first.app.provisioningWatches.run();
    expect(notifications('watch-fires')).toEqual([]);
    expect(simulator.calls.byRoute()).toEqual({ [routes.status]: 1 });

    clock.advance(10 * MINUTE);
    await first.app.provisioningWatches.run();
    await first.app.provisioningWatches.run();
    clock.advance(10 * MINUTE);
    await first.app.provisioningWatches.run();
    const [message, ...more] = notifications('watch-fires');
    expect(more).toEqual([]);
    expect(message).toContain('Provisioning is done');
    expect(message).toContain(
      'Microsoft 365 Business Premium of Contoso190 finished provisioning: Succeeded.',
    );
    expect(simulator.calls.byRoute()).toEqual({ [routes.status]: 2 });
  });

  it('says so when provisioning ends failed', async () => {
    const first = await bot();
    const talk = chat(first, 'watch-fails');
    await talk.click('provisioning.watch', { customerId: wolframAndHart, subscriptionId: teamsEssentials });
    clock.advance(15 * MINUTE);
    await first.app.provisioningWatches.run();
    expect(notifications('watch-fails')).toEqual([expect.stringContaining('Provisioning failed')]);
  });

  it('gives up after the configured time and says so', async () => {
    const first = await bot({
      WATCH_POLL_INTERVAL_MS: String(5 * MINUTE),
      WATCH_GIVE_UP_AFTER_MS: String(10 * MINUTE),
    });
    const talk = chat(first, 'watch-gives-up');
    await talk.click('provisioning.watch', { customerId: contoso190, subscriptionId: businessPremium });
    clock.advance(5 * MINUTE);
    await first.app.provisioningWatches.run();
    clock.advance(5 * MINUTE);
    await first.app.provisioningWatches.run();
    const [gaveUp, ...more] = notifications('watch-gives-up');
    expect(more).toEqual([]);
    expect(gaveUp).toContain('I stopped watching');
    expect(gaveUp).toContain('was still pending after 10 minutes');
  });

  it('survives a restart of the bot: the next instance over the same store sends the notification', async () => {
    const first = await bot();
    await chat(first, 'watch-restart').click('provisioning.watch', {
      customerId: contoso190,
      subscriptionId: businessPremium,
    });
    await first.close();
    bots.splice(bots.indexOf(first), 1);

    const second = await bot();
    clock.advance(15 * MINUTE);
    await second.app.provisioningWatches.run();
    expect(notifications('watch-restart')).toEqual([expect.stringContaining('Provisioning is done')]);
  });

  it.each(engines)(
    'never notifies twice when two bot instances share the %s database and poll at once',
    async (engine) => {
      const [storeA, storeB, closeStores] = await twoStores(engine, store);
      const a = await bot({}, storeA);
      const b = await bot({}, storeB);
      for (const [index, subscription] of [
        [0, { customerId: contoso190, subscriptionId: businessPremium }],
        [1, { customerId: wolframAndHart, subscriptionId: teamsEssentials }],
      ] as const) {
        await chat(index === 0 ? a : b, `watch-race-${index}`).click('provisioning.watch', subscription);
      }
      clock.advance(15 * MINUTE);
      await Promise.all([a.app.provisioningWatches.run(), b.app.provisioningWatches.run()]);
      await Promise.all([a.app.provisioningWatches.run(), b.app.provisioningWatches.run()]);
      expect(notifications('watch-race-0')).toHaveLength(1);
      expect(notifications('watch-race-1')).toHaveLength(1);
      await Promise.all(bots.splice(0).map((running) => running.close()));
      await closeStores();
    },
  );
});
