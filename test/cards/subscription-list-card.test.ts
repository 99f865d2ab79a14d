import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { maxSubscriptionRows, subscriptionListCard } from '../../src/cards/subscription-list-card';
import { strings } from '../../src/i18n/strings';
import type { SubscriptionProvisioning } from '../../src/provisioning/subscription-provisioning';
import { executeActions, textRuns } from './card-tree';
import { sampleSubscription } from './sample-cards';

const text = strings('en-US');
const customer = { customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94', companyName: 'Contoso190' };
const pending: SubscriptionProvisioning = {
  subscription: {
    id: '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
    offerName: 'Microsoft 365 Business Premium',
    friendlyName: 'Sales team',
    quantity: 10,
    unitType: 'Licenses',
    commitmentEndDate: '2022-09-14T00:00:00Z',
    status: 'active',
  },
  provisioning: { kind: 'status', status: { status: 'pending' } },
};
const azure: SubscriptionProvisioning = {
  subscription: {
    id: 'A356AC8C-E310-44F4-BF85-C7F29044AF99',
    offerName: 'Microsoft Azure',
    friendlyName: 'Microsoft Azure',
    quantity: 1,
    unitType: 'Usage-based',
    commitmentEndDate: '9999-12-10T00:00:00Z',
    status: 'suspended',
  },
  provisioning: { kind: 'unavailable', code: 'PC_FORBIDDEN' },
};
const rowsOf = (card: { body: unknown[] }) =>
  (card.body as Record<string, unknown>[]).filter((element) => element.type === 'Container');

describe('subscription list card', () => {
  it('shows offer, nickname, status, quantity, end date and provisioning per row', () => {
    const card = subscriptionListCard(
      { ...customer, rows: [pending, azure], watched: new Set(), canWatch: true },
      text,
    );
    expect(textRuns(card)).toEqual([
      'Subscriptions of Contoso190',
      '2 subscriptions · 1 provisioning pending',
      'Microsoft 365 Business Premium',
      ' · Sales team',
      'Active',
      ' · 10 Licenses · ends Sep 14, 2022',
      'Provisioning: ',
      'Pending',
      '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
      'Microsoft Azure',
      'Suspended',
      ' · 1 Usage-based · ends no end date',
      'Provisioning: ',
      'Unavailable: no delegated admin access to this customer',
      'A356AC8C-E310-44F4-BF85-C7F29044AF99',
    ]);
  });

  it('makes pending and failed rows stand out', () => {
    const failed: SubscriptionProvisioning = {
      ...pending,
      provisioning: { kind: 'status', status: { status: 'failed' } },
    };
    const card = subscriptionListCard(
      { ...customer, rows: [failed, pending, azure], watched: new Set(), canWatch: true },
      text,
    );
    expect(rowsOf(card).map((row) => row.style)).toEqual(['attention', 'warning', 'default']);
    expect(JSON.stringify(card)).toContain('"text":"Failed","color":"Attention","weight":"Bolder"');
  });

  it('offers "Notify me when ready" only on a pending row the caller is not watching yet', () => {
    const both = subscriptionListCard(
      { ...customer, rows: [pending, azure], watched: new Set(), canWatch: true },
      text,
    );
    expect(executeActions(both).map(({ verb, data }) => ({ verb, data }))).toEqual([
      {
        verb: 'subscription.provisioning',
        data: { customerId: customer.customerId, subscriptionId: pending.subscription.id },
      },
      {
        verb: 'provisioning.watch',
        data: { customerId: customer.customerId, subscriptionId: pending.subscription.id },
      },
      {
        verb: 'subscription.provisioning',
        data: { customerId: customer.customerId, subscriptionId: azure.subscription.id },
      },
    ]);
    const watched = subscriptionListCard(
      { ...customer, rows: [pending], watched: new Set([pending.subscription.id]), canWatch: true },
      text,
    );
    expect(executeActions(watched).map((button) => button.verb)).toEqual(['subscription.provisioning']);
    expect(textRuns(watched)).toContain('You will be notified here when provisioning is no longer pending.');
  });

  it('offers "Suspend" on active rows to those who may ask for a suspension, carrying only the two ids', () => {
    const agent = subscriptionListCard(
      { ...customer, rows: [pending, azure], watched: new Set(), canWatch: true, canSuspend: true },
      text,
    );
    expect(executeActions(agent).filter((button) => button.verb === 'subscription.suspend')).toEqual([
      {
        type: 'Action.Execute',
        title: 'Suspend',
        verb: 'subscription.suspend',
        data: { customerId: customer.customerId, subscriptionId: pending.subscription.id },
      },
    ]);
    const viewer = subscriptionListCard(
      { ...customer, rows: [pending, azure], watched: new Set(), canWatch: true, canSuspend: false },
      text,
    );
    expect(executeActions(viewer).map((button) => button.verb)).not.toContain('subscription.suspend');
  });

  it('says when there are none, and how many it shows of many', () => {
    expect(
      textRuns(subscriptionListCard({ ...customer, rows: [], watched: new Set(), canWatch: true }, text)),
    ).toContain('Partner Center lists no subscriptions for this customer.');
    const many = Array.from({ length: maxSubscriptionRows + 2 }, () => azure);
    expect(
      textRuns(
        subscriptionListCard({ ...customer, rows: many, watched: new Set(), canWatch: true }, text),
      )[1],
    ).toBe(`The first ${maxSubscriptionRows} of ${maxSubscriptionRows + 2} subscriptions`);
  });

  it('fits Teams with a full list of the longest names in 4-byte characters', () => {
    const huge = '😀'.repeat(1000);
    const rows = Array.from({ length: maxSubscriptionRows }, () => ({
      subscription: {
        ...sampleSubscription(huge, '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff'),
        friendlyName: `${huge}!`,
      },
      provisioning: { kind: 'status' as const, status: { status: 'pending' } },
    }));
    const card = subscriptionListCard({ ...customer, rows, watched: new Set(), canWatch: true }, text);
    expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
  });
});
