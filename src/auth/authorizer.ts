import type { Logger } from '../log';
import type { AuditLog } from '../store/store';
import type { CustomerScope } from './customer-scope';
import type { GroupMembership } from './group-membership';
import type { RoleAssignments } from './role-assignments';
import { allows, type Permission, type Role } from './roles';

/**
 * Who may do what: the single place where a caller's identity becomes a decision.
 * Identity comes from the validated activity (tenant, channel, from.aadObjectId), never from card data.
 */

export interface Caller {
  aadObjectId?: string;
  name?: string;
  tenantId?: string;
  channelId: string;
  groupIds?: readonly string[];
  /** True when the role file names groups and the directory could not say which the caller is in. */
  groupsUnavailable?: boolean;
}

export type DenialReason =
  | 'TENANT_NOT_ALLOWED'
  | 'CHANNEL_NOT_ALLOWED'
  | 'AUTHZ_NO_ROLE'
  | 'AUTHZ_DENIED'
  | 'GROUPS_UNAVAILABLE';

export type Decision =
  /** `scope`: the customers the assignments granting the permission cover, when they do not cover all. */
  | { allowed: true; roles: Role[]; scope?: CustomerScope }
  | { allowed: false; reason: DenialReason; roles: Role[] };

export interface AuthorizationPolicy {
  allowedTenantIds: readonly string[];
  /** In production only Teams activities are served; dev mode also accepts the Playground's other channels. */
  requireTeamsChannel: boolean;
  assignments: RoleAssignments;
  /** Where the caller's Entra groups come from; asked only when the role file names groups. */
  groups?: GroupMembership;
}

/** Tenant, then channel: who may talk to the bot at all, before any role (or group lookup) matters. */
function admission(policy: AuthorizationPolicy, caller: Caller): DenialReason | undefined {
  const allowedTenants = policy.allowedTenantIds.map((id) => id.toLowerCase());
  if (!caller.tenantId || !allowedTenants.includes(caller.tenantId.toLowerCase()))
    return 'TENANT_NOT_ALLOWED';
  if (policy.requireTeamsChannel && caller.channelId !== 'msteams') return 'CHANNEL_NOT_ALLOWED';
  return undefined;
}

/**
 * The pure decision: tenant first, then channel, then roles. Fails closed: when the caller's groups are
 * unavailable, only roles given to the user directly count, and a refusal says why.
 */
export function decide(policy: AuthorizationPolicy, caller: Caller, permission: Permission): Decision {
  const refused = admission(policy, caller);
  if (refused) return { allowed: false, reason: refused, roles: [] };
  const heldRoles = caller.aadObjectId
    ? policy.assignments.rolesOf({ aadObjectId: caller.aadObjectId, groupIds: caller.groupIds })
    : [];
  if (caller.groupsUnavailable && !allows(heldRoles, permission)) {
    return { allowed: false, reason: 'GROUPS_UNAVAILABLE', roles: heldRoles };
  }
  if (heldRoles.length === 0) return { allowed: false, reason: 'AUTHZ_NO_ROLE', roles: [] };
  if (!allows(heldRoles, permission)) return { allowed: false, reason: 'AUTHZ_DENIED', roles: heldRoles };
  const scope =
    caller.aadObjectId &&
    policy.assignments.scopeOf?.({ aadObjectId: caller.aadObjectId, groupIds: caller.groupIds }, permission);
  return scope && scope.kind !== 'all'
    ? { allowed: true, roles: heldRoles, scope }
    : { allowed: true, roles: heldRoles };
}

export interface CheckContext {
  /** The route being run, e.g. 'lookup' or 'customer.select'. */
  action: string;
  correlationId: string;
  customerId?: string;
}

/** Decides and writes every decision, allowed or refused, to the audit log. */
export class Authorizer {
  constructor(
    private readonly policy: AuthorizationPolicy,
    private readonly audit: AuditLog,
    private readonly logger?: Logger,
  ) {}

  rolesOf(caller: Caller): Role[] {
    return caller.aadObjectId
      ? this.policy.assignments.rolesOf({ aadObjectId: caller.aadObjectId, groupIds: caller.groupIds })
      : [];
  }

  async check(caller: Caller, permission: Permission, context: CheckContext): Promise<Decision> {
    const decision = decide(this.policy, await this.withGroups(caller, context), permission);
    await this.audit.append({
      actorId: caller.aadObjectId ?? 'unknown',
      actorName: caller.name,
      roles: decision.roles,
      action: `authorize:${context.action}`,
      outcome: decision.allowed ? 'allowed' : 'denied',
      customerId: context.customerId,
      correlationId: context.correlationId,
      details: decision.allowed
        ? { permission, tenantId: caller.tenantId }
        : { permission, reason: decision.reason, tenantId: caller.tenantId, channelId: caller.channelId },
    });
    return decision;
  }

  /** The caller with the role file's groups they belong to, when the role file names groups at all. */
  private async withGroups(caller: Caller, context: CheckContext): Promise<Caller> {
    const { groups, assignments } = this.policy;
    const groupIds = assignments.groupIds;
    if (!groups || groupIds.length === 0 || !caller.aadObjectId || admission(this.policy, caller)) {
      return caller;
    }
    try {
      return { ...caller, groupIds: await groups.memberGroupsOf(caller.aadObjectId, groupIds) };
    } catch (error) {
      this.logger?.warn(
        { correlationId: context.correlationId, err: error },
        'group membership unavailable: only direct role assignments count',
      );
      return { ...caller, groupIds: [], groupsUnavailable: true };
    }
  }
}
