import { entraRoles } from '../data/gdap';

/**
 * The GDAP roles each customer-user operation needs, from the "GDAP roles" section of each Microsoft
 * Partner Center page ("You'll need at least one of the following GDAP roles"):
 * reset-user-password-for-a-customer, restore-a-user-for-a-customer,
 * get-a-list-of-all-user-accounts-for-a-customer, get-user-roles-for-a-customer. Reading one user and
 * listing deleted users are taken to need what listing users needs, and updating or deleting a user what
 * the portal's "Delete user accounts" and "Create user accounts" sections name [INFERRED].
 */
export interface GdapRequirement {
  /** Any one of these roles is enough. */
  anyOf: readonly { id: string; name: string }[];
}

const {
  userAdministrator,
  privilegedAuthenticationAdministrator,
  directoryReaders,
  directoryWriters,
  globalReader,
} = entraRoles;

export const gdapRequirements = {
  readUsers: { anyOf: [directoryReaders, globalReader, userAdministrator] },
  readDirectoryRoles: { anyOf: [directoryReaders, globalReader, userAdministrator, directoryWriters] },
  resetPassword: { anyOf: [userAdministrator, privilegedAuthenticationAdministrator] },
  restoreUser: { anyOf: [userAdministrator, directoryWriters] },
  createUser: { anyOf: [userAdministrator, directoryWriters] },
  updateUser: { anyOf: [userAdministrator, directoryWriters] },
  deleteUser: { anyOf: [userAdministrator] },
} satisfies Record<string, GdapRequirement>;

/** True when one of the granted role ids (lower case) satisfies the requirement. */
export function isSatisfied(requirement: GdapRequirement, grantedRoleIds: ReadonlySet<string>): boolean {
  return requirement.anyOf.some((role) => grantedRoleIds.has(role.id.toLowerCase()));
}
