import { suspensionFormCard } from '../../src/cards/suspension-form-card';
import { strings } from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { executeActions, nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const customer = { id: '4d3cf487-70f6-4971-bce1-a8b7a5f4d3c1', companyName: 'DT Demo CSP Customer 005' };
const subscription = {
  id: '1da3295e-c59a-476c-a7e7-d7e981fe79be',
  offerName: 'Office 365 Enterprise E3',
  friendlyName: 'Sales team',
  quantity: 5,
  status: 'active',
};

describe('suspension form card', () => {
  it('shows what would be suspended and asks for a required reason of at most 500 characters', () => {
    const card = suspensionFormCard({ customer, subscription }, text);
    expect(textRuns(card)).toEqual([
      'Suspend a subscription',
      'An approver has to agree before the subscription is suspended. Say why it should be suspended.',
      'Customer',
      'DT Demo CSP Customer 005',
      'Subscription',
      'Office 365 Enterprise E3 (Sales team)',
      'Subscription id',
      subscription.id,
      'Licenses',
      '5',
    ]);
    expect(nodesOfType(card, 'Input.Text')).toMatchObject([
      { id: 'reason', isRequired: true, maxLength: 500, value: '', label: 'Reason (required)' },
    ]);
    expect(executeActions(card).map(({ verb, data }) => ({ verb, data }))).toEqual([
      { verb: 'suspension.submit', data: { customerId: customer.id, subscriptionId: subscription.id } },
    ]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('comes back with the problem and what was typed', () => {
    const card = suspensionFormCard(
      { customer, subscription, reason: 'x'.repeat(20), problem: 'Too long' },
      text,
    );
    expect(textRuns(card)).toContain('Too long');
    expect(nodesOfType(card, 'Input.Text')).toMatchObject([{ value: 'x'.repeat(20) }]);
  });
});
