import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type Role, roles } from './roles';

/**
 * The role file (RBAC_CONFIG):
 * {"roles":{"viewer":{"users":["<entra object id>"],"groups":["<entra group id>"]},"agent":{…},"approver":{…},"admin":{…}}}
 * Users are matched on the Teams activity's from.aadObjectId; groups on the caller's Entra group ids when known.
 */

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idList = z.array(z.string().regex(guid, 'must be a GUID (Entra object id)')).default([]);
const assignmentSchema = z.object({ users: idList, groups: idList }).strict();

const roleFileSchema = z
  .object({
    roles: z
      .object(
        Object.fromEntries(roles.map((role) => [role, assignmentSchema.optional()])) as Record<
          Role,
          z.ZodOptional<typeof assignmentSchema>
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
}

export function parseRoleAssignments(json: unknown): RoleAssignments {
  const parsed = roleFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid role file:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  const byRole = roles.map((role) => {
    const assignment = parsed.data.roles[role];
    return {
      role,
      users: new Set((assignment?.users ?? []).map((id) => id.toLowerCase())),
      groups: new Set((assignment?.groups ?? []).map((id) => id.toLowerCase())),
    };
  });
  return {
    rolesOf(principal) {
      const userId = principal.aadObjectId.toLowerCase();
      const groupIds = (principal.groupIds ?? []).map((id) => id.toLowerCase());
      return byRole
        .filter(({ users, groups }) => users.has(userId) || groupIds.some((id) => groups.has(id)))
        .map(({ role }) => role);
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
