import { type AuthorizationPolicy, Authorizer, type Caller, decide } from '../../src/auth/authorizer';
import type { GroupMembership } from '../../src/auth/group-membership';
import { parseRoleAssignments } from '../../src/auth/role-assignments';
import type { AuditEntry, AuditLog, AuditRecord } from '../../src/store/store';

/** Roles from Entra groups in the decision: asked only when the role file names groups, failing closed. */

const tenant = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';
const viewers = '00000000-0000-4000-8000-0000000000aa';
const admins = '00000000-0000-4000-8000-0000000000bb';
const directViewer = '00000000-0000-4000-8000-000000000001';
const groupMember = '00000000-0000-4000-8000-000000000002';

const withGroups = parseRoleAssignments({
  roles: { viewer: { users: [directViewer], groups: [viewers.toUpperCase()] }, admin: { groups: [admins] } },
});
const usersOnly = parseRoleAssignments({ roles: { viewer: { users: [directViewer] } } });

const caller = (aadObjectId: string, extra: Partial<Caller> = {}): Caller => ({
  aadObjectId,
  tenantId: tenant,
  channelId: 'msteams',
  ...extra,
});

function recordingAudit(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: async (entry) => {
      entries.push(entry);
      return { ...entry, id: String(entries.length), at: new Date() } as AuditRecord;
    },
    query: async () => [],
  };
}

function directory(answer: (userId: string, groupIds: readonly string[]) => Promise<string[]>) {
  const asked: { userId: string; groupIds: readonly string[] }[] = [];
  const groups: GroupMembership = {
    memberGroupsOf: (userId, groupIds) => {
      asked.push({ userId, groupIds });
      return answer(userId, groupIds);
    },
  };
  return { groups, asked };
}

const policy = (extra: Partial<AuthorizationPolicy>): AuthorizationPolicy => ({
  allowedTenantIds: [tenant],
  requireTeamsChannel: true,
  assignments: withGroups,
  ...extra,
});

describe('roles from groups in the decision', () => {
  it('lists every group id the role file names, in lower case, and none for a users-only file', () => {
    expect([...withGroups.groupIds].sort()).toEqual([viewers, admins].sort());
    expect(usersOnly.groupIds).toEqual([]);
  });

  it('refuses with GROUPS_UNAVAILABLE when the groups are unknown and direct roles do not allow the action', () => {
    const unavailable = caller(groupMember, { groupIds: [], groupsUnavailable: true });
    expect(decide(policy({}), unavailable, 'customer.read')).toEqual({
      allowed: false,
      reason: 'GROUPS_UNAVAILABLE',
      roles: [],
    });
    const direct = caller(directViewer, { groupIds: [], groupsUnavailable: true });
    expect(decide(policy({}), direct, 'customer.read')).toMatchObject({ allowed: true, roles: ['viewer'] });
    expect(decide(policy({}), direct, 'audit.read')).toMatchObject({
      allowed: false,
      reason: 'GROUPS_UNAVAILABLE',
    });
  });
});

describe('the authorizer with a group directory', () => {
  it('asks the directory about the role file’s groups and grants the roles of those the caller is in', async () => {
    const { groups, asked } = directory(async () => [admins]);
    const authorizer = new Authorizer(policy({ groups }), recordingAudit());
    const decision = await authorizer.check(caller(groupMember), 'audit.read', {
      action: 'audit',
      correlationId: 'c',
    });
    expect(decision).toEqual({ allowed: true, roles: ['admin'] });
    expect(asked).toEqual([{ userId: groupMember, groupIds: withGroups.groupIds }]);
  });

  it('never asks when the role file names no groups, or when the tenant or channel is refused anyway', async () => {
    const { groups, asked } = directory(async () => [viewers]);
    const usersOnlyAuthorizer = new Authorizer(policy({ groups, assignments: usersOnly }), recordingAudit());
    await usersOnlyAuthorizer.check(caller(directViewer), 'customer.read', {
      action: 'lookup',
      correlationId: 'c',
    });
    const authorizer = new Authorizer(policy({ groups }), recordingAudit());
    const otherTenant = caller(groupMember, { tenantId: '11111111-2222-4333-8444-555555555555' });
    expect(await authorizer.check(otherTenant, 'help', { action: 'help', correlationId: 'c' })).toMatchObject(
      {
        reason: 'TENANT_NOT_ALLOWED',
      },
    );
    const otherChannel = caller(groupMember, { channelId: 'webchat' });
    expect(
      await authorizer.check(otherChannel, 'help', { action: 'help', correlationId: 'c' }),
    ).toMatchObject({
      reason: 'CHANNEL_NOT_ALLOWED',
    });
    expect(asked).toEqual([]);
  });

  it('fails closed when the directory cannot answer, and audits why', async () => {
    const { groups } = directory(async () => {
      throw new Error('Graph is down');
    });
    const audit = recordingAudit();
    const authorizer = new Authorizer(policy({ groups }), audit);
    const decision = await authorizer.check(caller(groupMember), 'customer.read', {
      action: 'lookup',
      correlationId: 'c',
    });
    expect(decision).toEqual({ allowed: false, reason: 'GROUPS_UNAVAILABLE', roles: [] });
    expect(audit.entries[0]).toMatchObject({
      outcome: 'denied',
      details: expect.objectContaining({ reason: 'GROUPS_UNAVAILABLE' }),
    });
  });
});
