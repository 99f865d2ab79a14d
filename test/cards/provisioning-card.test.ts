import { provisioningCard } from '../../src/cards/provisioning-card';
import { strings } from '../../src/i18n/strings';
import { allNodes, executeActions, textRuns } from './card-tree';

const text = strings('en-US');
const subscription = {
  id: '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
  offerName: 'Microsoft 365 Business Premium',
  friendlyName: 'Sales team',
  quantity: 10,
  status: 'active',
  commitmentEndDate: '2022-09-14T00:00:00Z',
};
const base = {
  customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  companyName: 'Contoso190',
  subscription,
  watching: false,
  canWatch: true,
};
const stateOf = (card: unknown) => allNodes(card).find((node) => node.type === 'Container')?.style;

describe('provisioning card', () => {
  it('explains a pending status, with the documented 15-minute refresh, and offers Notify me', () => {
    const card = provisioningCard(
      {
        ...base,
        provisioning: {
          kind: 'status',
          status: { status: 'pending', quantity: 8, skuId: 'SKU-1', endDate: '2022-09-14T00:00:00Z' },
        },
      },
      text,
    );
    expect(stateOf(card)).toBe('warning');
    const runs = textRuns(card);
    expect(runs.slice(0, 3)).toEqual([
      'Microsoft 365 Business Premium',
      'Sales team · Contoso190',
      'Provisioning: Pending',
    ]);
    expect(runs).toEqual(
      expect.arrayContaining([
        'Quantity',
        '10',
        'Provisioned quantity',
        '8',
        'SKU id',
        'SKU-1',
        'End date',
        'Sep 14, 2022',
      ]),
    );
    expect(executeActions(card).map(({ verb, data }) => ({ verb, data }))).toEqual([
      { verb: 'provisioning.watch', data: { customerId: base.customerId, subscriptionId: subscription.id } },
      {
        verb: 'provisioning.refresh',
        data: { customerId: base.customerId, subscriptionId: subscription.id },
      },
    ]);
  });

  it.each([
    ['success', 'good'],
    ['failed', 'attention'],
    ['none', 'emphasis'],
  ])('shows %s in the %s style, without Notify me', (status, style) => {
    const card = provisioningCard({ ...base, provisioning: { kind: 'status', status: { status } } }, text);
    expect(stateOf(card)).toBe(style);
    expect(executeActions(card).map((button) => button.verb)).toEqual(['provisioning.refresh']);
  });

  it('says when the caller is already watching, instead of offering the button again', () => {
    const card = provisioningCard(
      { ...base, watching: true, provisioning: { kind: 'status', status: { status: 'pending' } } },
      text,
    );
    expect(textRuns(card)).toContain('You will be notified here when provisioning is no longer pending.');
    expect(executeActions(card).map((button) => button.verb)).toEqual(['provisioning.refresh']);
  });

  it('explains an unavailable status and a deleted subscription', () => {
    expect(
      textRuns(
        provisioningCard({ ...base, provisioning: { kind: 'unavailable', code: 'PC_FORBIDDEN' } }, text),
      ),
    ).toContain('Unavailable: no delegated admin access to this customer');
    expect(
      textRuns(
        provisioningCard(
          {
            ...base,
            subscription: { ...subscription, status: 'deleted' },
            provisioning: { kind: 'notApplicable' },
          },
          text,
        ),
      ),
    ).toContain('A deleted subscription has no provisioning status.');
  });
});
