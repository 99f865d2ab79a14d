import type { IdentityTokens } from '../../../src/api/identity-tokens';
import { noTokenProvider } from '../../../src/api/token-provider';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/**
 * "Notify me when ready" in identity mode `agent`: a watch is checked by background work, made for no agent, and
 * provisioning status needs an App+User token, which such work has only through the service account
 * (PARTNER_CENTER_REFRESH_TOKEN). Without it the cards do not offer the button, an older card's button says why
 * and stores nothing, and `doctor` tells the admin. Over real HTTP with the simulator (auth off; the identity is
 * the mode and which tokens exist).
 */

const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
/** Pending in the simulator's seed. */
const businessPremium = '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff';
const agentModeEnv = {
  IDENTITY_MODE: 'agent',
  OAUTH_CONNECTION_NAME: 'partner-center-sso',
  PARTNER_CENTER_CLIENT_ID: '0e3c1d24-1111-4222-8333-444455556666',
  PARTNER_CENTER_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  PARTNER_CENTER_CLIENT_SECRET: 'bot-client-secret',
};
const withoutServiceAccount: IdentityTokens = { mode: 'agent', tokens: noTokenProvider };
const withServiceAccount: IdentityTokens = {
  mode: 'agent',
  tokens: noTokenProvider,
  backgroundTokens: noTokenProvider,
};

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

function chat(bot: TestBot, conversationId: string) {
  const sent = () =>
    bot.connector.activities.filter((activity) => activity.conversationId === conversationId);
  return {
    sent,
    async say(text: string, user: TestUser = users.alex) {
      const before = sent().length;
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
  };
}

const verbsOf = (card: unknown) => cardActions(card).map((button) => button.verb);
const watch = { customerId: contoso190, subscriptionId: businessPremium };

describe('identity mode agent without the service account', () => {
  let bot: TestBot;
  let conversation = 0;
  const next = () => chat(bot, `background-off-${++conversation}`);

  beforeAll(async () => {
    bot = await startTestBot({ identity: withoutServiceAccount, env: agentModeEnv });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('offers no "Notify me when ready" on the list or the detail of a pending subscription', async () => {
    const list = await next().say('subscriptions contoso190');
    expect(cardTexts(list).join('\n')).toContain('1 provisioning pending');
    expect(verbsOf(list)).not.toContain('provisioning.watch');
    const detail = await next().say(`provisioning contoso190 ${businessPremium}`);
    expect(cardTexts(detail).join('\n')).toContain('Provisioning: Pending');
    expect(verbsOf(detail)).toEqual(['provisioning.refresh']);
  });

  it('answers the button of an older card with what the admin must set, and stores nothing', async () => {
    const talk = next();
    bot.simulator.calls.reset();
    const answer = await talk.click('provisioning.watch', watch, users.megan);
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toBe(
      '“Notify me when ready” is not available: the bot checks provisioning in the background as the ' +
        "partner's service account, and none is configured. An admin can turn it on by setting " +
        'PARTNER_CENTER_REFRESH_TOKEN (the refresh token of the MFA-enabled service account); doctor shows ' +
        'whether it is on.',
    );
    expect(talk.sent()).toEqual([]);
    expect(await bot.store.provisioningWatches.watchedBy(users.megan.aadObjectId, contoso190)).toEqual(
      new Set(),
    );
    expect(bot.simulator.calls.byRoute()).toEqual({});
    const [entry] = await bot.store.audit.query({
      actorId: users.megan.aadObjectId,
      action: 'provisioning.watch',
    });
    expect(entry).toMatchObject({ outcome: 'failed', details: { result: 'notAvailable' } });
  });

  it('shows the admin in doctor that background work cannot act, and which setting is missing', async () => {
    const texts = cardTexts(await next().say('doctor')).join('\n');
    expect(texts).toContain('Provisioning notifications');
    expect(texts).toContain(
      'Not available: background work has no service account (PARTNER_CENTER_REFRESH_TOKEN), so “Notify me when ready” is not offered',
    );
  });
});

describe('identity mode agent with the service account', () => {
  let bot: TestBot;
  let conversation = 0;
  const next = () => chat(bot, `background-on-${++conversation}`);

  beforeAll(async () => {
    bot = await startTestBot({ identity: withServiceAccount, env: agentModeEnv });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('offers "Notify me when ready" and starts the watch as before', async () => {
    const talk = next();
    const list = await talk.say('subscriptions contoso190', users.megan);
    const button = cardActions(list).find((candidate) => candidate.verb === 'provisioning.watch');
    expect(button?.data).toEqual(watch);
    const answer = await talk.click('provisioning.watch', watch, users.megan);
    expect(answer.value).toBe('I will let you know when it is ready.');
    expect(await bot.store.provisioningWatches.watchedBy(users.megan.aadObjectId, contoso190)).toEqual(
      new Set([businessPremium]),
    );
  });

  it('shows the admin in doctor that background work can act', async () => {
    const texts = cardTexts(await next().say('doctor')).join('\n');
    expect(texts).toContain('Available: watches are checked in the background as the service account');
  });
});
