import type { DirectoryRole } from '../api/models';

/**
 * The privileged-target guard (pure): a user who holds an administrator directory role is not reset on an
 * agent's word alone. Partner Center names roles by their Entra role template id; both the id and the name
 * are checked, so a renamed or unlisted administrator role ("… Administrator", legacy "Company Administrator")
 * still counts.
 */
export const privilegedRoleTemplates: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': 'Helpdesk Administrator',
  '966707d0-3269-4727-9be2-8c3a10f19b9d': 'Password Administrator',
  'c4e39bd9-1100-46d3-8c65-fb160da0071f': 'Authentication Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2': 'Hybrid Identity Administrator',
  '29232cdf-9323-42fd-ade2-1d097af3e4de': 'Exchange Administrator',
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': 'SharePoint Administrator',
  '3a2c62db-5318-420d-8d74-23affee5d9d5': 'Intune Administrator',
  'fdd7a751-b60b-444a-984c-02652fe8fa1c': 'Groups Administrator',
  'b0f54661-2d74-4c50-afa3-1ec803f12efe': 'Billing Administrator',
  'f023fd81-a637-4b56-95fd-791ac0226033': 'Service Support Administrator',
  '4ba39ca4-527c-499a-b93d-d9b492c50246': 'Partner Tier1 Support',
  'e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8': 'Partner Tier2 Support',
};

const administratorName = /\badmin(istrator)?\b/i;

export function isPrivilegedRole(role: DirectoryRole): boolean {
  return Object.hasOwn(privilegedRoleTemplates, role.id.toLowerCase()) || administratorName.test(role.name);
}

/** The roles that make the target privileged (for the explanation and the audit row). */
export function privilegedRolesOf(roles: readonly DirectoryRole[]): DirectoryRole[] {
  return roles.filter(isPrivilegedRole);
}

export function isPrivilegedTarget(roles: readonly DirectoryRole[]): boolean {
  return roles.some(isPrivilegedRole);
}
