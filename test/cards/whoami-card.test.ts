import { whoamiCard } from '../../src/cards/whoami-card';
import { strings } from '../../src/i18n/strings';
import { textRuns } from './card-tree';

const text = strings('en-US');
const identity = {
  displayName: 'Megan Bowen',
  objectId: '6e668259-1f09-479d-bcb8-d9b03e826b8d',
  tenantId: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04',
};

describe('whoami card', () => {
  it('shows the name, the Entra object id, the tenant id and the roles', () => {
    const card = whoamiCard({ ...identity, roles: ['agent', 'approver'] }, text);
    expect(textRuns(card)).toEqual([
      'Who you are',
      'Name',
      'Megan Bowen',
      'Object id',
      identity.objectId,
      'Tenant id',
      identity.tenantId,
      'Roles',
      'agent, approver',
    ]);
  });

  it('says "No role" when the user has none', () => {
    expect(textRuns(whoamiCard({ ...identity, roles: [] }, text)).at(-1)).toBe('No role');
  });
});
