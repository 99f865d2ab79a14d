import {
  isPrivilegedTarget,
  privilegedRolesOf,
  privilegedRoleTemplates,
} from '../../src/users/privileged-roles';

describe('the privileged-target guard', () => {
  it.each(Object.entries(privilegedRoleTemplates))('refuses a holder of %s (%s)', (id, name) => {
    expect(isPrivilegedTarget([{ id, name }])).toBe(true);
    // The id alone is enough (a tenant may show another name) …
    expect(isPrivilegedTarget([{ id: id.toUpperCase(), name: 'Renamed role' }])).toBe(true);
  });

  it.each(['Company Administrator', 'Teams Administrator', 'Some Future Administrator', 'Compliance Admin'])(
    'refuses a holder of a role named %s whatever its id',
    (name) => {
      expect(isPrivilegedTarget([{ id: '00000000-0000-4000-8000-000000000001', name }])).toBe(true);
    },
  );

  it.each([
    'Directory Readers',
    'Guest Inviter',
    'Message Center Reader',
    'Reports Reader',
    'Administrative Unit Reader',
  ])('lets a holder of %s only through', (name) => {
    expect(isPrivilegedTarget([{ id: '00000000-0000-4000-8000-000000000002', name }])).toBe(false);
  });

  it('lets a user with no role through', () => {
    expect(isPrivilegedTarget([])).toBe(false);
  });

  it('names only the privileged roles among several', () => {
    const roles = [
      { id: '00000000-0000-4000-8000-000000000002', name: 'Directory Readers' },
      { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
    ];
    expect(privilegedRolesOf(roles).map((role) => role.name)).toEqual(['Helpdesk Administrator']);
  });
});
