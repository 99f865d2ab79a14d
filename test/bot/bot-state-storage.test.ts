import { ConversationState, TestAdapter, type TurnContext, UserState } from 'botbuilder';
import { BotStateConflictError, BotStateStorage } from '../../src/bot/bot-state-storage';
import { engines, type Harness, openHarness, uniquePrefix } from '../store/engines';

describe.each(engines)('bot state storage on %s', (engine) => {
  let harness: Harness;
  let storage: BotStateStorage;
  let prefix: string;

  beforeAll(async () => {
    harness = await openHarness(engine);
    storage = new BotStateStorage(harness.store.state);
  });
  afterAll(async () => {
    await harness?.store.close();
  });
  beforeEach(() => {
    prefix = uniquePrefix('bot');
  });

  // Conversation and user ids unique to the test, so state of earlier runs on a shared server never leaks in.
  const turnTemplate = () => ({
    channelId: 'msteams',
    conversation: { id: `conversation-${prefix}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `user-${prefix}`, name: 'Helpdesk Agent', aadObjectId: `aad-${prefix}` },
  });

  it('reads items back with an eTag beside the value, not stored inside it', async () => {
    await storage.write({ [`${prefix}/a`]: { topic: 'licenses', count: 2, eTag: '*' } });
    const items = await storage.read([`${prefix}/a`, `${prefix}/missing`]);
    expect(items).toEqual({ [`${prefix}/a`]: { topic: 'licenses', count: 2, eTag: expect.any(String) } });
    const stored = await harness.store.state.read([`${prefix}/a`]);
    expect(stored.get(`${prefix}/a`)?.value).toEqual({ topic: 'licenses', count: 2 });
  });

  it('writes with the eTag it read, and refuses a stale one with a botbuilder eTag conflict error', async () => {
    const key = `${prefix}/a`;
    await storage.write({ [key]: { n: 1 } });
    const first = (await storage.read([key]))[key];
    await storage.write({ [key]: { ...first, n: 2 } });

    const stale = storage.write({ [key]: { ...first, n: 3 } });
    await expect(stale).rejects.toBeInstanceOf(BotStateConflictError);
    await expect(stale).rejects.toThrow(`Storage: error writing "${key}" due to eTag conflict.`);
    expect((await storage.read([key]))[key]).toMatchObject({ n: 2 });
  });

  it('deletes items', async () => {
    await storage.write({ [`${prefix}/a`]: { n: 1 }, [`${prefix}/b`]: { n: 2 } });
    await storage.delete([`${prefix}/a`]);
    expect(Object.keys(await storage.read([`${prefix}/a`, `${prefix}/b`]))).toEqual([`${prefix}/b`]);
  });

  it('keeps conversation and user state across turns', async () => {
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const turns = conversationState.createProperty<number>('turns');
    const language = userState.createProperty<string>('language');

    const adapter = new TestAdapter(async (context: TurnContext) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      if (context.activity.text?.startsWith('lang '))
        await language.set(context, context.activity.text.slice(5));
      await context.sendActivity(`${count} ${await language.get(context, 'en')}`);
      await conversationState.saveChanges(context);
      await userState.saveChanges(context);
    }, turnTemplate());

    await adapter
      .send('hello')
      .assertReply('1 en')
      .send('lang de')
      .assertReply('2 de')
      .send('again')
      .assertReply('3 de');

    const conversationKey = `msteams/conversations/conversation-${prefix}/`;
    const userKey = `msteams/users/user-${prefix}/`;
    expect(await storage.read([conversationKey, userKey])).toEqual({
      [conversationKey]: expect.objectContaining({ turns: 3 }),
      [userKey]: expect.objectContaining({ language: 'de' }),
    });
  });

  it("lets the later of two concurrent turns win: botbuilder's BotState always saves with eTag '*'", async () => {
    // Conversation state is last-writer-wins by botbuilder's design; work that must not be lost or
    // done twice (approvals) needs its own conditional writes.
    const conversationState = new ConversationState(storage);
    const turns = conversationState.createProperty<number>('turns');
    await storage.write({ [`msteams/conversations/conversation-${prefix}/`]: { turns: 1 } });

    let loaded = 0;
    let releaseTurns = () => {};
    const bothLoaded = new Promise<void>((resolve) => {
      releaseTurns = resolve;
    });
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const count = await turns.get(context, 0);
      loaded += 1;
      if (loaded === 2) releaseTurns();
      await bothLoaded;
      await turns.set(context, count + 1);
      await conversationState.saveChanges(context);
    }, turnTemplate());

    await Promise.all([adapter.receiveActivity('a'), adapter.receiveActivity('b')]);

    const conversationKey = `msteams/conversations/conversation-${prefix}/`;
    expect((await storage.read([conversationKey]))[conversationKey]).toMatchObject({ turns: 2 });
  });
});
