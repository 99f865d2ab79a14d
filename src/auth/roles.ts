/**
 * Roles and what they allow. The matrix is data: routes name a permission, this file says who holds it.
 */
export const roles = ['viewer', 'agent', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'help',
  'customer.read',
  'user.read',
  'subscription.read',
  'ticket.read',
  'user.resetPassword',
  'user.restore',
  'ticket.write',
  'suspension.request',
  'suspension.decide',
  'subscription.reactivate',
  'audit.read',
  'settings.write',
  /** `doctor`: the bot's Partner Center identity and token health (admins). */
  'diagnostics.read',
] as const;
export type Permission = (typeof permissions)[number];

const viewerPermissions: Permission[] = [
  'help',
  'customer.read',
  'user.read',
  'subscription.read',
  'ticket.read',
];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: viewerPermissions,
  agent: [...viewerPermissions, 'user.resetPassword', 'user.restore', 'ticket.write', 'suspension.request'],
  approver: [...viewerPermissions, 'suspension.decide', 'subscription.reactivate'],
  admin: permissions,
};

export function permissionsOf(heldRoles: readonly Role[]): Set<Permission> {
  return new Set(heldRoles.flatMap((role) => rolePermissions[role]));
}

export function allows(heldRoles: readonly Role[], permission: Permission): boolean {
  return heldRoles.some((role) => rolePermissions[role].includes(permission));
}
