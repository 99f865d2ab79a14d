import { maxPickRows, userCustomerPickCard } from '../../src/cards/user-customer-pick-card';
import { strings } from '../../src/i18n/strings';
import { executeActions, textRuns } from './card-tree';
import { sampleCustomer } from './sample-cards';

const text = strings('en-US');
const first = sampleCustomer('Contoso', '7b26b357-9ca3-48b8-a58e-4febe2662a5d');
const second = sampleCustomer('Contoso', 'bfbd6ef0-311f-47ec-bbd7-0fcb7846661b');
const user = {
  id: '94a1f736-6795-4519-adf4-c10a9eb2d533',
  userPrincipalName: 'alex@contoso.com',
  displayName: 'Alex',
};

describe('customer pick card (ambiguous customer name or UPN domain)', () => {
  it.each([
    ['users', 'customer.users', { customerId: first.id }],
    ['deletedUsers', 'users.deleted', { customerId: first.id, page: '0' }],
    ['resetPassword', 'user.resetPassword', { customerId: first.id, userId: user.id }],
    ['restore', 'user.restore', { customerId: first.id, userId: user.id }],
  ] as const)('offers one %s button per customer', (purpose, verb, data) => {
    const card = userCustomerPickCard(
      {
        purpose,
        title: 'Which one?',
        text: 'Choose.',
        rows: [
          { customer: first, user },
          { customer: second, user },
        ],
      },
      text,
    );
    const actions = executeActions(card);
    expect(actions).toHaveLength(2);
    expect(actions[0]).toMatchObject({ title: 'Choose', verb, data });
  });

  it('names the user found in each customer', () => {
    const card = userCustomerPickCard(
      { purpose: 'restore', title: 'Which one?', text: 'Choose.', rows: [{ customer: first, user }] },
      text,
    );
    expect(textRuns(card)).toContain('Alex · alex@contoso.com');
  });

  it(`holds at most ${maxPickRows} rows`, () => {
    const rows = Array.from({ length: maxPickRows + 1 }, () => ({ customer: first }));
    expect(() => userCustomerPickCard({ purpose: 'users', title: 't', text: 't', rows }, text)).toThrow(
      RangeError,
    );
  });
});
