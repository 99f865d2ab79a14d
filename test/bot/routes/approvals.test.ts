import { request } from 'undici';
import {
  cardActionActivity,
  devTenantId,
  messageActivity,
  type TestUser,
  users,
} from '../../support/activities';
import type { SentActivity } from '../../support/connector';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * The suspension approval flow over real HTTP: Teams-shaped activities posted to the bot, Partner Center
 * served by the simulator, replies and card updates captured by the local connector.
 */

const PATCH_SUBSCRIPTION = 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}';
const HOUR = 3_600_000;

const alpine = {
  customer: '86d9c571-b1fe-48b9-93bf-26e5c557d77e',
  subscription: 'fee63052-d40d-4d79-a1de-847502a13fa1',
};
const humongous = {
  customer: '8826a443-cc53-4256-a4bf-93fb573bb931',
  subscription: 'd25c5201-5099-4518-89aa-4e6836feeda3',
};
const proseware = {
  customer: '566e2e6f-70f1-4f46-a7f4-f8a85b84954a',
  subscription: 'fe6371e4-c9a0-4fc4-9239-9012bc3f2c7b',
};
const fourthCoffee = {
  customer: 'dfd8cc0a-c592-468c-8461-869a38d24738',
  subscription: '93e21bbe-825d-4adc-904c-9f86aaff975c',
};
const fabrikam = {
  customer: '57aac927-ebd6-49f4-85f5-bc4df5b4130f',
  subscription: '4327c34b-75a7-489a-b823-822f9a1c7f12',
};
const tailspin = {
  customer: 'c501c3c4-d776-40ef-9ecf-9cefb59442c1',
  subscription: '42226ed6-070a-4e0f-b80c-4cdfb3e97aa7',
};
const adventure = {
  customer: '0c39d6d5-c70d-4c55-bc02-f620844f3fd1',
  subscription: '34828c05-c16c-4d6f-9cfc-4d2650ef19a1',
};
const lullaby = {
  customer: '777b90ee-cd9f-4455-bba8-28c10bd854e2',
  subscription: '841fb73a-3261-4cfc-9e52-7d0c4a1e9b36',
};
const sprindis = {
  customer: '3a3aee66-3704-40c5-886d-2e46781aac95',
  subscription: 'ec9f88c3-deb0-4f89-b280-7198c15e6e77',
};
const dakota = {
  customer: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
  subscription: 'd8354bb4-41aa-4483-bb7a-6bfab02b45c0',
};
const lucerne = {
  customer: 'cf4b81b9-d6c2-4979-a2f3-3c81661dcc08',
  subscription: '25117899-e679-447c-bb3f-a5ad9bfed695',
};
const contosoSuspended = {
  customer: '7b26b357-9ca3-48b8-a58e-4febe2662a5d',
  subscription: '7d9ac608-d87c-439f-a4aa-a6e2ce7080ae',
};
const someCompany = {
  customer: 'c2b306bb-df8d-4ac7-87de-3adcbecdbbfd',
  subscription: 'a408d22c-6628-49cd-93bd-1c3081592b16',
};
const northwindDeleted = {
  customer: '798e5662-2f1f-44ef-91c7-d8d9f722400e',
  subscription: '6a5073e0-4553-4257-a207-123cc4fe6bf8',
};

let bot: TestBot;
let clockOffsetMs = 0;

beforeAll(async () => {
  bot = await startTestBot({ now: () => new Date(Date.now() + clockOffsetMs) });
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  bot.simulator.calls.reset();
});
afterEach(async () => {
  await bot.app.approvals.idle();
  clockOffsetMs = 0;
});

let conversations = 0;
const newConversation = () => `conversation-${++conversations}`;

/** Posts a message and returns the activities it produced in that conversation. */
async function say(text: string, user: TestUser, conversationId: string, expected: number) {
  const before = bot.connector.activities.filter((item) => item.conversationId === conversationId).length;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  const all = await bot.connector.waitFor(before + expected, conversationId);
  return all.slice(before);
}

async function click(verb: string, data: Record<string, unknown>, user: TestUser, conversationId: string) {
  const response = await bot.post(
    cardActionActivity(verb, data, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  return response.body as { statusCode: number; type: string; value: Record<string, unknown> };
}

const texts = (activity: SentActivity | undefined) => cardTexts(cardOf(activity as never)).join('\n');

/** Megan asks; returns the request id and the conversation with the approval card. */
async function ask(
  target: { customer: string; subscription: string },
  user: TestUser = users.megan,
  reason = 'unpaid since January',
) {
  const conversationId = newConversation();
  const [approval, ack] = await say(
    `suspend ${target.customer} ${target.subscription} because ${reason}`,
    user,
    conversationId,
    2,
  );
  expect(texts(ack)).toMatch(/Sent for approval/);
  const card = cardOf(approval as never);
  const requestId = cardActions(card).find((action) => action.verb === 'approval.refresh')?.data.requestId;
  if (typeof requestId !== 'string') throw new Error('no request id on the approval card');
  return { requestId, conversationId, card };
}

async function subscriptionStatus(target: { customer: string; subscription: string }) {
  const response = await request(
    `${bot.simulator.url}/v1/customers/${target.customer}/subscriptions/${target.subscription}`,
  );
  return (await response.body.json()) as { status: string; attributes: { etag: string } };
}

function updatesIn(conversationId: string) {
  return bot.connector.activities.filter(
    (item) => item.conversationId === conversationId && item.method === 'PUT',
  );
}

describe('asking for a suspension', () => {
  it('stores a pending request and posts an approval card with Approve/Reject and a refresh for the requester', async () => {
    const { card, requestId } = await ask(adventure);
    const shown = cardTexts(card).join('\n');
    expect(shown).toContain('Suspension of a subscription');
    expect(shown).toContain('Adventure Works');
    expect(shown).toContain('unpaid since January');
    expect(shown).toContain('Megan Bowen');
    expect(cardActions(card).map((action) => action.verb)).toEqual([
      'approval.refresh',
      'approval.approve',
      'approval.reject',
    ]);
    expect(card.refresh).toMatchObject({ userIds: expect.arrayContaining([users.megan.id]) });
    const stored = await bot.store.approvals.find(requestId);
    expect(stored).toMatchObject({
      status: 'pending',
      kind: 'subscription.suspend',
      customerId: adventure.customer,
      subscriptionId: adventure.subscription,
      etag: (await subscriptionStatus(adventure)).attributes.etag,
      reason: 'unpaid since January',
    });
    expect(stored?.expiresAt.getTime()).toBe((stored?.createdAt.getTime() ?? 0) + 24 * HOUR);
    const audit = await bot.store.audit.query({ action: 'suspend', limit: 5 });
    expect(audit[0]).toMatchObject({
      outcome: 'succeeded',
      subscriptionId: adventure.subscription,
      details: { requestId },
    });
  });

  it('finds the customer by name or domain, and explains a missing reason, a wrong status or a missing subscription', async () => {
    const conversationId = newConversation();
    const [noReason] = await say(`suspend tailspin ${tailspin.subscription}`, users.megan, conversationId, 1);
    expect(texts(noReason)).toMatch(/A suspension needs a reason/);
    const [suspended] = await say(
      `suspend lucernepublishing.onmicrosoft.com ${lucerne.subscription} because x`,
      users.megan,
      conversationId,
      1,
    );
    expect(texts(suspended)).toMatch(/Only an active subscription can be suspended; this one is suspended/);
    const [deleted] = await say(
      `suspend Northwind ${northwindDeleted.subscription} because x`,
      users.megan,
      conversationId,
      1,
    );
    expect(texts(deleted)).toMatch(/this one is deleted/);
    const [missing] = await say(
      `suspend Tailspin Toys 00000000-0000-4000-8000-000000000000 because x`,
      users.megan,
      conversationId,
      1,
    );
    expect(texts(missing)).toMatch(
      /Tailspin Toys has no subscription with id 00000000-0000-4000-8000-000000000000/,
    );
    const [many] = await say(
      `suspend contoso ${tailspin.subscription} because x`,
      users.megan,
      conversationId,
      1,
    );
    expect(texts(many)).toMatch(/Several customers match “contoso”/);
    const [usage] = await say('suspend tailspin please', users.megan, conversationId, 1);
    expect(texts(usage)).toMatch(/suspend <customer> <subscription id> because <reason>/);
    const [tooLong] = await say(
      `suspend tailspin ${tailspin.subscription} because ${'x'.repeat(501)}`,
      users.megan,
      conversationId,
      1,
    );
    expect(texts(tooLong)).toMatch(/501 characters long; keep it to 500/);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(0);
  });

  it('answers a second request for the same subscription with the open one', async () => {
    const first = await ask(lullaby);
    const conversationId = newConversation();
    const [card, duplicate] = await say(
      `suspend ${lullaby.customer} ${lullaby.subscription} because again`,
      users.alex,
      conversationId,
      2,
    );
    expect(texts(duplicate)).toMatch(/already waiting/);
    expect(
      cardActions(cardOf(card as never)).find((action) => action.verb === 'approval.refresh')?.data.requestId,
    ).toBe(first.requestId);
  });

  it('refuses viewers before anything is read', async () => {
    const [refusal] = await say(
      `suspend ${lullaby.customer} ${lullaby.subscription} because x`,
      users.isaiah,
      newConversation(),
      1,
    );
    expect(texts(refusal)).toMatch(/Your role does not allow this/);
  });

  it('shows hostile text in a reason literally', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is part of the hostile text
    const reason = '${x} [link](https://evil.example) "quoted" **bold**';
    const { card } = await ask(sprindis, users.megan, reason);
    expect(cardTexts(card)).toContain(reason);
  });
});

describe('deciding', () => {
  it('approves: one PATCH with If-Match, the card updated for everyone, the requester told', async () => {
    const { requestId, conversationId } = await ask(alpine);
    const etag = (await subscriptionStatus(alpine)).attributes.etag;
    bot.simulator.calls.reset();

    const response = await click(
      'approval.approve',
      { requestId, comment: 'Finance confirmed' },
      users.adele,
      conversationId,
    );
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardTexts(response.value).join('\n')).toMatch(/Approved\. The change is being made/);
    await bot.app.approvals.idle();

    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    const after = await subscriptionStatus(alpine);
    expect(after.status).toBe('suspended');
    expect(after.attributes.etag).not.toBe(etag);
    expect(await bot.store.approvals.find(requestId)).toMatchObject({
      status: 'done',
      decidedBy: { id: users.adele.aadObjectId, name: 'Adele Vance' },
      comment: 'Finance confirmed',
    });

    const updates = updatesIn(conversationId);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    const final = texts(updates.at(-1));
    expect(final).toMatch(/Done: the subscription is suspended/);
    expect(final).toMatch(/Approved by Adele Vance/);
    expect(final).toMatch(/Finance confirmed/);
    expect(cardActions(cardOf(updates.at(-1) as never))).toEqual([]);
    const told = bot.connector.activities.filter(
      (item) => item.conversationId === conversationId && item.method === 'POST',
    );
    expect(texts(told.at(-1))).toMatch(/Your request was approved and carried out/);

    const audit = await bot.store.audit.query({ action: 'approval.execute', limit: 50 });
    expect(audit.find((row) => row.details?.requestId === requestId)).toMatchObject({
      outcome: 'succeeded',
      actorId: users.adele.aadObjectId,
      subscriptionId: alpine.subscription,
    });
  });

  it('rejects: nothing changes in Partner Center, the card and the requester say who rejected', async () => {
    const { requestId, conversationId } = await ask(humongous);
    bot.simulator.calls.reset();
    const response = await click(
      'approval.reject',
      { requestId, comment: 'Call them first' },
      users.alex,
      conversationId,
    );
    expect(cardTexts(response.value).join('\n')).toMatch(/Rejected\. Nothing was changed/);
    await bot.app.approvals.idle();
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(0);
    expect((await subscriptionStatus(humongous)).status).toBe('active');
    expect(texts(updatesIn(conversationId).at(-1))).toMatch(/Rejected by Alex Wilber/);
    const last = bot.connector.activities.filter((item) => item.conversationId === conversationId).at(-1);
    expect(texts(last)).toMatch(/Your request was rejected/);
  });

  it('refuses self-approval on the server, whatever the card says, and lets another approver decide', async () => {
    const { requestId, conversationId } = await ask(proseware, users.alex);
    const self = await click('approval.approve', { requestId }, users.alex, conversationId);
    expect(cardTexts(self.value).join('\n')).toMatch(/You asked for this yourself/);
    expect((await bot.store.approvals.find(requestId))?.status).toBe('pending');
    const denied = await bot.store.audit.query({ action: 'approval.decide', limit: 20 });
    expect(denied.find((row) => row.details?.requestId === requestId)).toMatchObject({
      outcome: 'denied',
      details: { reason: 'selfDecision' },
    });

    await click('approval.approve', { requestId }, users.adele, conversationId);
    await bot.app.approvals.idle();
    expect((await bot.store.approvals.find(requestId))?.status).toBe('done');
  });

  it('refuses viewers and agents, and the request stays pending', async () => {
    const { requestId, conversationId } = await ask(fourthCoffee);
    for (const user of [users.isaiah, users.megan, users.patti]) {
      const response = await click('approval.approve', { requestId }, user, conversationId);
      expect(cardTexts(response.value).join('\n')).toMatch(/role/i);
    }
    expect((await bot.store.approvals.find(requestId))?.status).toBe('pending');
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(0);
  });

  it('executes once for a double click and a retried invoke, and tells the late click who decided and when', async () => {
    const { requestId, conversationId } = await ask(tailspin);
    bot.simulator.calls.reset();
    const clicks = await Promise.all([
      click('approval.approve', { requestId }, users.adele, conversationId),
      click('approval.approve', { requestId }, users.adele, conversationId),
      click('approval.approve', { requestId }, users.alex, conversationId),
    ]);
    await bot.app.approvals.idle();
    const retried = await click('approval.approve', { requestId }, users.adele, conversationId);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect(clicks.filter((item) => /no longer waiting/.test(cardTexts(item.value).join('\n')))).toHaveLength(
      2,
    );
    const late = cardTexts(retried.value).join('\n');
    expect(late).toMatch(/no longer waiting/);
    expect(late).toMatch(/Approved by (Adele Vance|Alex Wilber)/);
    expect(late).toMatch(/Done: the subscription is suspended/);
  });

  it('lets the requester cancel while pending, and then nobody can approve', async () => {
    const { requestId, conversationId } = await ask(dakota);
    const notMine = await click('approval.cancel', { requestId }, users.alex, conversationId);
    expect(cardTexts(notMine.value).join('\n')).toMatch(/Only the person who asked can cancel/);
    const cancelled = await click('approval.cancel', { requestId }, users.megan, conversationId);
    expect(cardTexts(cancelled.value).join('\n')).toMatch(/Cancelled by the requester/);
    const late = await click('approval.approve', { requestId }, users.adele, conversationId);
    expect(cardTexts(late.value).join('\n')).toMatch(/Cancelled by Megan Bowen/);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(0);
  });

  it('shows each viewer their own view on refresh', async () => {
    const { requestId, conversationId } = await ask(fabrikam);
    const verbsFor = async (user: TestUser) =>
      cardActions((await click('approval.refresh', { requestId }, user, conversationId)).value).map(
        (a) => a.verb,
      );
    expect(await verbsFor(users.adele)).toEqual(['approval.refresh', 'approval.approve', 'approval.reject']);
    expect(await verbsFor(users.megan)).toEqual(['approval.refresh', 'approval.cancel']);
    expect(await verbsFor(users.isaiah)).toEqual(['approval.refresh']);
    const unknown = await click(
      'approval.refresh',
      { requestId: '00000000-0000-4000-8000-000000000000' },
      users.adele,
      conversationId,
    );
    expect(cardTexts(unknown.value).join('\n')).toMatch(/does not exist/);
    const forged = await click('approval.approve', { requestId: 'not-an-id' }, users.adele, conversationId);
    expect(String(forged.value)).toMatch(/out of date or not valid/);
  });

  it('expires a request after 24 hours: the sweep updates the card, the requester is told, no one can approve', async () => {
    const { requestId, conversationId } = await ask(someCompany, users.alex, 'expiry check');
    clockOffsetMs = 24 * HOUR + 1000;
    await bot.app.approvals.sweep();
    expect((await bot.store.approvals.find(requestId))?.status).toBe('expired');
    expect(texts(updatesIn(conversationId).at(-1))).toMatch(/Expired without a decision/);
    const told = bot.connector.activities.filter((item) => item.conversationId === conversationId).at(-1);
    expect(texts(told)).toMatch(/Your request expired without a decision/);
    const late = await click('approval.approve', { requestId }, users.adele, conversationId);
    expect(cardTexts(late.value).join('\n')).toMatch(/Expired without a decision/);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(0);
  });
});

describe('the list of pending requests', () => {
  it('shows approvers every pending request with its buttons, and requesters only their own', async () => {
    const mine = await ask({
      customer: '49bd2a7e-0776-487d-99f6-e7536fb82049',
      subscription: '77bbfe36-5a7b-4975-b745-1c37aeb1ba1f',
    });
    const [forApprover] = await say('approvals', users.adele, newConversation(), 1);
    const approverActions = cardActions(cardOf(forApprover as never));
    expect(approverActions).toContainEqual(
      expect.objectContaining({ verb: 'approval.approve', data: { requestId: mine.requestId } }),
    );
    const [forRequester] = await say('approvals', users.megan, newConversation(), 1);
    const requesterActions = cardActions(cardOf(forRequester as never));
    expect(requesterActions).toContainEqual(
      expect.objectContaining({ verb: 'approval.cancel', data: { requestId: mine.requestId } }),
    );
    expect(requesterActions.some((action) => action.verb === 'approval.approve')).toBe(false);
    const [forViewer] = await say('approvals', users.isaiah, newConversation(), 1);
    expect(texts(forViewer)).toMatch(/Nothing is waiting for approval/);
  });
});

describe('reactivating', () => {
  it('lets an approver reactivate directly, audited, with one PATCH', async () => {
    const [reply] = await say(
      `reactivate Lucerne Publishing ${lucerne.subscription}`,
      users.adele,
      newConversation(),
      1,
    );
    expect(texts(reply)).toMatch(/Subscription reactivated/);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect((await subscriptionStatus(lucerne)).status).toBe('active');
    const audit = await bot.store.audit.query({ action: 'reactivate', limit: 5 });
    expect(audit[0]).toMatchObject({
      outcome: 'succeeded',
      actorId: users.adele.aadObjectId,
      subscriptionId: lucerne.subscription,
      details: { direct: true, status: 'active' },
    });
    const [again] = await say(
      `reactivate Lucerne Publishing ${lucerne.subscription}`,
      users.adele,
      newConversation(),
      1,
    );
    expect(texts(again)).toMatch(/Only a suspended subscription can be reactivated; this one is active/);
  });

  it('sends an agent’s reactivation through the same approval flow', async () => {
    const conversationId = newConversation();
    const [card] = await say(
      `reactivate ${contosoSuspended.customer} ${contosoSuspended.subscription} because paid today`,
      users.megan,
      conversationId,
      2,
    );
    expect(texts(card)).toMatch(/Reactivation of a subscription/);
    expect(bot.simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(0);
    const requestId = cardActions(cardOf(card as never)).find((action) => action.verb === 'approval.approve')
      ?.data.requestId as string;
    await click('approval.approve', { requestId }, users.adele, conversationId);
    await bot.app.approvals.idle();
    expect((await subscriptionStatus(contosoSuspended)).status).toBe('active');
    expect(texts(updatesIn(conversationId).at(-1))).toMatch(/Done: the subscription is active again/);
  });

  it('refuses a viewer', async () => {
    const [reply] = await say(
      `reactivate Lucerne Publishing ${lucerne.subscription}`,
      users.isaiah,
      newConversation(),
      1,
    );
    expect(texts(reply)).toMatch(/do not have a role that allows this action/);
  });
});

describe('the Suspend form', () => {
  const kjk = {
    customer: 'eebd1b55-5360-4438-a11d-5c06918c3014',
    subscription: '83ef9d05-4169-4ef9-9657-0e86b1eab1de',
  };

  it('asks for the reason, refuses an empty one, and sends a filled one for approval', async () => {
    const conversationId = newConversation();
    const opened = await click(
      'subscription.suspend',
      { customerId: kjk.customer, subscriptionId: kjk.subscription },
      users.megan,
      conversationId,
    );
    expect(opened.type).toBe('application/vnd.microsoft.activity.message');
    const [form] = await bot.connector.waitFor(1, conversationId);
    expect(texts(form)).toMatch(/Suspend a subscription/);
    const submit = cardActions(cardOf(form as never)).find((action) => action.verb === 'suspension.submit');
    expect(submit?.data).toEqual({ customerId: kjk.customer, subscriptionId: kjk.subscription });

    const empty = await click(
      'suspension.submit',
      { ...submit?.data, reason: '  ' },
      users.megan,
      conversationId,
    );
    expect(cardTexts(empty.value).join('\n')).toMatch(/Give a reason of at most 500 characters/);
    expect(
      await bot.store.approvals.listPending({ requesterId: users.megan.aadObjectId }),
    ).not.toContainEqual(expect.objectContaining({ subscriptionId: kjk.subscription }));

    const sent = await click(
      'suspension.submit',
      { ...submit?.data, reason: 'Fraud reported by the customer' },
      users.megan,
      conversationId,
    );
    expect(cardTexts(sent.value).join('\n')).toMatch(/Sent for approval/);
    const [, card] = await bot.connector.waitFor(2, conversationId);
    expect(texts(card)).toMatch(/Fraud reported by the customer/);
  });

  it('is behind the "Suspend" button of active rows in the subscriptions list, for agents only', async () => {
    const [list] = await say(`subscriptions ${kjk.customer}`, users.megan, newConversation(), 1);
    const suspendButtons = cardActions(cardOf(list as never)).filter(
      (action) => action.verb === 'subscription.suspend',
    );
    expect(suspendButtons.map((action) => action.data.subscriptionId)).toContain(kjk.subscription);
    const [forViewer] = await say(`subscriptions ${kjk.customer}`, users.isaiah, newConversation(), 1);
    expect(cardActions(cardOf(forViewer as never)).map((action) => action.verb)).not.toContain(
      'subscription.suspend',
    );
  });

  it('does not offer the form for a subscription that is not active', async () => {
    const response = await click(
      'subscription.suspend',
      { ...{ customerId: northwindDeleted.customer, subscriptionId: northwindDeleted.subscription } },
      users.megan,
      newConversation(),
    );
    expect(String(response.value)).toMatch(/Only an active subscription can be suspended/);
  });
});

describe('the approvals channel (last: it changes where every later card goes)', () => {
  const channelThread = '19:approvers@thread.tacv2;messageid=1700000000000';
  const channel = '19:approvers@thread.tacv2';

  it('is set by an admin in the channel; cards go there, the requester keeps a copy, both are updated', async () => {
    const response = await bot.post({
      ...messageActivity('<at>Partner Helpdesk Bot</at> set approvals channel', {
        serviceUrl: bot.connector.serviceUrl,
        conversationId: channelThread,
        user: users.alex,
        conversationType: 'channel',
      }),
      channelData: { tenant: { id: devTenantId }, channel: { id: channel, name: 'Approvers' } },
    });
    expect(response.status).toBe(200);
    const [confirmation] = await bot.connector.waitFor(1, channelThread);
    expect(texts(confirmation)).toMatch(/Approval requests will come here/);
    expect(await bot.store.approvals.approvalsChannel()).toMatchObject({
      conversation: { conversation: { id: channel } },
      name: 'Approvers',
      setBy: { id: users.alex.aadObjectId },
    });

    const refused = await say('set approvals channel', users.adele, newConversation(), 1);
    expect(texts(refused[0])).toMatch(/Your role does not allow this/);

    const { requestId, conversationId, card } = await ask(dakota);
    expect(cardActions(card).map((action) => action.verb)).toEqual(['approval.refresh', 'approval.cancel']);
    const ack = bot.connector.activities.filter((item) => item.conversationId === conversationId).at(-1);
    expect(texts(ack)).toMatch(/The approval card is in Approvers/);
    const [posted] = await bot.connector.waitFor(1, channel);
    expect(cardActions(cardOf(posted as never)).map((action) => action.verb)).toContain('approval.approve');

    await click('approval.approve', { requestId }, users.adele, channel);
    await bot.app.approvals.idle();
    expect(texts(updatesIn(channel).at(-1))).toMatch(/Done: the subscription is suspended/);
    expect(texts(updatesIn(conversationId).at(-1))).toMatch(/Done: the subscription is suspended/);
    const told = bot.connector.activities.filter(
      (item) => item.conversationId === conversationId && item.method === 'POST',
    );
    expect(texts(told.at(-1))).toMatch(/Your request was approved and carried out/);
  });
});
