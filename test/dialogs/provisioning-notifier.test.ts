import type { ProactiveMessenger, StoredConversationReference } from '../../src/bot/proactive';
import type { AdaptiveCard } from '../../src/cards';
import { provisioningWatchNotifier } from '../../src/dialogs/provisioning-notifier';
import type { ProvisioningWatch } from '../../src/store/provisioning-watches';
import { cardTexts } from '../support/test-bot';

/** A messenger that records what it is asked to send (the real one needs a connector; see the route tests). */
function recordingMessenger(): ProactiveMessenger & {
  sent: { reference: StoredConversationReference; card: AdaptiveCard }[];
} {
  const sent: { reference: StoredConversationReference; card: AdaptiveCard }[] = [];
  return {
    sent,
    referenceOf: () => ({}),
    async sendCard(reference, card) {
      sent.push({ reference, card });
      return 'activity-1';
    },
    async updateCard() {},
  };
}

const watch: ProvisioningWatch = {
  id: 'w-1',
  requesterId: 'aad-alex',
  conversationReference: { conversation: { id: 'personal-alex' }, serviceUrl: 'https://smba.example/' },
  locale: 'en-US',
  customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  customerName: 'Contoso190',
  subscriptionId: '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
  subscriptionName: 'Microsoft 365 Business Premium',
  createdAt: new Date('2026-03-02T09:00:00Z'),
  expiresAt: new Date('2026-03-03T09:00:00Z'),
  nextCheckAt: new Date('2026-03-02T09:05:00Z'),
  status: 'notified',
  checks: 3,
};

describe('provisioning watch notifier', () => {
  it('sends the ready card into the conversation the watch was started in', async () => {
    const messenger = recordingMessenger();
    await provisioningWatchNotifier(messenger)(watch, { kind: 'ready', status: 'success' });
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0]?.reference).toEqual(watch.conversationReference);
    expect(cardTexts(messenger.sent[0]?.card).join('\n')).toContain(
      'Microsoft 365 Business Premium of Contoso190 finished provisioning: Succeeded.',
    );
  });

  it('says how long it waited when it gave up', async () => {
    const messenger = recordingMessenger();
    await provisioningWatchNotifier(messenger)(watch, { kind: 'gaveUp' });
    expect(cardTexts(messenger.sent[0]?.card).join('\n')).toContain('was still pending after 1 day');
  });

  it('speaks the language the requester used when starting the watch', async () => {
    const messenger = recordingMessenger();
    await provisioningWatchNotifier(messenger)(
      { ...watch, locale: 'zh-TW', timeZone: 'Asia/Taipei' },
      { kind: 'ready', status: 'success' },
    );
    expect(cardTexts(messenger.sent[0]?.card)).toContain('佈建已完成');
  });

  it('names the customer and subscription by id when their names were not stored', async () => {
    const messenger = recordingMessenger();
    const { customerName: _c, subscriptionName: _s, ...unnamed } = watch;
    await provisioningWatchNotifier(messenger)(unnamed, { kind: 'ready', status: 'failed' });
    expect(cardTexts(messenger.sent[0]?.card).join('\n')).toContain(
      'Provisioning of 7d44a913-fd7d-40e8-bf16-ba4456f1f8ff of c5757d70-06f3-4f23-8367-5a9e55019f94 failed',
    );
  });
});
