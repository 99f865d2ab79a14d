import { cardActionActivity, messageActivity, type TestUser, users } from '../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/**
 * The bot over real HTTP: Teams-shaped activities posted to /api/messages, replies captured at a
 * local connector, Partner Center served by the simulator.
 */

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ simulator: { extraCustomers: 400 } });
});
afterAll(async () => {
  await bot.close();
});

let conversation = 0;
async function say(text: string, user: TestUser = users.alex, extra: Record<string, string> = {}) {
  const conversationId = `conversation-${++conversation}`;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user, ...extra }),
  );
  expect(response.status).toBe(200);
  const [reply] = await bot.connector.waitFor(1, conversationId);
  if (!reply) throw new Error('no reply');
  return { card: cardOf(reply), conversationId };
}

async function click(
  verb: string,
  data: Record<string, unknown>,
  conversationId: string,
  user: TestUser = users.alex,
) {
  const response = await bot.post(
    cardActionActivity(verb, data, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  return response.body as { statusCode: number; type: string; value: unknown };
}

describe('the bot in a Teams conversation', () => {
  it('answers help with only the commands the user may use', async () => {
    const admin = cardTexts((await say('help')).card).join('\n');
    expect(admin).toMatch(/lookup/);
    expect(admin).toMatch(/audit/);
    const viewer = cardTexts((await say('help', users.isaiah)).card).join('\n');
    expect(viewer).toMatch(/lookup/);
    expect(viewer).not.toMatch(/audit \[/);
  });

  it('answers whoami with the caller’s identity and roles', async () => {
    const texts = cardTexts((await say('whoami', users.megan)).card).join('\n');
    expect(texts).toContain(users.megan.aadObjectId);
    expect(texts).toMatch(/agent/);
  });

  it('lists several customers for a company-name prefix, each selectable', async () => {
    const { card, conversationId } = await say('lookup contoso');
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('Contoso190');
    expect(texts).toContain('contosocorpdemo.onmicrosoft.com');
    const select = cardActions(card).find((action) => action.verb === 'customer.select');
    expect(select?.data).toEqual({ customerId: expect.any(String) });

    const response = await click('customer.select', select?.data ?? {}, conversationId);
    expect(response.statusCode).toBe(200);
    const [, opened] = await bot.connector.waitFor(2, conversationId);
    expect(cardTexts(cardOf(opened as never)).join('\n')).toMatch(/Contoso/);
  });

  it('pages a broad search with "Show more", keeping the search on the server', async () => {
    const { card, conversationId } = await say('lookup co');
    const firstPage = cardTexts(card);
    const more = cardActions(card).find((action) => action.verb === 'lookup.more');
    expect(more?.data).toEqual({ searchId: expect.any(String) });

    const response = await click('lookup.more', more?.data ?? {}, conversationId);
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const secondPage = cardTexts(response.value);
    const tenantIds = (texts: string[]) => texts.filter((text) => /^[0-9a-f-]{36}$/.test(text));
    expect(tenantIds(secondPage).length).toBeGreaterThan(0);
    expect(tenantIds(secondPage).filter((id) => tenantIds(firstPage).includes(id))).toEqual([]);

    const forged = await click(
      'lookup.more',
      { searchId: '00000000-0000-4000-8000-000000000000' },
      conversationId,
    );
    expect(JSON.stringify(forged.value)).toMatch(/expired/);
  });

  it('shows one customer card for a unique match, with next steps', async () => {
    const { card } = await say('LOOKUP acme');
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('ACME Corporation');
    expect(texts).toContain('81a570b1-db47-4da6-9abd-a31abacd60b8');
    expect(cardActions(card).map((action) => action.verb)).toContain('customer.refresh');
  });

  it('finds a customer by tenant id and by domain prefix', async () => {
    expect(cardTexts((await say('lookup 9F8A5686-B4E4-455A-ACD6-4C3F9B1DE284')).card).join('\n')).toContain(
      'Wolfram & Hart',
    );
    expect(cardTexts((await say('lookup dtdemocspcustomer005.onmicrosoft')).card).join('\n')).toContain(
      'DT Demo CSP Customer 005',
    );
  });

  it('explains a search without a match, and how to search otherwise', async () => {
    const texts = cardTexts((await say('lookup Nobody Such Company')).card).join('\n');
    expect(texts).toMatch(/No customer matches “Nobody Such Company”/);
    expect(texts).toMatch(/company name/);
  });

  it('treats hostile input as plain text', async () => {
    for (const query of [
      'zz "quoted" {braces} & 100%',
      'zz 🍕 台灣 微软',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile query, on purpose
      'zz ${x} [link](https://evil.example)',
    ]) {
      const texts = cardTexts((await say(`lookup ${query}`)).card).join('\n');
      expect(texts).toContain(query);
    }
  });

  it('refuses too short, too long and malformed-GUID queries with a clear message', async () => {
    expect(cardTexts((await say('lookup a')).card).join('\n')).toMatch(/at least 2 characters/);
    expect(cardTexts((await say(`lookup ${'x'.repeat(10 * 1024)}`)).card).join('\n')).toMatch(/under 256/);
    expect(cardTexts((await say('lookup c5757d70-06f3-4f23-8367-5a9e55019f9')).card).join('\n')).toMatch(
      /not a valid one/,
    );
    expect(cardTexts((await say('lookup')).card).join('\n')).toMatch(/What should I look up/);
  });

  it('suggests the nearest command for an unknown one', async () => {
    expect(cardTexts((await say('lokup contoso')).card).join('\n')).toMatch(/Did you mean “lookup”/);
  });

  it('gives a user without a role a polite card with their object id, and runs nothing', async () => {
    const texts = cardTexts((await say('lookup contoso', users.patti)).card).join('\n');
    expect(texts).toContain(users.patti.aadObjectId);
    expect(texts).not.toContain('Contoso190');
  });

  it('refuses a tenant that is not allowed', async () => {
    const texts = cardTexts(
      (await say('help', users.alex, { tenantId: '0b0b0b0b-0000-4000-8000-000000000000' })).card,
    ).join('\n');
    expect(texts).toMatch(/does not serve your organization/);
  });

  it('removes the @mention of the bot in channels', async () => {
    expect(cardTexts((await say('<at>Partner Helpdesk Bot</at> lookup acme')).card).join('\n')).toContain(
      'ACME Corporation',
    );
  });

  it('re-authorizes every card action from the caller, not from the card', async () => {
    const { conversationId } = await say('help');
    const response = await click(
      'customer.refresh',
      { customerId: '81a570b1-db47-4da6-9abd-a31abacd60b8' },
      conversationId,
      users.patti,
    );
    expect(JSON.stringify(response.value)).toContain(users.patti.aadObjectId);
    expect(JSON.stringify(response.value)).not.toContain('ACME Corporation');
  });

  it('rejects card actions with invalid data or an unknown verb', async () => {
    const { conversationId } = await say('help');
    for (const [verb, data] of [
      ['customer.refresh', { customerId: 'not-a-guid' }],
      ['customer.delete', { customerId: '81a570b1-db47-4da6-9abd-a31abacd60b8' }],
    ] as const) {
      const response = await click(verb, data, conversationId);
      expect(response).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
      expect(String(response.value)).toMatch(/out of date or not valid any more\. Reference: [0-9a-f-]{36}/);
    }
  });

  it('answers a Partner Center failure with an apology and a correlation id, logged once with that id', async () => {
    bot.simulator.faults.add({ route: 'GET /v1/customers', status: 500 });
    try {
      const texts = cardTexts((await say('lookup fourth coffee')).card).join('\n');
      const reference = /Reference: ([0-9a-f-]{36})/.exec(texts)?.[1];
      expect(reference).toBeDefined();
      expect(texts).toMatch(/Partner Center is not answering/);
      expect(texts).not.toMatch(/at \w+ \(/); // no stack trace
      expect(bot.logs.some((line) => line.correlationId === reference && line.msg === 'action failed')).toBe(
        true,
      );
    } finally {
      bot.simulator.faults.clear();
    }
    expect(cardTexts((await say('lookup acme')).card).join('\n')).toContain('ACME Corporation');
  });

  it('writes the decision and the outcome of every command to the audit log', async () => {
    await say('lookup wolfram', users.megan);
    const rows = await bot.store.audit.query({ actorId: users.megan.aadObjectId, limit: 10 });
    expect(rows.map((row) => `${row.action}:${row.outcome}`)).toEqual(
      expect.arrayContaining(['authorize:lookup:allowed', 'lookup:succeeded']),
    );
    expect(rows.find((row) => row.action === 'lookup')?.customerId).toBe(
      '9f8a5686-b4e4-455a-acd6-4c3f9b1de284',
    );
  });

  it('shows the audit log to admins only', async () => {
    expect(cardTexts((await say('audit')).card).join('\n')).toMatch(/lookup/);
    expect(cardTexts((await say('audit', users.megan)).card).join('\n')).toMatch(/role does not allow/);
  });

  it('reports liveness and readiness', async () => {
    const alive = await fetch(`${bot.url}/healthz`);
    expect(alive.status).toBe(200);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { store: 'ok', partnerCenter: 'ok', identity: 'ok' },
      identity: { mode: 'service-account', appOnly: 'none-needed', serviceAccount: 'none-needed' },
    });
  });
});
