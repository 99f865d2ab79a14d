import { ApprovalDesk, channelReference, isPersonal } from '../../src/dialogs/approval-desk';
import { silentLogger } from '../../src/log';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { sampleApprovalRequest } from '../cards/sample-cards';
import { cardTexts } from '../support/test-bot';

describe('approval card locations', () => {
  it('post to a Teams channel itself, not to the thread where the channel was chosen', () => {
    const thread = {
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: '19:abc@thread.tacv2;messageid=1700000000000', conversationType: 'channel' },
    };
    expect(channelReference(thread)).toEqual({
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel' },
    });
    const chat = { conversation: { id: 'a:1personal-chat', conversationType: 'personal' } };
    expect(channelReference(chat)).toEqual(chat);
  });

  it('deliver a secret only in a personal chat', () => {
    expect(isPersonal({ conversation: { id: 'a', conversationType: 'personal' } })).toBe(true);
    expect(isPersonal({ conversation: { id: 'b', conversationType: 'channel' } })).toBe(false);
    expect(isPersonal({ conversation: { id: 'c', conversationType: 'groupChat' } })).toBe(false);
    expect(isPersonal({})).toBe(false);
  });
});

describe('who gets the card refreshed to their own view', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
  });
  afterAll(async () => {
    await store.close();
  });

  it('is the requester first, then the approvers seen most recently, each once, at most 60', async () => {
    const desk = new ApprovalDesk({
      repository: store.approvals,
      proactive: { referenceOf: () => ({}), sendCard: async () => undefined, updateCard: async () => {} },
      logger: silentLogger(),
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
    for (let index = 0; index < 70; index += 1) {
      await store.approvals.rememberApprover(
        { id: `approver-${index}`, teamsUserId: `29:approver-${index}` },
        at(index),
      );
    }
    await store.approvals.rememberApprover({ id: 'requester', teamsUserId: '29:requester' }, at(70));
    const request = {
      ...sampleApprovalRequest('x'),
      requester: { id: 'requester', teamsUserId: '29:requester' },
    };
    const userIds = await desk.refreshUserIds(request);
    expect(userIds).toHaveLength(60);
    expect(new Set(userIds).size).toBe(60);
    expect(userIds.slice(0, 3)).toEqual(['29:requester', '29:approver-69', '29:approver-68']);
  });
});

describe('telling the requester of a decision', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
  });
  afterAll(async () => {
    await store.close();
  });

  const cardTextOf = (card: unknown) => JSON.stringify(card);

  function deskWithRequesterChat(send: () => Promise<string | undefined>) {
    const updates: unknown[] = [];
    const desk = new ApprovalDesk({
      repository: store.approvals,
      proactive: {
        referenceOf: () => ({}),
        sendCard: send,
        updateCard: async (_reference, _activityId, card) => {
          updates.push(card);
        },
      },
      logger: silentLogger(),
    });
    return { desk, updates };
  }

  const privilegedReset = {
    ...sampleApprovalRequest('Alex Wilber', 'request-1'),
    kind: 'user.privilegedReset',
    status: 'done' as const,
    requesterConversation: { conversation: { id: 'a:alex', conversationType: 'personal' } },
    cards: [
      {
        conversation: { conversation: { id: '19:approvals@thread.tacv2' } },
        activityId: 'card-1',
        audience: 'approvers' as const,
      },
    ],
  };

  it('updates every card without a notice when the requester was told', async () => {
    const { desk, updates } = deskWithRequesterChat(async () => 'message-1');
    await desk.changed(privilegedReset, { secret: 'Tq8#pW2mZr5!kLx9' });
    expect(updates).toHaveLength(1);
    expect(cardTextOf(updates[0])).not.toMatch(/could not be delivered/);
    expect(cardTextOf(updates[0])).not.toContain('Tq8#pW2mZr5!kLx9');
  });

  it('says on every card that a password was lost when it could not be delivered, and reports the failure', async () => {
    const { desk, updates } = deskWithRequesterChat(async () => {
      throw new Error('403 Forbidden: the bot is not part of the conversation roster');
    });
    const failure = desk.changed(privilegedReset, { secret: 'Tq8#pW2mZr5!kLx9' });
    await expect(failure).rejects.toMatchObject({ name: 'RequesterNotTold', secretLost: true });
    await expect(failure).rejects.not.toThrow(/Tq8#/);
    expect(updates).toHaveLength(2);
    expect(cardTextOf(updates.at(-1))).toMatch(
      /the temporary password could not be delivered to Alex Wilber, and it is not kept anywhere/,
    );
    expect(cardTextOf(updates)).not.toContain('Tq8#pW2mZr5!kLx9');
  });

  it('writes the cards and the requester’s message in the requester’s language, times in their zone, named', async () => {
    const sent: unknown[] = [];
    const desk = new ApprovalDesk({
      repository: store.approvals,
      proactive: {
        referenceOf: () => ({}),
        sendCard: async (_reference, card) => {
          sent.push(card);
          return 'message-1';
        },
        updateCard: async (_reference, _activityId, card) => {
          sent.push(card);
        },
      },
      logger: silentLogger(),
    });
    const rejected = {
      ...privilegedReset,
      kind: 'subscription.suspend',
      status: 'rejected' as const,
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      decidedBy: { id: 'adele', name: 'Adele Vance' },
      decidedAt: new Date('2026-03-02T10:15:00Z'),
    };
    await desk.changed(rejected);
    const [card, message] = sent.map((item) => cardTexts(item).join('\n'));
    expect(card).toContain('Demandée le');
    expect(card).toContain('2 mars 2026, 10:00 UTC+1');
    expect(card).toContain('2 mars 2026, 11:15 UTC+1');
    expect(message).toContain('Votre demande a été rejetée');
  });

  it('says so, without a password, when a suspension decision could not be told', async () => {
    const { desk, updates } = deskWithRequesterChat(async () => {
      throw new Error('502 Bad Gateway');
    });
    const suspension = { ...privilegedReset, kind: 'subscription.suspend' };
    await expect(desk.changed(suspension)).rejects.toMatchObject({ secretLost: false });
    expect(cardTextOf(updates.at(-1))).toMatch(/Alex Wilber could not be told of this in their chat/);
  });
});
