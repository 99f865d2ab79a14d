import { type TestUser, users } from '../support/activities';
import {
  botAddedActivity,
  type ConversationType,
  installationActivity,
  userAddedActivity,
} from '../support/teams-activities';
import { cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/** Starting the bot (embedded database, simulator) can be slow on a busy 2-core machine. */
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * The welcome card on install, over real HTTP: Teams announces an install with conversationUpdate (bot
 * added) and installationUpdate (add); the bot posts one welcome for the installing user's roles.
 */

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await bot.close();
});

let conversation = 0;
const options = (user: TestUser, conversationId: string) => ({
  serviceUrl: bot.connector.serviceUrl,
  user,
  conversationId,
});

async function post(activity: object): Promise<void> {
  expect((await bot.post(activity)).status).toBe(200);
}

/** Everything the bot posted to the conversation, as card texts. */
function postedTo(conversationId: string): string[] {
  return bot.connector.activities
    .filter((activity) => activity.conversationId === conversationId)
    .map((activity) => cardTexts(cardOf(activity)).join('\n'));
}

async function install(
  user: TestUser,
  type: ConversationType,
  order: 'conversationUpdate first' | 'installationUpdate first',
) {
  const conversationId = `${type}-install-${++conversation}`;
  const added = botAddedActivity(options(user, conversationId), type);
  const installed = installationActivity(options(user, conversationId), type, 'add');
  for (const activity of order === 'conversationUpdate first' ? [added, installed] : [installed, added]) {
    await post(activity);
  }
  return { conversationId, cards: postedTo(conversationId) };
}

describe('the welcome on install', () => {
  it('in a personal chat: one card with the commands the user’s roles allow, and how to type them', async () => {
    const { cards } = await install(users.isaiah, 'personal', 'conversationUpdate first');
    expect(cards).toHaveLength(1);
    const [welcome] = cards;
    expect(welcome).toMatch(/^Welcome to Partner Helpdesk\nHello Isaiah Langer\./);
    expect(welcome).toContain('lookup <name, domain or tenant id>');
    expect(welcome).not.toMatch(/\naudit/);
    expect(welcome).toMatch(/Type a command below/);
    expect(welcome).toMatch(/find a customer from the message box/);
  });

  it('greets without a name when Teams sends none, never as "(unknown)"', async () => {
    const nameless = { ...users.isaiah, name: undefined } as unknown as TestUser;
    const { cards } = await install(nameless, 'personal', 'installationUpdate first');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatch(/^Welcome to Partner Helpdesk\nHello\. I help the helpdesk/);
    expect(cards[0]).not.toMatch(/unknown/i);
  });

  it('in a group chat: one card, telling to @mention the bot', async () => {
    const { cards } = await install(users.megan, 'groupChat', 'installationUpdate first');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatch(/@mention me before a command/);
  });

  it('in a team: one card in the channel, with everything an admin may do', async () => {
    const { cards } = await install(users.alex, 'channel', 'conversationUpdate first');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatch(/@mention me before a command/);
    expect(cards[0]).toMatch(/\naudit/);
  });

  it('shows a user without a role the no-role card instead', async () => {
    const { cards } = await install(users.patti, 'personal', 'conversationUpdate first');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatch(/You do not have a role yet/);
    expect(cards[0]).toContain(users.patti.aadObjectId);
  });

  it('says nothing when someone else joins a conversation the bot is in', async () => {
    const conversationId = `groupChat-join-${++conversation}`;
    await post(userAddedActivity(options(users.alex, conversationId), users.megan, 'groupChat'));
    expect(postedTo(conversationId)).toEqual([]);
  });

  it('welcomes again after the app was removed and added back', async () => {
    const { conversationId } = await install(users.isaiah, 'personal', 'installationUpdate first');
    await post(installationActivity(options(users.isaiah, conversationId), 'personal', 'remove'));
    await post(installationActivity(options(users.isaiah, conversationId), 'personal', 'add'));
    expect(postedTo(conversationId)).toHaveLength(2);
  });
});
