import { userDetailsCard } from '../../src/cards/user-details-card';
import { strings } from '../../src/i18n/strings';
import { executeActions, textRuns } from './card-tree';
import { sampleCustomer } from './sample-cards';

const text = strings('en-US');
const dakota = sampleCustomer('Dakota mall', 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f');
const megan = {
  id: '9ee43b2e-4d5e-4e27-9d99-6122e319bd49',
  userPrincipalName: 'megan.bowen@dakotamall.onmicrosoft.com',
  firstName: 'Megan',
  lastName: 'Bowen',
  displayName: 'Megan Bowen',
  usageLocation: 'US',
  state: 'active',
};

describe('user details card', () => {
  it('shows the user, its directory roles and a warning when a reset would be refused', () => {
    const card = userDetailsCard(
      {
        customer: dakota,
        user: megan,
        roles: [{ id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' }],
        privileged: true,
      },
      text,
    );
    const runs = textRuns(card);
    expect(runs.slice(0, 2)).toEqual(['Megan Bowen', 'Dakota mall']);
    expect(runs).toEqual(
      expect.arrayContaining([
        'User name',
        megan.userPrincipalName,
        'Active',
        megan.id,
        'Helpdesk Administrator',
      ]),
    );
    expect(runs.at(-1)).toMatch(/administrator role/);
    expect(executeActions(card)).toEqual([
      expect.objectContaining({
        verb: 'user.resetPassword',
        data: { customerId: dakota.id, userId: megan.id },
      }),
    ]);
  });

  it('says "None" for a user without roles, and no warning', () => {
    const runs = textRuns(
      userDetailsCard({ customer: dakota, user: megan, roles: [], privileged: false }, text),
    );
    expect(runs).toContain('None');
    expect(runs.join('\n')).not.toMatch(/administrator role/);
  });
});
