import { request } from 'undici';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { startConnector } from '../../support/connector';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * When the approved change cannot be made: the subscription changed since the request (412, as this simulator
 * is configured to answer a stale If-Match), or Partner Center fails. The request ends `failed`, the PATCH is
 * never repeated, and everyone is told what to do next.
 */

const PATCH_SUBSCRIPTION = 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}';
const contoso190 = {
  customer: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  subscription: '0200cc91-da62-4023-b0d1-0e868c9492bc',
};
const contoso190Premium = {
  customer: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  subscription: '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
};
const sprindis = {
  customer: '3a3aee66-3704-40c5-886d-2e46781aac95',
  subscription: 'ec9f88c3-deb0-4f89-b280-7198c15e6e77',
};
const acme = {
  customer: '81a570b1-db47-4da6-9abd-a31abacd60b8',
  subscription: '5e04baa7-2c68-4b53-94dd-601404fd3a56',
};

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ simulator: { etagMismatchStatus: 412 } });
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  bot.simulator.calls.reset();
  bot.simulator.faults.clear();
});

let conversations = 0;

async function ask(target: { customer: string; subscription: string }) {
  const conversationId = `failures-${++conversations}`;
  await bot.post(
    messageActivity(`suspend ${target.customer} ${target.subscription} because unpaid`, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId,
      user: users.megan,
    }),
  );
  const [card] = await bot.connector.waitFor(2, conversationId);
  const requestId = cardActions(cardOf(card as never)).find((action) => action.verb === 'approval.approve')
    ?.data.requestId as string;
  return { requestId, conversationId };
}

async function approve(requestId: string, conversationId: string, user: TestUser = users.adele) {
  const response = await bot.post(
    cardActionActivity(
      'approval.approve',
      { requestId },
      { serviceUrl: bot.connector.serviceUrl, conversationId, user },
    ),
  );
  expect(response.status).toBe(200);
  await bot.app.approvals.idle();
}

async function rename(target: { customer: string; subscription: string }, friendlyName: string) {
  const url = `${bot.simulator.url}/v1/customers/${target.customer}/subscriptions/${target.subscription}`;
  const response = await request(url, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ friendlyName }),
  });
  expect(response.statusCode).toBe(200);
  await response.body.dump();
}

async function statusOf(target: { customer: string; subscription: string }) {
  const response = await request(
    `${bot.simulator.url}/v1/customers/${target.customer}/subscriptions/${target.subscription}`,
  );
  return ((await response.body.json()) as { status: string }).status;
}

const lastUpdate = (conversationId: string) =>
  cardTexts(
    cardOf(
      bot.connector.activities
        .filter((item) => item.conversationId === conversationId && item.method === 'PUT')
        .at(-1) as never,
    ),
  ).join('\n');

describe('an approved suspension that cannot be made', () => {
  it('fails safely on a subscription changed since the request (412), and asks for a new request', async () => {
    const { requestId, conversationId } = await ask(contoso190);
    await rename(contoso190, 'Renamed after the request');
    bot.simulator.calls.reset();

    await approve(requestId, conversationId);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect(await statusOf(contoso190)).toBe('active');
    expect(await bot.store.approvals.find(requestId)).toMatchObject({
      status: 'failed',
      errorCode: 'PC_STALE_ETAG',
    });
    expect(lastUpdate(conversationId)).toMatch(
      /the subscription changed in Partner Center after the request was made/,
    );
    expect(lastUpdate(conversationId)).toMatch(/ask again with a new request/);
    const told = bot.connector.activities.filter((item) => item.conversationId === conversationId).at(-1);
    expect(cardTexts(cardOf(told as never)).join('\n')).toMatch(/approved but could not be carried out/);

    await approve(requestId, conversationId, users.alex);
    await bot.app.approvals.sweep();
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);

    const audit = await bot.store.audit.query({ action: 'approval.execute', limit: 20 });
    expect(audit.find((row) => row.details?.requestId === requestId)).toMatchObject({
      outcome: 'failed',
      details: { code: 'PC_STALE_ETAG' },
    });
  });

  it('leaves the request failed with the error when Partner Center fails, and never sends the PATCH again', async () => {
    const { requestId, conversationId } = await ask(acme);
    bot.simulator.faults.add({ route: PATCH_SUBSCRIPTION, status: 400, times: 1 });
    await approve(requestId, conversationId);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect(await bot.store.approvals.find(requestId)).toMatchObject({
      status: 'failed',
      errorCode: 'PC_BAD_REQUEST',
    });
    expect(lastUpdate(conversationId)).toMatch(
      /Not done: Partner Center rejected the request as invalid\. Nothing was retried/,
    );
    expect(await statusOf(acme)).toBe('active');
  });

  it('does not retry a 503 into a second suspension, and reads the subscription to tell what happened', async () => {
    const { requestId, conversationId } = await ask(contoso190Premium);
    bot.simulator.calls.reset();
    bot.simulator.faults.add({ route: PATCH_SUBSCRIPTION, status: 503 });
    await approve(requestId, conversationId);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect(await bot.store.approvals.find(requestId)).toMatchObject({
      status: 'failed',
      errorCode: 'PC_UNAVAILABLE',
    });
    expect(
      bot.simulator.calls.count('GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}'),
    ).toBe(1);
    expect(await statusOf(contoso190Premium)).toBe('active');
  });
});

describe('an approvals channel the bot cannot reach', () => {
  it('puts the approval card where it was asked, says so, and the request can still be decided', async () => {
    const gone = await startConnector();
    await gone.close();
    await bot.post(
      messageActivity('set approvals channel', {
        serviceUrl: gone.serviceUrl,
        conversationId: '19:removed@thread.tacv2',
        conversationType: 'channel',
        user: users.alex,
      }),
    );
    const conversationId = `failures-${++conversations}`;
    await bot.post(
      messageActivity(`suspend ${sprindis.customer} ${sprindis.subscription} because unpaid`, {
        serviceUrl: bot.connector.serviceUrl,
        conversationId,
        user: users.megan,
      }),
    );
    const [card, ack] = await bot.connector.waitFor(2, conversationId);
    expect(cardTexts(cardOf(ack as never)).join('\n')).toMatch(/could not post in the approvals channel/);
    const requestId = cardActions(cardOf(card as never)).find((action) => action.verb === 'approval.approve')
      ?.data.requestId as string;
    await approve(requestId, conversationId);
    expect(await bot.store.approvals.find(requestId)).toMatchObject({ status: 'done' });
    // Each send to the unreachable channel gives up after the connector client's own retries (about 5 s).
  }, 60_000);
});
