import { type AuthorizationPolicy, Authorizer, type Caller, decide } from '../../src/auth/authorizer';
import { parseRoleAssignments } from '../../src/auth/role-assignments';
import { allows, type Permission, permissions, type Role, rolePermissions } from '../../src/auth/roles';
import type { AuditEntry, AuditLog, AuditRecord } from '../../src/store/store';

const tenant = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';
const ids = {
  viewer: '00000000-0000-4000-8000-000000000001',
  agent: '00000000-0000-4000-8000-000000000002',
  approver: '00000000-0000-4000-8000-000000000003',
  admin: '00000000-0000-4000-8000-000000000004',
  nobody: '00000000-0000-4000-8000-000000000005',
  groupMember: '00000000-0000-4000-8000-000000000006',
};
const helpdeskGroup = '00000000-0000-4000-8000-0000000000aa';

const assignments = parseRoleAssignments({
  roles: {
    viewer: { users: [ids.viewer] },
    agent: { users: [ids.agent.toUpperCase()], groups: [helpdeskGroup] },
    approver: { users: [ids.approver] },
    admin: { users: [ids.admin] },
  },
});
const policy: AuthorizationPolicy = { allowedTenantIds: [tenant], requireTeamsChannel: true, assignments };
const caller = (aadObjectId: string | undefined, extra: Partial<Caller> = {}): Caller => ({
  aadObjectId,
  tenantId: tenant,
  channelId: 'msteams',
  ...extra,
});

describe('the role matrix', () => {
  const expected: Record<Role, Permission[]> = {
    viewer: ['help', 'customer.read', 'user.read', 'subscription.read', 'ticket.read'],
    agent: [
      'help',
      'customer.read',
      'user.read',
      'subscription.read',
      'ticket.read',
      'user.resetPassword',
      'user.restore',
      'ticket.write',
      'suspension.request',
    ],
    approver: [
      'help',
      'customer.read',
      'user.read',
      'subscription.read',
      'ticket.read',
      'suspension.decide',
      'subscription.reactivate',
    ],
    admin: [...permissions],
  };
  it.each(Object.entries(expected))('%s holds exactly its permissions', (role, granted) => {
    for (const permission of permissions) {
      expect([permission, allows([role as Role], permission)]).toEqual([
        permission,
        granted.includes(permission),
      ]);
    }
  });

  it('only admins read the audit log, and agents cannot decide suspensions', () => {
    expect(rolePermissions.approver).not.toContain('audit.read');
    expect(allows(['agent'], 'suspension.decide')).toBe(false);
    expect(allows(['viewer', 'approver'], 'suspension.decide')).toBe(true);
  });
});

describe('authorization decisions', () => {
  it('grants by user id, case-insensitively, and by group', () => {
    expect(decide(policy, caller(ids.agent), 'user.resetPassword')).toEqual({
      allowed: true,
      roles: ['agent'],
    });
    expect(
      decide(policy, caller(ids.groupMember, { groupIds: [helpdeskGroup] }), 'ticket.write'),
    ).toMatchObject({ allowed: true });
  });

  it('refuses a tenant that is not allowed before anything else', () => {
    expect(
      decide(policy, caller(ids.admin, { tenantId: '99999999-0000-4000-8000-000000000000' }), 'help'),
    ).toMatchObject({
      allowed: false,
      reason: 'TENANT_NOT_ALLOWED',
    });
    expect(decide(policy, caller(ids.admin, { tenantId: undefined }), 'help')).toMatchObject({
      reason: 'TENANT_NOT_ALLOWED',
    });
  });

  it('refuses channels other than Teams when the policy requires Teams', () => {
    expect(decide(policy, caller(ids.admin, { channelId: 'webchat' }), 'help')).toMatchObject({
      reason: 'CHANNEL_NOT_ALLOWED',
    });
    expect(
      decide({ ...policy, requireTeamsChannel: false }, caller(ids.admin, { channelId: 'webchat' }), 'help'),
    ).toMatchObject({
      allowed: true,
    });
  });

  it('tells a user without any role apart from a user whose role does not allow the action', () => {
    expect(decide(policy, caller(ids.nobody), 'help')).toMatchObject({ reason: 'AUTHZ_NO_ROLE' });
    expect(decide(policy, caller(undefined), 'help')).toMatchObject({ reason: 'AUTHZ_NO_ROLE' });
    expect(decide(policy, caller(ids.viewer), 'user.resetPassword')).toEqual({
      allowed: false,
      reason: 'AUTHZ_DENIED',
      roles: ['viewer'],
    });
  });

  it('writes every decision, allowed or refused, to the audit log', async () => {
    const rows: AuditEntry[] = [];
    const audit: AuditLog = {
      append: async (entry) => {
        rows.push(entry);
        return { ...entry, id: String(rows.length), at: new Date() } as AuditRecord;
      },
      query: async () => [],
    };
    const authorizer = new Authorizer(policy, audit);
    await authorizer.check(caller(ids.viewer), 'customer.read', { action: 'lookup', correlationId: 'c-1' });
    await authorizer.check(caller(ids.viewer), 'audit.read', { action: 'audit', correlationId: 'c-2' });
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: ids.viewer,
        action: 'authorize:lookup',
        outcome: 'allowed',
        correlationId: 'c-1',
      }),
      expect.objectContaining({
        action: 'authorize:audit',
        outcome: 'denied',
        details: expect.objectContaining({ reason: 'AUTHZ_DENIED' }),
      }),
    ]);
  });
});

describe('the role file', () => {
  it('rejects unknown roles, unknown keys and ids that are not GUIDs, naming each problem', () => {
    expect(() => parseRoleAssignments({ roles: { superuser: { users: [] } } })).toThrow(/superuser/);
    expect(() => parseRoleAssignments({ roles: { viewer: { users: ['alex'] } } })).toThrow(
      /roles\.viewer\.users\.0: must be a GUID/,
    );
    expect(() => parseRoleAssignments({ roles: { viewer: { people: [] } } })).toThrow(/people/);
  });
});
