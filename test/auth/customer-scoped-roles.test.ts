import { type AuthorizationPolicy, decide } from '../../src/auth/authorizer';
import { type CustomerScope, scopeAllows } from '../../src/auth/customer-scope';
import { parseRoleAssignments } from '../../src/auth/role-assignments';

const tenant = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';
const ACME = '81a570b1-db47-4da6-9abd-a31abacd60b8';
const CONTOSO = 'bfbd6ef0-311f-47ec-bbd7-0fcb7846661b';
const FABRIKAM = '57aac927-ebd6-49f4-85f5-bc4df5b4130f';
const ids = {
  acmeDesk: '00000000-0000-4000-8000-000000000011',
  everywhereButAcme: '00000000-0000-4000-8000-000000000012',
  generalist: '00000000-0000-4000-8000-000000000013',
  groupMember: '00000000-0000-4000-8000-000000000014',
};
const contosoTeam = '00000000-0000-4000-8000-0000000000bb';

const assignments = parseRoleAssignments({
  roles: {
    viewer: { users: [ids.acmeDesk, ids.everywhereButAcme] },
    agent: [
      { users: [ids.acmeDesk], customers: [ACME.toUpperCase()] },
      { users: [ids.everywhereButAcme], excludeCustomers: [ACME] },
      { users: [ids.generalist] },
      { groups: [contosoTeam], customers: [CONTOSO] },
    ],
  },
});
const policy: AuthorizationPolicy = { allowedTenantIds: [tenant], requireTeamsChannel: true, assignments };
const caller = (aadObjectId: string, groupIds?: string[]) => ({
  aadObjectId,
  tenantId: tenant,
  channelId: 'msteams',
  groupIds,
});
const covers = (scope: CustomerScope | undefined) =>
  [ACME, CONTOSO, FABRIKAM].filter((id) => scope === undefined || scopeAllows(scope, id));

describe('customer-scoped role assignments in the role file', () => {
  it('limit a role to listed customers, or to all but excluded ones', () => {
    const resetter = (id: string, groups?: string[]) =>
      assignments.scopeOf?.({ aadObjectId: id, groupIds: groups }, 'user.resetPassword');
    expect(covers(resetter(ids.acmeDesk))).toEqual([ACME]);
    expect(covers(resetter(ids.everywhereButAcme))).toEqual([CONTOSO, FABRIKAM]);
    expect(covers(resetter(ids.generalist))).toEqual([ACME, CONTOSO, FABRIKAM]);
    expect(covers(resetter(ids.groupMember, [contosoTeam]))).toEqual([CONTOSO]);
  });

  it('scope each permission by the assignments that grant it: an unscoped viewer reads everywhere', () => {
    const reader = assignments.scopeOf?.({ aadObjectId: ids.acmeDesk }, 'customer.read');
    expect(covers(reader)).toEqual([ACME, CONTOSO, FABRIKAM]);
    expect(covers(assignments.scopeOf?.({ aadObjectId: ids.acmeDesk }, 'audit.read'))).toEqual([]);
  });

  it('still list each role once', () => {
    expect(assignments.rolesOf({ aadObjectId: ids.acmeDesk })).toEqual(['viewer', 'agent']);
  });

  it('put the scope in the decision only when it does not cover every customer', () => {
    const scoped = decide(policy, caller(ids.acmeDesk), 'user.resetPassword');
    expect(scoped.allowed && covers(scoped.scope)).toEqual([ACME]);
    expect(decide(policy, caller(ids.generalist), 'user.resetPassword')).toEqual({
      allowed: true,
      roles: ['agent'],
    });
  });

  it.each([
    [{ agent: { users: [ids.acmeDesk], customers: [ACME], excludeCustomers: [CONTOSO] } }, /not both/],
    [{ agent: { users: [ids.acmeDesk], customers: [] } }, /at least one customer/],
    [{ agent: { users: [ids.acmeDesk], customers: ['acme'] } }, /customer tenant id/],
    [{ agent: [] }, /agent/],
  ])('reject a role file that is ambiguous or wrong (%j)', (roles, message) => {
    expect(() => parseRoleAssignments({ roles })).toThrow(message);
  });
});
