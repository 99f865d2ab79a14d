import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/**
 * Service requests under a customer-scoped role, over real HTTP with the simulator. Partner Center reads and
 * changes a request by its id alone, so the bot checks whose request it is: Adele's agent role covers Dakota mall
 * only; Megan's covers every customer. Refusals are counted in the simulator (nothing read or changed) and in the
 * audit log.
 */

const DAKOTA = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const DT_DEMO = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const CONTOSO_190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
/** Dakota mall's request (seed), DT Demo's, and one filed under the partner with no customer. */
const DAKOTA_REQUEST = '617290345512881';
const DT_DEMO_REQUEST = '615112491169010';
const PARTNER_REQUEST = '616122292874576';
const routes = {
  create: 'POST /v1/servicerequests/{agent-locale}',
  list: 'GET /v1/customers/{customer-tenant-id}/servicerequests',
  get: 'GET /v1/servicerequests/{servicerequest-id}',
  update: 'PATCH /v1/servicerequests/{servicerequest-id}',
};
const notCovered = 'Your role in this bot does not cover this customer.';
const scoped = users.adele;

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

let bot: TestBot;
let conversation = 0;

function roleFile(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'ticket-roles-'));
  const file = path.join(directory, 'roles.json');
  writeFileSync(
    file,
    JSON.stringify({
      roles: {
        viewer: { users: [users.isaiah.aadObjectId] },
        agent: [{ users: [users.megan.aadObjectId] }, { users: [scoped.aadObjectId], customers: [DAKOTA] }],
        admin: { users: [users.alex.aadObjectId] },
      },
    }),
  );
  return file;
}

/** A group chat both agents are in: each sees the cards the other was sent. */
function nextConversation(): string {
  conversation += 1;
  return `tickets-scope-${conversation}`;
}

async function say(text: string, user: TestUser, conversationId = nextConversation()) {
  const before = bot.connector.activities.filter((activity) => activity.conversationId === conversationId);
  const response = await bot.post(
    messageActivity(text, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId,
      user,
      conversationType: 'groupChat',
    }),
  );
  expect(response.status).toBe(200);
  const replies = await bot.connector.waitFor(before.length + 1, conversationId);
  return { card: cardOf(replies.at(-1) as never), conversationId };
}

async function click(verb: string, data: Record<string, unknown>, user: TestUser, conversationId: string) {
  const response = await bot.post(
    cardActionActivity(verb, data, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId,
      user,
      conversationType: 'groupChat',
    }),
  );
  expect(response.status).toBe(200);
  return response.body as InvokeAnswer;
}

/** The card a button sent as a new message (ticket.open answers with a short message). */
async function sentAfter(conversationId: string, count: number) {
  const replies = await bot.connector.waitFor(count, conversationId);
  return cardOf(replies.at(-1) as never);
}

function action(card: unknown, verb: string) {
  const found = cardActions(card).find((candidate) => candidate.verb === verb);
  if (!found) throw new Error(`no ${verb} button`);
  return found;
}

const repliesIn = (conversationId: string) =>
  bot.connector.activities.filter((activity) => activity.conversationId === conversationId).length;

async function auditOf(user: TestUser, action: string) {
  return bot.store.audit.query({ actorId: user.aadObjectId, action });
}

const valid = {
  topicId: '32444675',
  title: 'Licenses missing after purchase',
  description: 'Three users have no Microsoft 365 E3 license since Monday.',
  severity: 'moderate',
};

beforeAll(async () => {
  bot = await startTestBot({ env: { RBAC_CONFIG: roleFile() } });
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  bot.simulator.calls.reset();
});

describe('service requests under a customer-scoped role', () => {
  it("opens a request from an allowed customer's list, refreshes it and adds a note", async () => {
    const { card: list, conversationId } = await say(`tickets ${DAKOTA}`, scoped);
    const open = action(list, 'ticket.open');
    expect(open.data).toEqual({ serviceRequestId: DAKOTA_REQUEST, customerId: DAKOTA });

    bot.simulator.calls.reset();
    const before = repliesIn(conversationId);
    const opened = await click('ticket.open', open.data, scoped, conversationId);
    expect(opened.type).toBe('application/vnd.microsoft.activity.message');
    const details = await sentAfter(conversationId, before + 1);
    expect(cardTexts(details).join('\n')).toContain('Please send the migration batch name.');
    // The check costs a scoped caller one list of the customer's requests.
    expect(bot.simulator.calls.byRoute()).toEqual({ [routes.list]: 1, [routes.get]: 1 });

    const refreshed = await click(
      'ticket.refresh',
      action(details, 'ticket.refresh').data,
      scoped,
      conversationId,
    );
    expect(cardTexts(refreshed.value).join('\n')).toContain('Mailbox migration stuck');
    const note = 'Batch name: DM-2024-02';
    const added = await click(
      'ticket.addNote',
      { ...action(refreshed.value, 'ticket.addNote').data, note },
      scoped,
      conversationId,
    );
    expect(cardTexts(added.value).join('\n')).toContain('Note added.');
    expect(bot.simulator.calls.count(routes.update)).toBe(1);
    expect(action(added.value, 'ticket.close').data).toMatchObject({ customerId: DAKOTA });
  });

  it.each([
    [
      'another customer’s request under an allowed customer',
      'ticket.open',
      { serviceRequestId: DT_DEMO_REQUEST, customerId: DAKOTA },
      DAKOTA,
    ],
    [
      'a customer outside the role',
      'ticket.open',
      { serviceRequestId: DT_DEMO_REQUEST, customerId: DT_DEMO },
      DT_DEMO,
    ],
    ['no customer', 'ticket.refresh', { serviceRequestId: PARTNER_REQUEST, customerId: '' }, undefined],
    [
      'a Close of another customer’s request',
      'ticket.close',
      { serviceRequestId: DT_DEMO_REQUEST, customerId: DAKOTA },
      DAKOTA,
    ],
    [
      'a note on another customer’s request',
      'ticket.addNote',
      {
        serviceRequestId: DT_DEMO_REQUEST,
        customerId: DAKOTA,
        submissionId: '3a0f4d1e-9b7c-4e52-8f16-0c2d4b6a8e90',
        note: 'forged',
      },
      DAKOTA,
    ],
  ])(
    'refuses crafted card data naming %s, audits it, and reads or changes nothing',
    async (_label, verb, data, customerId) => {
      const conversationId = nextConversation();
      const answer = await click(verb, data, scoped, conversationId);
      expect(cardTexts(answer.value).join('\n')).toContain(notCovered);
      expect(bot.simulator.calls.count(routes.get)).toBe(0);
      expect(bot.simulator.calls.count(routes.update)).toBe(0);

      const [denied] = await auditOf(scoped, `authorize:${verb}`);
      expect(denied).toMatchObject({
        outcome: 'denied',
        ...(customerId ? { customerId } : {}),
        details: { reason: 'CUSTOMER_NOT_ALLOWED', serviceRequestId: data.serviceRequestId },
      });
      if (!customerId) expect(denied?.customerId).toBeUndefined();
      const [failed] = await auditOf(scoped, verb);
      expect(failed).toMatchObject({ outcome: 'failed', details: { code: 'CUSTOMER_NOT_ALLOWED' } });
    },
  );

  it('answers a typed ticket <id> by pointing at tickets <customer>, and audits it as denied', async () => {
    const { card } = await say(`ticket ${DAKOTA_REQUEST}`, scoped);
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain("Open this request from its customer's list");
    expect(texts).toContain(`type tickets <customer> and choose ${DAKOTA_REQUEST} there`);
    expect(bot.simulator.calls.byRoute()).toEqual({});

    const [denied] = await auditOf(scoped, 'authorize:ticket');
    expect(denied).toMatchObject({
      outcome: 'denied',
      details: {
        reason: 'CUSTOMER_NOT_ALLOWED',
        serviceRequestId: DAKOTA_REQUEST,
        permission: 'ticket.read',
      },
    });
    const [outcome] = await auditOf(scoped, 'ticket');
    expect(outcome).toMatchObject({ outcome: 'failed', details: { result: 'customerScoped' } });
  });

  it('opens a request it created for an allowed customer from the created card (Partner Center does not list it under the customer)', async () => {
    const { card: form, conversationId } = await say(`new ticket ${DAKOTA}`, scoped);
    const created = await click(
      'ticket.create',
      { ...action(form, 'ticket.create').data, ...valid },
      scoped,
      conversationId,
    );
    const open = action(created.value, 'ticket.open');
    const serviceRequestId = String(open.data.serviceRequestId);
    expect(open.data).toEqual({
      serviceRequestId,
      customerId: DAKOTA,
      draftId: action(form, 'ticket.create').data.draftId,
    });

    const before = repliesIn(conversationId);
    await click('ticket.open', open.data, scoped, conversationId);
    const details = await sentAfter(conversationId, before + 1);
    expect(cardTexts(details).join('\n')).toContain(valid.title);
    expect(action(details, 'ticket.close').data).toMatchObject(open.data);

    // The form proves this one request only: not another request, nor another customer.
    for (const forged of [
      { ...open.data, serviceRequestId: DT_DEMO_REQUEST },
      { ...open.data, customerId: DT_DEMO },
    ]) {
      bot.simulator.calls.reset();
      const refused = await click('ticket.close', forged, scoped, conversationId);
      expect(cardTexts(refused.value).join('\n')).toContain(notCovered);
      expect(bot.simulator.calls.count(routes.update)).toBe(0);
    }
  });

  it('refuses the cards another agent was shown for a customer outside the role (a group chat)', async () => {
    const { card: form, conversationId } = await say('new ticket contoso190', users.megan);
    const formData = action(form, 'ticket.create').data;
    expect(formData.customerId).toBe(CONTOSO_190);
    const submit = { ...formData, ...valid };

    bot.simulator.calls.reset();
    const refusedCreate = await click('ticket.create', submit, scoped, conversationId);
    expect(cardTexts(refusedCreate.value).join('\n')).toContain(notCovered);
    expect(bot.simulator.calls.count(routes.create)).toBe(0);
    const [denied] = await auditOf(scoped, 'authorize:ticket.create');
    expect(denied).toMatchObject({ outcome: 'denied', customerId: CONTOSO_190 });

    const created = await click('ticket.create', submit, users.megan, conversationId);
    const open = action(created.value, 'ticket.open');
    bot.simulator.calls.reset();
    const refusedOpen = await click('ticket.open', open.data, scoped, conversationId);
    expect(cardTexts(refusedOpen.value).join('\n')).toContain(notCovered);
    expect(bot.simulator.calls.count(routes.get)).toBe(0);
  });
});

describe('service requests under a role that covers every customer', () => {
  it('open by typed id and by buttons without a customer, with no extra call', async () => {
    const { card, conversationId } = await say(`ticket ${DT_DEMO_REQUEST}`, users.megan);
    expect(cardTexts(card).join('\n')).toContain('Test');
    expect(bot.simulator.calls.byRoute()).toEqual({ [routes.get]: 1 });

    const refresh = action(card, 'ticket.refresh');
    expect(refresh.data).toEqual({ serviceRequestId: DT_DEMO_REQUEST, customerId: '', draftId: '' });
    bot.simulator.calls.reset();
    const refreshed = await click(
      'ticket.refresh',
      { serviceRequestId: DT_DEMO_REQUEST },
      users.megan,
      conversationId,
    );
    expect(refreshed.type).toBe('application/vnd.microsoft.card.adaptive');
    const closed = await click('ticket.close', refresh.data, users.megan, conversationId);
    expect(cardTexts(closed.value).join('\n')).toContain('Service request closed.');
    expect(bot.simulator.calls.byRoute()).toEqual({ [routes.get]: 1, [routes.update]: 1 });
  });
});
