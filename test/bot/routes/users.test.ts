import type { SqlExecutor } from '../../../src/store/sql-executor';
import type { Store } from '../../../src/store/store';
import { client, manualClock } from '../../simulator/sim-client';
import { openHarness } from '../../store/engines';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/**
 * The users feature over real HTTP: Teams-shaped activities in personal chats and channels, Partner Center
 * served by the simulator, replies and card updates captured by the local connector, every log line captured,
 * and every stored row readable.
 */

const dakota = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const alexWilber = 'alex.wilber@dakotamall.onmicrosoft.com';
const pradeep = {
  id: '3a1aa550-150f-463e-82da-ae36446270e2',
  upn: 'pradeep.gupta@dakotamall.onmicrosoft.com',
};
const resetRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword';
const restoreRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}';
const DAY = 24 * 60 * 60 * 1000;

type ConversationType = 'personal' | 'groupChat' | 'channel';
type Card = Record<string, unknown>;
interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: unknown;
}

let bot: TestBot;
let store: Store;
let db: SqlExecutor;
const simClock = manualClock(new Date().toISOString());

beforeAll(async () => {
  ({ store, db } = await openHarness('pglite'));
  bot = await startTestBot({ store, simulator: { now: simClock.now } });
});
afterAll(async () => {
  await bot.close();
  await store.close();
});

let conversation = 0;
function newConversation(type: ConversationType = 'personal') {
  return `${type}-users-${++conversation}`;
}

async function say(
  text: string,
  options: { user?: TestUser; conversationId?: string; type?: ConversationType } = {},
): Promise<{ card: Card; conversationId: string; activityId: string }> {
  const conversationId = options.conversationId ?? newConversation(options.type);
  const before = bot.connector.activities.filter(
    (activity) => activity.conversationId === conversationId,
  ).length;
  const response = await bot.post(
    messageActivity(text, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId,
      user: options.user ?? users.megan,
      conversationType: options.type,
    }),
  );
  expect(response.status).toBe(200);
  const replies = await bot.connector.waitFor(before + 1, conversationId);
  const reply = replies.at(-1);
  if (!reply) throw new Error('no reply');
  return { card: cardOf(reply), conversationId, activityId: `activity-${conversation}-${before}` };
}

async function click(
  verb: string,
  data: Record<string, unknown>,
  options: { conversationId: string; user?: TestUser; type?: ConversationType; replyToId?: string },
): Promise<InvokeAnswer> {
  const response = await bot.post(
    cardActionActivity(verb, data, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId: options.conversationId,
      user: options.user ?? users.megan,
      conversationType: options.type,
      replyToId: options.replyToId,
    }),
  );
  expect(response.status).toBe(200);
  return response.body as InvokeAnswer;
}

const answerCard = (answer: InvokeAnswer) => answer.value as Card;
const updatesOf = (conversationId: string) =>
  bot.connector.activities.filter(
    (activity) => activity.conversationId === conversationId && activity.method === 'PUT',
  );

/** The temporary password on a requester-only result card: the large monospace text. */
function passwordOn(card: Card): string {
  const runs: { text: string; fontType?: string; size?: string }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextRun') runs.push(record as never);
    for (const value of Object.values(record)) visit(value);
  };
  visit(card);
  const password = runs.find((run) => run.fontType === 'Monospace' && run.size === 'Large')?.text;
  if (!password) throw new Error('no password on the card');
  return password;
}

async function everyStoredRow(): Promise<string> {
  const tables = ['audit_log', 'one_time_operations', 'bot_state'];
  return JSON.stringify(
    await Promise.all(tables.map(async (table) => (await db.query(`SELECT * FROM ${table}`)).rows)),
  );
}

describe('listing users', () => {
  it('lists the active users of a customer found by name, with Reset password and Details per row', async () => {
    const { card } = await say('users dakota mall', { user: users.isaiah });
    const texts = cardTexts(card);
    expect(texts).toEqual(
      expect.arrayContaining(['Users of Dakota mall', 'Alex Wilber', alexWilber, 'Lidia Holloway']),
    );
    expect(texts).not.toContain('Pradeep Gupta');
    const alexRow = cardActions(card).filter((action) => action.verb === 'user.resetPassword')[0];
    expect(alexRow?.data).toEqual({ customerId: dakota, userId: '94a1f736-6795-4519-adf4-c10a9eb2d533' });
  });

  it('filters by the start of a name or user name from the search box (case-insensitive)', async () => {
    const { conversationId } = await say('users dakotamall.onmicrosoft.com', { user: users.isaiah });
    const answer = await click(
      'users.page',
      { customerId: dakota, page: '0', search: 'LID' },
      { conversationId, user: users.isaiah },
    );
    const texts = cardTexts(answerCard(answer));
    expect(texts).toContain('Lidia Holloway');
    expect(texts).not.toContain('Alex Wilber');
    expect(texts).toContain('Showing 1–1 of 1 matching “LID”.');
  });

  it('opens the users list from the customer card’s Users button', async () => {
    const conversationId = newConversation();
    const answer = await click(
      'customer.users',
      { customerId: dakota },
      { conversationId, user: users.isaiah },
    );
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    const [sent] = await bot.connector.waitFor(1, conversationId);
    expect(cardTexts(cardOf(sent as never))).toContain('Users of Dakota mall');
  });

  it('asks which customer when the name matches several', async () => {
    const { card } = await say('users contoso', { user: users.isaiah });
    expect(cardTexts(card)).toContain('Several customers match “contoso”');
    expect(cardActions(card).every((action) => action.verb === 'customer.users')).toBe(true);
  });

  it('shows a user’s details and directory roles', async () => {
    const conversationId = newConversation();
    await click(
      'user.details',
      { customerId: dakota, userId: '9ee43b2e-4d5e-4e27-9d99-6122e319bd49' },
      { conversationId, user: users.isaiah },
    );
    const [sent] = await bot.connector.waitFor(1, conversationId);
    expect(cardTexts(cardOf(sent as never))).toEqual(
      expect.arrayContaining(['Megan Bowen', 'Helpdesk Administrator']),
    );
  });
});

describe.each(['personal', 'channel', 'groupChat'] as const)(
  'a password reset in a %s conversation',
  (type) => {
    it('confirms first, resets once, and shows the password only to the agent who confirmed', async () => {
      const logsBefore = bot.logs.length;
      const resets = bot.simulator.calls.count(resetRoute);
      const { card, conversationId } = await say(`reset password ${alexWilber}`, { type });
      expect(cardTexts(card)).toEqual(
        expect.arrayContaining([
          'Reset the password of Alex Wilber?',
          'Require a password change at next sign-in',
        ]),
      );
      const confirm = cardActions(card).find((action) => action.verb === 'user.confirmReset');
      expect(Object.keys(confirm?.data ?? {})).toEqual(['operationId']);
      expect(bot.simulator.calls.count(resetRoute)).toBe(resets);

      const answer = await click(
        'user.confirmReset',
        { ...confirm?.data, forceChange: 'true' },
        { conversationId, type, replyToId: 'confirmation-card' },
      );
      const password = passwordOn(answerCard(answer));
      expect(password).toHaveLength(16);
      expect(bot.simulator.calls.count(resetRoute)).toBe(resets + 1);

      // Everyone else sees the shared card: who reset whom and when, never the password.
      const [update] = updatesOf(conversationId);
      expect(update?.path).toMatch(/\/activities\/confirmation-card$/);
      expect(cardTexts(cardOf(update as never))).toContain(`Password reset for ${alexWilber} by Megan Bowen`);
      const everythingSent = JSON.stringify(bot.connector.activities);
      expect(everythingSent).not.toContain(password);
      expect(JSON.stringify(bot.logs.slice(logsBefore))).not.toContain(password);
      expect(bot.logs.length).toBeGreaterThan(logsBefore);
      expect(await everyStoredRow()).not.toContain(password);

      // A second click, a replay, or another agent: "already done", and still one reset.
      const again = await click('user.confirmReset', confirm?.data ?? {}, {
        conversationId,
        type,
        user: users.alex,
      });
      expect(cardTexts(answerCard(again)).join('\n')).toMatch(
        /Megan Bowen already did this for alex\.wilber/,
      );
      expect(JSON.stringify(again)).not.toContain(password);
      expect(bot.simulator.calls.count(resetRoute)).toBe(resets + 1);
    });
  },
);

describe('a password reset that finishes after Teams stopped waiting (personal chat)', () => {
  afterEach(() => bot.simulator.faults.clear());

  it('keeps the password out of the chat, and shows it once to the agent who reset it', async () => {
    const logsBefore = bot.logs.length;
    const { card, conversationId } = await say(`reset password ${alexWilber}`);
    const confirm = cardActions(card).find((action) => action.verb === 'user.confirmReset');
    bot.simulator.faults.add({ route: resetRoute, latencyMs: 1600, times: 1 });

    const answer = await click(
      'user.confirmReset',
      { ...confirm?.data, forceChange: 'true' },
      { conversationId, replyToId: 'confirmation-card' },
    );
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(answer.value).toMatch(/Working on it/);

    // The late result reaches the chat as a card update, which the chat keeps: no password in it.
    // The confirmation card, then two updates of it: the shared "reset by" card, then the late result.
    await bot.connector.waitFor(3, conversationId);
    const late = cardOf(updatesOf(conversationId).at(-1) as never);
    expect(cardTexts(late).join('\n')).toMatch(/temporary password is not written into this chat/);
    expect(() => passwordOn(late)).toThrow('no password');
    const show = cardActions(late).find((action) => action.verb === 'user.revealPassword');
    expect(Object.keys(show?.data ?? {})).toEqual(['token']);

    // Only the agent who reset it can open it, and only once.
    const someoneElse = await click('user.revealPassword', show?.data ?? {}, {
      conversationId,
      user: users.alex,
    });
    expect(someoneElse.value).toMatch(/can no longer be shown/);
    const shown = await click('user.revealPassword', show?.data ?? {}, { conversationId });
    const password = passwordOn(answerCard(shown));
    expect(password).toHaveLength(16);
    const again = await click('user.revealPassword', show?.data ?? {}, { conversationId });
    expect(again.value).toMatch(/can no longer be shown/);

    expect(JSON.stringify(bot.connector.activities)).not.toContain(password);
    expect(JSON.stringify(bot.logs.slice(logsBefore))).not.toContain(password);
    expect(await everyStoredRow()).not.toContain(password);
    const [gone] = await store.audit.query({ action: 'user.revealPassword', limit: 1 });
    expect(gone).toMatchObject({ outcome: 'failed', details: { result: 'gone' } });
  });
});

describe('password reset refusals', () => {
  it('refuses a viewer', async () => {
    const { card } = await say(`reset password ${alexWilber}`, { user: users.isaiah });
    expect(cardTexts(card)).toContain('Your role does not allow this');
  });

  it('refuses a user with an administrator role in a channel, explains why, and audits the refusal', async () => {
    // In a personal chat the reset goes to an approver instead (test/bot/routes/approvals-privileged-reset.test.ts).
    const { card } = await say('reset password megan.bowen@dakotamall.onmicrosoft.com', { type: 'channel' });
    expect(cardTexts(card).join('\n')).toMatch(/holds an administrator role \(Helpdesk Administrator\)/);
    expect(cardActions(card)).toEqual([]);
    const [row] = await store.audit.query({ action: 'user.resetPassword', limit: 1 });
    expect(row).toMatchObject({
      outcome: 'denied',
      targetUserId: '9ee43b2e-4d5e-4e27-9d99-6122e319bd49',
      details: { reason: 'privilegedTarget', roles: ['Helpdesk Administrator'] },
    });
  });

  it.each([
    ['a malformed user name', 'reset password alex', /is not a user name/],
    [
      'a domain no customer owns',
      'reset password alex@fabrikam.com',
      /No customer owns the domain fabrikam\.com/,
    ],
    ['an unknown user', 'reset password nobody@dakotamall.onmicrosoft.com', /No user nobody@dakotamall/],
  ])('answers %s clearly', async (_case, command, message) => {
    expect(cardTexts((await say(command)).card).join('\n')).toMatch(message);
  });

  it('refuses a confirmation id it never issued', async () => {
    const answer = await click(
      'user.confirmReset',
      { operationId: '5b0c2b2e-1111-4a4a-8a8a-123456789abc' },
      { conversationId: newConversation() },
    );
    expect(cardTexts(answerCard(answer))).toContain('This confirmation is not valid');
  });
});

describe('from lookup, in at most four clicks', () => {
  it('an agent resets a password: lookup → Users → Reset password → Confirm', async () => {
    const { card, conversationId } = await say('lookup dakotamall.onmicrosoft.com');
    const users = cardActions(card).find((action) => action.verb === 'customer.users');
    await click('customer.users', users?.data ?? {}, { conversationId });
    const list = cardOf((await bot.connector.waitFor(2, conversationId))[1] as never);
    const lidia = cardActions(list).find(
      (action) =>
        action.verb === 'user.resetPassword' && action.data.userId === '415f9de8-e816-4c30-be9c-36e70d5cf0cf',
    );
    await click('user.resetPassword', lidia?.data ?? {}, { conversationId });
    const confirmation = cardOf((await bot.connector.waitFor(3, conversationId))[2] as never);
    const confirm = cardActions(confirmation).find((action) => action.verb === 'user.confirmReset');
    const done = await click('user.confirmReset', confirm?.data ?? {}, { conversationId, replyToId: 'c' });
    expect(passwordOn(answerCard(done))).toHaveLength(16);
  });

  it('an agent restores a user: lookup → Users → Deleted users → Restore → Confirm', async () => {
    const { card, conversationId } = await say('lookup dtdemocspcustomer005.onmicrosoft.com');
    const users = cardActions(card).find((action) => action.verb === 'customer.users');
    await click('customer.users', users?.data ?? {}, { conversationId });
    const active = cardOf((await bot.connector.waitFor(2, conversationId))[1] as never);
    const deleted = cardActions(active).find((action) => action.verb === 'customer.deletedUsers');
    await click('customer.deletedUsers', deleted?.data ?? {}, { conversationId });
    const list = cardOf((await bot.connector.waitFor(3, conversationId))[2] as never);
    const restore = cardActions(list).find((action) => action.verb === 'user.restore');
    const confirmation = answerCard(await click('user.restore', restore?.data ?? {}, { conversationId }));
    const confirm = cardActions(confirmation).find((action) => action.verb === 'user.confirmRestore');
    const done = await click('user.confirmRestore', confirm?.data ?? {}, {
      conversationId,
      replyToId: 'list',
    });
    expect(cardTexts(answerCard(done)).join('\n')).toMatch(
      /Ferdinand \(e83763f7f2204ac384cfcd49f79f2749@dtdemocspcustomer005\.onmicrosoft\.com\) was restored by Megan Bowen/,
    );
  });
});

describe('restoring users', () => {
  it('lists deleted users newest first with the days left, restores one after confirmation, and refreshes the list for everyone', async () => {
    const restores = bot.simulator.calls.count(restoreRoute);
    const { card, conversationId } = await say('deleted users dakota mall', { type: 'channel' });
    const texts = cardTexts(card);
    expect(texts.indexOf('Pradeep Gupta')).toBeLessThan(texts.indexOf('Isaiah Langer'));
    expect(texts).toEqual(expect.arrayContaining(['28 days left to restore', '3 days left to restore']));
    // In a channel Teams refreshes a card by itself only for the users it names: the agent who asked.
    expect(card.refresh).toMatchObject({
      action: { verb: 'users.deleted', data: { customerId: dakota, page: '0' } },
      userIds: [users.megan.id],
    });

    const prepared = await click(
      'user.restore',
      { customerId: dakota, userId: pradeep.id },
      { conversationId, type: 'channel', replyToId: 'deleted-list' },
    );
    const confirmation = answerCard(prepared);
    expect(cardTexts(confirmation)).toContain('Restore Pradeep Gupta?');
    const confirm = cardActions(confirmation).find((action) => action.verb === 'user.confirmRestore');
    expect(bot.simulator.calls.count(restoreRoute)).toBe(restores);

    const restored = await click('user.confirmRestore', confirm?.data ?? {}, {
      conversationId,
      type: 'channel',
      replyToId: 'deleted-list',
    });
    const after = cardTexts(answerCard(restored));
    expect(after).toContain(`Pradeep Gupta (${pradeep.upn}) was restored by Megan Bowen`);
    expect(after).not.toContain(pradeep.upn.replace('pradeep', 'x'));
    expect(after.filter((text) => text === 'Pradeep Gupta')).toEqual([]);
    const [update] = updatesOf(conversationId);
    expect(update?.path).toMatch(/\/activities\/deleted-list$/);
    expect(cardTexts(cardOf(update as never))).toEqual(after);
    expect(bot.simulator.calls.count(restoreRoute)).toBe(restores + 1);

    const again = await click('user.confirmRestore', confirm?.data ?? {}, {
      conversationId,
      user: users.alex,
    });
    expect(cardTexts(answerCard(again)).join('\n')).toMatch(/Megan Bowen already did this/);
    expect(bot.simulator.calls.count(restoreRoute)).toBe(restores + 1);

    const [row] = await store.audit.query({ action: 'user.restore', limit: 1 });
    expect(row).toMatchObject({
      outcome: 'succeeded',
      customerId: dakota,
      targetUserId: pradeep.id,
      details: { partnerCenterRequestIds: [expect.any(String)] },
    });
  });

  it('answers "already active" for an active user', async () => {
    expect(cardTexts((await say(`restore user ${alexWilber}`)).card)).toContain(
      'Alex Wilber is already active',
    );
  });

  it('answers "not found, or purged after 30 days" for a user gone past the window', async () => {
    simClock.advance(4 * DAY); // Isaiah Langer was deleted 27 days before the simulator started
    const { card } = await say('restore user isaiah.langer@dakotamall.onmicrosoft.com');
    expect(cardTexts(card).join('\n')).toMatch(
      /no deleted user with this user name\. Users deleted more than 30 days ago are purged/,
    );
  });

  it('answers "conflict" when a newer user holds the same user name', async () => {
    const deleted = await client(bot.simulator).delete(
      `/v1/customers/${dakota}/users/94a1f736-6795-4519-adf4-c10a9eb2d533`,
    );
    expect(deleted.status).toBe(204);
    await client(bot.simulator).post(`/v1/customers/${dakota}/users`, {
      userPrincipalName: alexWilber,
      displayName: 'Alex Wilber (new)',
      passwordProfile: { password: 'abCD123*', forceChangePassword: true },
    });
    const { card } = await say(`restore user ${alexWilber}`);
    expect(cardTexts(card).join('\n')).toMatch(/the user name is taken[\s\S]*Alex Wilber \(new\)/);
    expect(cardActions(card)).toEqual([]);
  });

  it('refuses a viewer', async () => {
    const { card } = await say(`restore user ${pradeep.upn}`, { user: users.isaiah });
    expect(cardTexts(card)).toContain('Your role does not allow this');
  });
});
