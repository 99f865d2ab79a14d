import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  allCustomers,
  type CustomerScope,
  exceptCustomers,
  noCustomers,
  onlyCustomers,
  unionOf,
} from './customer-scope';
import { allows, type Permission, type Role, roles } from './roles';

/**
 * The role file (RBAC_CONFIG):
 * {"roles":{"viewer":{"users":["<entra object id>"],"groups":["<entra group id>"]},"agent":{…},"approver":{…},"admin":{…}}}
 * Users are matched on the Teams activity's from.aadObjectId; groups on the caller's Entra group ids when known.
 * A role's assignment may be limited to customers, and a role may have several assignments (an array):
 * {"agent":[{"groups":["<group>"],"customers":["<customer tenant id>", …]},{"users":["<id>"],"excludeCustomers":[…]}]}
 * Without `customers` or `excludeCustomers` an assignment covers every customer.
 */

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idList = z.array(z.string().regex(guid, 'must be a GUID (Entra object id)')).default([]);
const customerIds = z
  .array(z.string().regex(guid, 'must be a GUID (customer tenant id)'))
  .min(1, 'must name at least one customer');
const assignmentSchema = z
  .object({
    users: idList,
    groups: idList,
    customers: customerIds.optional(),
    excludeCustomers: customerIds.optional(),
  })
  .strict()
  .refine((assignment) => !(assignment.customers && assignment.excludeCustomers), {
    message: 'use either customers or excludeCustomers, not both',
  });
const roleAssignmentSchema = z.union([assignmentSchema, z.array(assignmentSchema).min(1)]);

const roleFileSchema = z
  .object({
    roles: z
      .object(
        Object.fromEntries(roles.map((role) => [role, roleAssignmentSchema.optional()])) as Record<
          Role,
          z.ZodOptional<typeof roleAssignmentSchema>
        >,
      )
      .strict(),
  })
  .strict();

export interface Principal {
  aadObjectId: string;
  groupIds?: readonly string[];
}

export interface RoleAssignments {
  rolesOf(principal: Principal): Role[];
  /** The customers the principal's assignments granting `permission` cover (none when no assignment does). */
  scopeOf?(principal: Principal, permission: Permission): CustomerScope;
  /** Every Entra group id the role file names (lower case); empty when roles are given to users only. */
  readonly groupIds: readonly string[];
}

export function parseRoleAssignments(json: unknown): RoleAssignments {
  const parsed = roleFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid role file:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  const byRole = roles.flatMap((role) => {
    const given = parsed.data.roles[role];
    const assignments = given === undefined ? [] : Array.isArray(given) ? given : [given];
    return assignments.map((assignment) => ({
      role,
      users: new Set(assignment.users.map((id) => id.toLowerCase())),
      groups: new Set(assignment.groups.map((id) => id.toLowerCase())),
      scope: assignment.customers
        ? onlyCustomers(assignment.customers)
        : assignment.excludeCustomers
          ? exceptCustomers(assignment.excludeCustomers)
          : allCustomers,
    }));
  });
  const matching = (principal: Principal) => {
    const userId = principal.aadObjectId.toLowerCase();
    const groupIds = (principal.groupIds ?? []).map((id) => id.toLowerCase());
    return byRole.filter(({ users, groups }) => users.has(userId) || groupIds.some((id) => groups.has(id)));
  };
  return {
    groupIds: [...new Set(byRole.flatMap(({ groups }) => [...groups]))],
    rolesOf(principal) {
      return [...new Set(matching(principal).map(({ role }) => role))];
    },
    scopeOf(principal, permission) {
      return matching(principal)
        .filter(({ role }) => allows([role], permission))
        .reduce<CustomerScope>((scope, assignment) => unionOf(scope, assignment.scope), noCustomers);
    },
  };
}

export async function loadRoleAssignments(filePath: string): Promise<RoleAssignments> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read role file ${filePath}: ${(error as Error).message}`);
  }
  return parseRoleAssignments(json);
}
