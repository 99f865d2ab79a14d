import type { ErrorCode } from '../../src/errors';
import type { FaultRule } from '../../src/simulator';
import { users } from '../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';
import { click, expectToldAbout, failureLines, newConversation, say } from './turns';

/**
 * A write under faults: a password reset is not idempotent, so whatever Partner Center does, it is sent at
 * most once per confirmation (429 excepted: Partner Center refuses those before doing anything), the user
 * hears what happened, and a second click — Teams retrying, or the agent trying again — never resets twice.
 */

const resetRoute = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword';
const alexWilber = 'alex.wilber@dakotamall.onmicrosoft.com';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
afterEach(() => {
  bot.simulator.faults.clear();
  bot.simulator.calls.reset();
});

const updatesOf = (conversationId: string) =>
  bot.connector.activities.filter(
    (activity) => activity.conversationId === conversationId && activity.method === 'PUT',
  );

/** Asks for a reset and returns the confirmation button's data, in a conversation of its own. */
async function confirmationFor(upn: string) {
  const conversationId = newConversation('reset-faults');
  const asked = await say(bot, `reset password ${upn}`, { user: users.megan, conversationId });
  const confirm = cardActions(asked.card).find((action) => action.verb === 'user.confirmReset');
  if (!confirm) throw new Error(`no confirmation: ${asked.texts}`);
  return { conversationId, data: { ...confirm.data, forceChange: 'true' } };
}

describe.each<{ fault: string; rule: FaultRule; code: ErrorCode }>([
  { fault: 'a 500', rule: { route: resetRoute, status: 500 }, code: 'PC_UNAVAILABLE' },
  { fault: 'a connection reset', rule: { route: resetRoute, mode: 'reset' }, code: 'PC_UNAVAILABLE' },
  { fault: 'a 502', rule: { route: resetRoute, status: 502 }, code: 'PC_UNAVAILABLE' },
])('a password reset answered with $fault', ({ rule, code }) => {
  it('is sent once, tells the agent, and a second click does not send it again', async () => {
    const { conversationId, data } = await confirmationFor(alexWilber);
    bot.simulator.faults.add(rule);

    const answer = await click(bot, 'user.confirmReset', data, { conversationId, user: users.megan });
    const reference = expectToldAbout(cardTexts(answer.value).join('\n'), code);
    expect(bot.simulator.calls.count(resetRoute)).toBe(1);
    expect(failureLines(bot, reference)).toEqual([expect.objectContaining({ msg: 'action failed', code })]);
    const audited = await bot.store.audit.query({ action: 'user.resetPassword', limit: 20 });
    expect(audited.filter((row) => row.correlationId === reference)).toEqual([
      expect.objectContaining({ outcome: 'failed' }),
    ]);

    bot.simulator.faults.clear();
    const again = await click(bot, 'user.confirmReset', data, { conversationId, user: users.megan });
    expect(again.statusCode).toBe(200);
    expect(bot.simulator.calls.count(resetRoute)).toBe(1);
  });
});

describe('a password reset that Partner Center throttles once', () => {
  it('is sent again after the Retry-After and succeeds once', async () => {
    const { conversationId, data } = await confirmationFor(alexWilber);
    bot.simulator.faults.add({ route: resetRoute, status: 429, retryAfterSeconds: 1, times: 1 });
    const answer = await click(bot, 'user.confirmReset', data, {
      conversationId,
      user: users.megan,
      replyToId: 'confirmation-card',
    });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    // The confirmation card, then the shared record for everyone, then the agent's own result.
    await bot.connector.waitFor(3, conversationId);
    const result = updatesOf(conversationId).at(-1);
    expect(result?.path).toMatch(/\/activities\/confirmation-card$/);
    expect(cardTexts(cardOf(result as never)).join('\n')).toMatch(/Password reset for/);
    expect(bot.simulator.calls.count(resetRoute)).toBe(2);
  });
});

describe('a password reset stalled past the timeout', () => {
  it('is not sent again: the agent is told it timed out, in the card, after the quick acknowledgement', async () => {
    const { conversationId, data } = await confirmationFor(alexWilber);
    bot.simulator.faults.add({ route: resetRoute, latencyMs: 10_000 });
    const answer = await click(bot, 'user.confirmReset', data, {
      conversationId,
      user: users.megan,
      replyToId: 'confirmation-card',
    });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    await bot.connector.waitFor(2, conversationId);
    const result = updatesOf(conversationId).at(-1);
    expect(result?.path).toMatch(/\/activities\/confirmation-card$/);
    const reference = expectToldAbout(cardTexts(cardOf(result as never)).join('\n'), 'PC_TIMEOUT');
    expect(failureLines(bot, reference)).toHaveLength(1);
    expect(bot.simulator.calls.count(resetRoute)).toBe(1);
  }, 20_000);
});
