/**
 * GDAP (granular delegated admin privileges): the Microsoft Entra roles a partner holds in a customer's
 * tenant through its delegated admin relationships, and which of them each customer-user operation needs.
 * The requirements are those of the "GDAP roles" section of each Partner Center page ("You'll need at least
 * one of the following GDAP roles"): reset-user-password-for-a-customer, restore-a-user-for-a-customer,
 * get-a-list-of-all-user-accounts-for-a-customer, get-user-roles-for-a-customer. Role ids are Entra's
 * built-in role template ids, the `roleDefinitionId`s of a relationship's `accessDetails.unifiedRoles`.
 */

export interface EntraRole {
  id: string;
  name: string;
}

export const entraRoles = {
  userAdministrator: { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  privilegedAuthenticationAdministrator: {
    id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    name: 'Privileged Authentication Administrator',
  },
  directoryReaders: { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers' },
  directoryWriters: { id: '9360feb5-f418-4baa-8175-e2a00bac4301', name: 'Directory Writers' },
  globalReader: { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader' },
  privilegedRoleAdministrator: {
    id: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    name: 'Privileged Role Administrator',
  },
  helpdeskAdministrator: { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  globalAdministrator: { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
} as const satisfies Record<string, EntraRole>;

const byId = new Map<string, EntraRole>(Object.values(entraRoles).map((role) => [role.id, role]));

/** The role's name, or its id when it is not one of the roles above. */
export function roleName(roleId: string): string {
  return byId.get(roleId.toLowerCase())?.name ?? roleId;
}

export type GdapOperation = 'readUsers' | 'readDirectoryRoles' | 'resetPassword' | 'restoreUser';

export interface GdapRequirement {
  operation: GdapOperation;
  /** Any one of these roles is enough. */
  anyOf: readonly EntraRole[];
}

const {
  userAdministrator,
  privilegedAuthenticationAdministrator,
  directoryReaders,
  directoryWriters,
  globalReader,
  privilegedRoleAdministrator,
} = entraRoles;

export const gdapRequirements: Readonly<Record<GdapOperation, GdapRequirement>> = {
  readUsers: { operation: 'readUsers', anyOf: [directoryReaders, globalReader, userAdministrator] },
  readDirectoryRoles: {
    operation: 'readDirectoryRoles',
    anyOf: [directoryReaders, globalReader, userAdministrator, privilegedRoleAdministrator, directoryWriters],
  },
  resetPassword: {
    operation: 'resetPassword',
    anyOf: [userAdministrator, privilegedAuthenticationAdministrator],
  },
  restoreUser: { operation: 'restoreUser', anyOf: [userAdministrator, directoryWriters] },
};

/** True when one of the granted role ids satisfies the requirement. */
export function satisfies(requirement: GdapRequirement, grantedRoleIds: Iterable<string>): boolean {
  const granted = new Set([...grantedRoleIds].map((id) => id.toLowerCase()));
  return requirement.anyOf.some((role) => granted.has(role.id));
}
