import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/log';
import { type RunningSimulator, startSimulator } from '../../../src/simulator';
import { openExecutor, openStore } from '../../../src/store/open-store';
import type { Store } from '../../../src/store/store';
import { inSchema, postgresUrl, uniquePrefix } from '../../store/engines';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { type Connector, startConnector } from '../../support/connector';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * Approvals outlive the process that took them: a restart of the bot on its embedded store, and two bot
 * instances sharing one PostgreSQL store where approvers click at the same moment on both.
 */

const PATCH_SUBSCRIPTION = 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}';
const dakota = {
  customer: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
  subscription: '3b626592-82d0-49d8-ae7a-6de83248073f',
};
const fabrikam = {
  customer: '57aac927-ebd6-49f4-85f5-bc4df5b4130f',
  subscription: '4327c34b-75a7-489a-b823-822f9a1c7f12',
};
const dtDemo = {
  customer: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04',
  subscription: 'a356ac8c-e310-44f4-bf85-c7f29044af99',
};

let simulator: RunningSimulator;
let connector: Connector;

beforeAll(async () => {
  simulator = await startSimulator({});
  connector = await startConnector();
});
afterAll(async () => {
  await connector.close();
  await simulator.close();
});
beforeEach(() => {
  simulator.calls.reset();
  simulator.faults.clear();
});

function botOn(store: Store): Promise<TestBot> {
  return startTestBot({ store, sharedSimulator: simulator, sharedConnector: connector });
}

async function ask(bot: TestBot, target: { customer: string; subscription: string }, conversationId: string) {
  const before = connector.activities.filter((item) => item.conversationId === conversationId).length;
  await bot.post(
    messageActivity(`suspend ${target.customer} ${target.subscription} because unpaid`, {
      serviceUrl: connector.serviceUrl,
      conversationId,
      user: users.megan,
    }),
  );
  const activities = await connector.waitFor(before + 2, conversationId);
  const card = cardOf(activities[before] as never);
  const requestId = cardActions(card).find((action) => action.verb === 'approval.refresh')?.data.requestId;
  if (typeof requestId !== 'string') throw new Error('no approval card');
  return requestId;
}

function approve(bot: TestBot, requestId: string, conversationId: string, user: TestUser) {
  return bot.post(
    cardActionActivity(
      'approval.approve',
      { requestId },
      { serviceUrl: connector.serviceUrl, conversationId, user },
    ),
  );
}

async function subscriptionStatus(target: { customer: string; subscription: string }) {
  const response = await fetch(
    `${simulator.url}/v1/customers/${target.customer}/subscriptions/${target.subscription}`,
  );
  return ((await response.json()) as { status: string }).status;
}

const texts = (activity: unknown) => cardTexts(cardOf(activity as never)).join('\n');

describe('a restart of the bot in the middle of a pending request (embedded store)', () => {
  let dataDir: string;
  /** What is still open if a step fails (closed in reverse order), so a failure never leaves Jest hanging. */
  const open: { close(): Promise<void> }[] = [];
  const opened = <T extends { close(): Promise<void> }>(item: T): T => {
    open.push(item);
    return item;
  };
  const closeAll = async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  };

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'approvals-restart-'));
  });
  afterAll(async () => {
    await closeAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps the request, its card and the approvals channel; the restarted bot executes it once',
    async () => {
      const conversationId = 'restart-requester';
      const channel = '19:restart-approvers@thread.tacv2';
      const first = opened(await openStore({ dataDir, logger: silentLogger() }));
      const bot = opened(await botOn(first));
      await bot.post(
        messageActivity('set approvals channel', {
          serviceUrl: connector.serviceUrl,
          conversationId: channel,
          conversationType: 'channel',
          user: users.alex,
        }),
      );
      await connector.waitFor(1, channel);
      const requestId = await ask(bot, dakota, conversationId);
      expect(await connector.waitFor(2, channel)).toHaveLength(2);
      await closeAll();

      const second = opened(await openStore({ dataDir, logger: silentLogger() }));
      {
        const bot = opened(await botOn(second));
        const [listed] = (
          await Promise.all([
            bot.post(
              messageActivity('approvals', {
                serviceUrl: connector.serviceUrl,
                conversationId: 'restart-list',
                user: users.adele,
              }),
            ),
            connector.waitFor(1, 'restart-list'),
          ])
        )[1];
        expect(cardActions(cardOf(listed as never))).toContainEqual(
          expect.objectContaining({ verb: 'approval.approve', data: { requestId } }),
        );

        await approve(bot, requestId, conversationId, users.adele);
        await bot.app.approvals.idle();
        expect(simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
        expect(await subscriptionStatus(dakota)).toBe('suspended');
        for (const where of [conversationId, channel]) {
          const update = connector.activities.filter(
            (item) => item.conversationId === where && item.method === 'PUT',
          );
          expect(texts(update.at(-1))).toMatch(/Done: the subscription is suspended/);
        }
      }
      await closeAll();
    },
    2 * STARTUP_TIMEOUT_MS,
  );
});

const onPostgres = postgresUrl ? describe : describe.skip;

onPostgres('two bot instances sharing one PostgreSQL store', () => {
  const schema = uniquePrefix('approvals_two').replace('-', '_');
  let admin: Awaited<ReturnType<typeof openExecutor>>;
  let storeA: Store;
  let storeB: Store;
  let botA: TestBot;
  let botB: TestBot;
  let botAStopped = false;

  beforeAll(async () => {
    admin = await openExecutor({ databaseUrl: postgresUrl, logger: silentLogger() });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const url = inSchema(postgresUrl ?? '', schema);
    [storeA, storeB] = await Promise.all([
      openStore({ databaseUrl: url, logger: silentLogger() }),
      openStore({ databaseUrl: url, logger: silentLogger() }),
    ]);
    [botA, botB] = await Promise.all([botOn(storeA), botOn(storeB)]);
  }, STARTUP_TIMEOUT_MS);
  afterAll(async () => {
    if (!botAStopped) await botA?.close();
    await botB?.close();
    await storeA?.close();
    await storeB?.close();
    await admin?.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin?.close();
  });

  it('sends one PATCH when two approvers click at once on the two instances, with double clicks and retries', async () => {
    const conversationId = 'two-instances';
    const requestId = await ask(botA, fabrikam, conversationId);
    // A slow Partner Center keeps the first execution in flight while every other click is decided.
    simulator.faults.add({ route: PATCH_SUBSCRIPTION, latencyMs: 300 });
    simulator.calls.reset();

    const responses = await Promise.all([
      approve(botA, requestId, conversationId, users.adele),
      approve(botB, requestId, conversationId, users.alex),
      approve(botB, requestId, conversationId, users.adele),
      approve(botA, requestId, conversationId, users.alex),
      approve(botA, requestId, conversationId, users.adele),
      approve(botB, requestId, conversationId, users.alex),
    ]);
    expect(responses.every((response) => response.status === 200)).toBe(true);
    await Promise.all([botA.app.approvals.idle(), botB.app.approvals.idle()]);

    expect(simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect(await subscriptionStatus(fabrikam)).toBe('suspended');
    const stored = await storeB.approvals.find(requestId);
    expect(stored?.status).toBe('done');
    const executed = (await storeA.audit.query({ action: 'approval.execute', limit: 10 })).filter(
      (row) => row.details?.requestId === requestId,
    );
    expect(executed).toHaveLength(1);
    const told = connector.activities.filter(
      (item) =>
        item.conversationId === conversationId && item.method === 'POST' && /carried out/.test(texts(item)),
    );
    expect(told).toHaveLength(1);
  });

  it('lets the other instance decide a request taken by an instance that then stopped (failover)', async () => {
    const conversationId = 'failover';
    const requestId = await ask(botA, dtDemo, conversationId);
    await botA.close();
    botAStopped = true;
    await approve(botB, requestId, conversationId, users.adele);
    await botB.app.approvals.idle();
    expect(await storeB.approvals.find(requestId)).toMatchObject({ status: 'done' });
    expect(await subscriptionStatus(dtDemo)).toBe('suspended');
  });
});
