import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import type { SentActivity } from '../../support/connector';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * The privileged password reset, the third kind of the approval engine: resetting a user who holds an
 * administrator role needs an approver; once approved the temporary password goes to the requester alone,
 * in their personal chat, and nowhere else (not the shared card, the approver, the store, the audit or logs).
 */

const resetRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword';
const dakota = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const helpdeskAdmin = {
  upn: 'megan.bowen@dakotamall.onmicrosoft.com',
  id: '9ee43b2e-4d5e-4e27-9d99-6122e319bd49',
};

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  bot.simulator.calls.reset();
});

let conversations = 0;

async function say(text: string, user: TestUser, type: 'personal' | 'channel', expected: number) {
  const conversationId = `privileged-${type}-${++conversations}`;
  await bot.post(
    messageActivity(text, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId,
      user,
      conversationType: type,
    }),
  );
  return { conversationId, replies: await bot.connector.waitFor(expected, conversationId) };
}

const texts = (activity: SentActivity | undefined) => cardTexts(cardOf(activity as never)).join('\n');

async function approve(requestId: string, conversationId: string, user: TestUser) {
  const response = await bot.post(
    cardActionActivity(
      'approval.approve',
      { requestId },
      { serviceUrl: bot.connector.serviceUrl, conversationId, user },
    ),
  );
  await bot.app.approvals.idle();
  return response.body as { value: unknown };
}

describe('resetting the password of an administrator', () => {
  it('asks an approver from a personal chat; once approved, the password reaches the requester alone', async () => {
    const { conversationId, replies } = await say(
      `reset password ${helpdeskAdmin.upn}`,
      users.alex,
      'personal',
      2,
    );
    const [card, ack] = replies;
    expect(texts(card)).toMatch(/Password reset of an administrator/);
    expect(texts(card)).toMatch(/Helpdesk Administrator/);
    expect(texts(ack)).toMatch(/Sent for approval/);
    expect(bot.simulator.calls.count(resetRoute)).toBe(0);
    const requestId = cardActions(cardOf(card as never)).find((action) => action.verb === 'approval.refresh')
      ?.data.requestId as string;

    const self = await approve(requestId, conversationId, users.alex);
    expect(cardTexts(self.value).join('\n')).toMatch(/You asked for this yourself/);
    expect(bot.simulator.calls.count(resetRoute)).toBe(0);

    const approved = await approve(requestId, conversationId, users.adele);
    expect(bot.simulator.calls.count(resetRoute)).toBe(1);
    const delivered = bot.connector.activities.filter(
      (item) => item.conversationId === conversationId && item.method === 'POST',
    );
    const message = texts(delivered.at(-1));
    expect(message).toMatch(/Your request was approved and carried out/);
    const password = /only to you\): (\S+)/.exec(message)?.[1];
    expect(password).toMatch(/^.{16}$/);
    if (!password) throw new Error('no password delivered');

    const updates = bot.connector.activities.filter((item) => item.method === 'PUT');
    expect(texts(updates.at(-1))).toMatch(
      /Done: the password was reset\. The temporary password went to the requester alone/,
    );
    const elsewhere = bot.connector.activities.filter((item) => item !== delivered.at(-1));
    expect(JSON.stringify(elsewhere)).not.toContain(password);
    expect(JSON.stringify(approved)).not.toContain(password);
    expect(JSON.stringify(await bot.store.approvals.find(requestId))).not.toContain(password);
    expect(JSON.stringify(await bot.store.audit.query({ limit: 500 }))).not.toContain(password);
    expect(JSON.stringify(bot.logs)).not.toContain(password);
  });

  it('asks an approver from the "Reset password" button of a users list too', async () => {
    const conversationId = `privileged-button-${++conversations}`;
    const response = await bot.post(
      cardActionActivity(
        'user.resetPassword',
        { customerId: dakota, userId: helpdeskAdmin.id },
        { serviceUrl: bot.connector.serviceUrl, conversationId, user: users.megan },
      ),
    );
    expect(String((response.body as { value: unknown }).value)).toBe('Sent for approval');
    const [card] = await bot.connector.waitFor(1, conversationId);
    expect(texts(card)).toMatch(/Password reset of an administrator/);
    expect(cardActions(cardOf(card as never)).map((action) => action.verb)).toContain('approval.approve');
    expect(bot.simulator.calls.count(resetRoute)).toBe(0);
  });

  it('refuses in a channel, where the password could not reach the requester alone, and stores no request', async () => {
    const pendingIds = async () =>
      (await bot.store.approvals.listPending({ limit: 500 })).map((request) => request.id);
    const before = await pendingIds();
    const { replies } = await say(`reset password ${helpdeskAdmin.upn}`, users.alex, 'channel', 1);
    expect(texts(replies[0])).toMatch(/holds an administrator role \(Helpdesk Administrator\)/);
    expect(texts(replies[0])).toMatch(/Ask again in your personal chat/);
    expect(await pendingIds()).toEqual(before);
  });
});
