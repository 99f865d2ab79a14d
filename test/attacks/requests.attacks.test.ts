import { request } from 'undici';
import { cardActionActivity, messageActivity, type TestUser, users } from '../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/**
 * Hostile input from an authenticated Teams user: card data that claims to be someone else or points at
 * what the caller may not touch, oversized and deeply nested bodies, and command text written to break out
 * of a filter, a query or a header. Identity always comes from the activity, card data carries opaque ids
 * checked on arrival, and text stays text.
 */

const acme = '81a570b1-db47-4da6-9abd-a31abacd60b8';
const dakota = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const alexWilber = 'alex.wilber@dakotamall.onmicrosoft.com';
const resetRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword';
const patchSubscription = 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  bot.simulator.calls.reset();
});

let conversations = 0;
const newConversation = () => `attack-${++conversations}`;

async function say(text: string, user: TestUser = users.alex, conversationId = newConversation()) {
  const before = bot.connector.activities.filter(
    (activity) => activity.conversationId === conversationId,
  ).length;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  const replies = await bot.connector.waitFor(before + 1, conversationId);
  const card = cardOf(replies.at(-1) as never);
  return { card, texts: cardTexts(card).join('\n'), conversationId };
}

async function click(
  verb: string,
  data: Record<string, unknown>,
  user: TestUser,
  conversationId = newConversation(),
) {
  const response = await bot.post(
    cardActionActivity(verb, data, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  const body = response.body as { type: string; value: unknown };
  return { ...body, texts: typeof body.value === 'string' ? body.value : cardTexts(body.value).join('\n') };
}

describe('card data claiming another identity', () => {
  it('does not lend a user without a role the identity or roles the data names', async () => {
    const answer = await click(
      'customer.select',
      { customerId: acme, aadObjectId: users.alex.aadObjectId, from: users.alex, roles: ['admin'] },
      users.patti,
    );
    expect(answer.texts).toMatch(/You do not have a role yet/);
    expect(bot.simulator.calls.count()).toBe(0);
  });

  it('does not let a viewer confirm a password reset an agent prepared, whatever the data says', async () => {
    const prepared = await say(`reset password ${alexWilber}`, users.megan);
    const confirm = cardActions(prepared.card).find((action) => action.verb === 'user.confirmReset');
    expect(confirm).toBeDefined();
    const answer = await click(
      'user.confirmReset',
      { ...confirm?.data, forceChange: 'true', actorId: users.megan.aadObjectId, roles: ['agent'] },
      users.isaiah,
      prepared.conversationId,
    );
    expect(answer.texts).toMatch(/Your role does not allow this/);
    expect(bot.simulator.calls.count(resetRoute)).toBe(0);
  });

  it('does not let a requester approve their own request by naming an approver in the data', async () => {
    const conversationId = newConversation();
    const before = bot.connector.activities.length;
    await bot.post(
      messageActivity(`suspend ${dakota} d8354bb4-41aa-4483-bb7a-6bfab02b45c0 because unpaid`, {
        serviceUrl: bot.connector.serviceUrl,
        conversationId,
        user: users.alex,
      }),
    );
    await bot.connector.waitFor(before + 2);
    const approvalCard = bot.connector.activities
      .filter((activity) => activity.conversationId === conversationId)
      .map((activity) => cardOf(activity as never))
      .find((card) => cardActions(card).some((action) => action.verb === 'approval.refresh'));
    const requestId = cardActions(approvalCard).find((action) => action.verb === 'approval.refresh')?.data
      .requestId;
    expect(typeof requestId).toBe('string');

    const answer = await click(
      'approval.approve',
      { requestId, approverId: users.adele.aadObjectId, decidedBy: users.adele },
      users.alex,
      conversationId,
    );
    expect(answer.texts).toMatch(/You asked for this yourself/);
    expect((await bot.store.approvals.find(requestId as string))?.status).toBe('pending');
    expect(bot.simulator.calls.count(patchSubscription)).toBe(0);
  });

  it('answers an approval id that does not exist, or is not an id, as an out-of-date button', async () => {
    for (const requestId of ['4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '../../approvals/all', "' OR 1=1 --"]) {
      const answer = await click('approval.approve', { requestId }, users.adele);
      expect(answer.texts).not.toMatch(/Approved|Something went wrong/);
    }
    expect(bot.simulator.calls.count(patchSubscription)).toBe(0);
  });

  it.each([
    ['a path instead of an id', { customerId: '../../v1/customers?size=500' }],
    ['a filter expression', { customerId: "x' or 1 eq 1" }],
    ['a number', { customerId: 42 }],
    ['an object', { customerId: { $ne: null } }],
    ['nothing', {}],
  ])('refuses %s as a customer id before calling Partner Center', async (_case, data) => {
    const answer = await click('customer.refresh', data, users.alex);
    expect(answer.texts).toMatch(/out of date or not valid/);
    expect(bot.simulator.calls.count()).toBe(0);
  });
});

describe('oversized and deeply nested requests', () => {
  const post = (body: string) =>
    request(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('refuses a body over 1 MB with 413 before any handler runs, and keeps serving', async () => {
    const rowsBefore = (await bot.store.audit.query({ limit: 200 })).length;
    const activity = messageActivity(`help ${'x'.repeat(1024 * 1024)}`, {
      serviceUrl: bot.connector.serviceUrl,
    });
    const response = await post(JSON.stringify(activity));
    await response.body.text();
    expect(response.statusCode).toBe(413);
    expect((await bot.store.audit.query({ limit: 200 })).length).toBe(rowsBefore);
    expect((await say('help')).texts).toMatch(/lookup/);
  });

  const nestedRefresh = (depth: number) =>
    JSON.stringify(
      cardActionActivity('customer.refresh', { customerId: acme }, { serviceUrl: bot.connector.serviceUrl }),
    ).replace(
      `"customerId":"${acme}"`,
      `"customerId":"${acme}","extra":${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`,
    );

  it.each([10_000, 100_000])(
    'refuses JSON nested %i levels deep with 400 before any handler runs, and keeps serving',
    async (depth) => {
      const rowsBefore = (await bot.store.audit.query({ limit: 200 })).length;
      const response = await post(nestedRefresh(depth));
      await response.body.text();
      expect(response.statusCode).toBe(400);
      expect((await bot.store.audit.query({ limit: 200 })).length).toBe(rowsBefore);
      expect((await say('help')).texts).toMatch(/lookup/);
    },
  );

  it('serves card data nested 100 levels deep, which the verb’s schema ignores', async () => {
    const response = await post(nestedRefresh(100));
    const answer = JSON.parse(await response.body.text()) as { value: unknown };
    expect(response.statusCode).toBe(200);
    expect(cardTexts(answer.value).join('\n')).toContain('ACME Corporation');
  });
});

describe('command text written to break out', () => {
  it.each([
    "contoso' or startswith(CompanyName,'",
    'contoso") or true or ("',
    "'; DROP TABLE audit_log; --",
    '%27%20or%201%20eq%201',
    'contoso\r\nX-Injected: yes',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a card template binding typed as text, on purpose.
    '${companyName} {{DATE(2017-02-14T06:08:39Z)}}',
    '\u202Eevil\u200B\u0000 with a NUL, which PostgreSQL cannot store',
  ])('looks up %j as a literal prefix and keeps everything working', async (text) => {
    const reply = await say(`lookup ${text}`);
    expect(reply.texts).not.toMatch(/Something went wrong|rejected the request as invalid/);
    const audited = await bot.store.audit.query({ action: 'lookup', limit: 5 });
    expect(audited.length).toBeGreaterThan(0);
    expect((await say('lookup acme')).texts).toContain('ACME Corporation');
  });

  it('keeps an audit filter written as SQL a filter value, and the audit log intact', async () => {
    const before = (await bot.store.audit.query({ limit: 200 })).length;
    const reply = await say("audit user '; DELETE FROM audit_log; --");
    expect(reply.texts).not.toMatch(/Something went wrong/);
    expect((await bot.store.audit.query({ limit: 200 })).length).toBeGreaterThanOrEqual(before);
  });

  it('ignores a locale written to inject a header', async () => {
    const conversationId = newConversation();
    const response = await bot.post({
      ...messageActivity('lookup acme', { serviceUrl: bot.connector.serviceUrl, conversationId }),
      locale: 'en-US\r\nX-Injected: yes',
    });
    expect(response.status).toBe(200);
    const [reply] = await bot.connector.waitFor(1, conversationId);
    expect(cardTexts(cardOf(reply as never)).join('\n')).toContain('ACME Corporation');
  });
});
