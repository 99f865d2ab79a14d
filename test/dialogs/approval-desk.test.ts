import { ApprovalDesk, channelReference, isPersonal } from '../../src/dialogs/approval-desk';
import { silentLogger } from '../../src/log';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { sampleApprovalRequest } from '../cards/sample-cards';

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
